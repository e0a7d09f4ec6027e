import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assertBoundedConfig, ConfigTooLargeError } from "../../src/config/config-limits.js";
import { readRepositoryConfig } from "../../src/github/read-config.js";
import { BILLION_LAUGHS } from "../config/hostile-yaml.js";

/** Stands for `context.config`: the file's YAML as an object, or the plugin's own error. */
const loaded = (text: string) => async () => parse(text) as unknown;
const text = (value: string | undefined) => async () => value;

describe("readRepositoryConfig", () => {
  it("returns the validated config with its defaults", async () => {
    const result = await readRepositoryConfig(loaded("locale: en\n"), text(undefined));
    expect(result).toMatchObject({ ok: true, config: { locale: "en", review: { maxSuggestions: 25 } } });
  });

  it("places an invalid value on its line of the repository's file", async () => {
    const yaml = "locale: fr\ntypography:\n  nbsp: fine\n";
    const result = await readRepositoryConfig(loaded(yaml), text(yaml));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { key: "typography.nbsp", line: 3, message: expect.stringContaining("«\u00a0narrow\u00a0»") },
      ],
    });
  });

  it("reports an unknown rule id, as the command line does", async () => {
    const yaml = "rules:\n  typo/apostrophes: off\n";
    const result = await readRepositoryConfig(loaded(yaml), text(yaml));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { key: "rules.typo/apostrophes", line: 2, message: expect.stringContaining("typo/apostrophe") },
      ],
    });
  });

  it("names a key that came through _extends, without a line", async () => {
    // The merged object holds a bad key that the repository's own file does not.
    const result = await readRepositoryConfig(
      loaded("locale: fr\nlexique: []\n"),
      text("_extends: betagouv/.github\n"),
    );
    expect(result).toMatchObject({ ok: false, problems: [{ key: "lexique" }] });
    expect(result.ok === false && result.problems[0]?.line).toBe(undefined);
  });

  it("keeps valid posts globs of an invalid config", async () => {
    const yaml = 'posts: ["blog/*.md"]\nlocale: de\n';
    const result = await readRepositoryConfig(loaded(yaml), text(yaml));
    expect(result).toMatchObject({ ok: false, postGlobs: ["blog/*.md"] });
  });

  it("turns the plugin's YAML error into a located problem", async () => {
    const yaml = "locale: fr\nposts: [oops\n";
    const failing = async () => {
      throw new Error(
        "[@probot/octokit-plugin-config] Configuration could not be parsed from … (invalid YAML)",
      );
    };
    const result = await readRepositoryConfig(failing, text(yaml));
    expect(result).toMatchObject({
      ok: false,
      problems: [{ key: "", message: expect.stringContaining("YAML") }],
    });
    expect(result.ok === false && typeof result.problems[0]?.line).toBe("number");
  });

  it("names an inherited file without the API address it was read from", async () => {
    const failing = async () => {
      throw new Error(
        "[@probot/octokit-plugin-config] Configuration could not be parsed from https://ghes.interne.example/api/v3/repos/betagouv/.github/contents/.github%2Frelecteur.yml?ref=main (invalid YAML)",
      );
    };
    const result = await readRepositoryConfig(failing, text("_extends: .github\n"));
    const message = result.ok ? "" : (result.problems[0]?.message ?? "");
    expect(message).toBe(
      "le fichier hérité `betagouv/.github:.github/relecteur.yml` n’est pas du YAML valide",
    );
  });

  it.each([
    '[@probot/octokit-plugin-config] Invalid value "x:y:z" for _extends in https://api.github.com/repos/o/r/contents/.github%2Frelecteur.yml',
    '[@probot/octokit-plugin-config] Recursion detected. Ignoring  "_extends: a" from https://10.0.0.7/api/v3/repos/o/a/contents/f.yml because https://10.0.0.7/api/v3/repos/o/b/contents/f.yml was already loaded.',
    "[@probot/octokit-plugin-config] something new at http://10.0.0.7:8080/internal",
  ])("never shows an address: %s", async (raw) => {
    const failing = async () => {
      throw new Error(raw);
    };
    const result = await readRepositoryConfig(failing, text("_extends: o/r\n"));
    const message = result.ok ? "" : (result.problems[0]?.message ?? "");
    expect(message).not.toMatch(/https?:|10\.0\.0\.7|api\.github\.com/);
    expect(message).not.toBe("");
  });

  it("lets an HTTP error through, for the review's failure path", async () => {
    const failing = async () => {
      throw Object.assign(new Error("Server Error"), { status: 502 });
    };
    await expect(readRepositoryConfig(failing, text(undefined))).rejects.toThrow("Server Error");
  });
});

describe("readRepositoryConfig and a hostile config", () => {
  it("reports anchors and aliases that expand exponentially, placed, when the plugin refuses them", async () => {
    // Probot's plugin parses with the `yaml` package, which refuses the expansion: its error, then our text.
    expect(() => parse(BILLION_LAUGHS)).toThrow(/alias/);
    const failing = async () => {
      throw new Error(
        "[@probot/octokit-plugin-config] Configuration could not be parsed from … (invalid YAML)",
      );
    };
    const result = await readRepositoryConfig(failing, text(BILLION_LAUGHS));
    expect(result).toMatchObject({
      ok: false,
      problems: [{ key: "", line: 4, column: 8, message: expect.stringContaining("trop d’alias YAML") }],
    });
  });

  it("names the limit when the configuration is too large once merged", async () => {
    const tooLarge = async () => {
      throw new ConfigTooLargeError();
    };
    const result = await readRepositoryConfig(tooLarge, text("_extends: betagouv/.github\n"));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          key: "",
          message:
            "configuration trop grande\u00a0: plus de 200\u202f000 valeurs une fois les alias YAML développés",
        },
      ],
    });
  });
});

describe("assertBoundedConfig", () => {
  it("counts a shared object once per place it is used, as merging would copy it", () => {
    // What js-yaml or `yaml` with aliases allowed give: one array referenced nine times, nine levels deep.
    let level: unknown = ["lol"];
    for (let depth = 0; depth < 9; depth++) level = Array(9).fill(level);
    expect(() => assertBoundedConfig([{ lexicon: level }])).toThrow(ConfigTooLargeError);
  });

  it("accepts a lexicon of 10,000 entries", () => {
    const lexicon = Array.from({ length: 10_000 }, (_, index) => ({
      use: `T${index}`,
      avoid: [`t${index}`],
    }));
    expect(() => assertBoundedConfig([{ lexicon }])).not.toThrow();
  });
});
