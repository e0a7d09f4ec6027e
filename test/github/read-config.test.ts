import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readRepositoryConfig } from "../../src/github/read-config.js";

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
      problems: [{ key: "typography.nbsp", line: 3, message: expect.stringContaining("« narrow »") }],
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
      "le fichier hérité `betagouv/.github:.github/relecteur.yml` n'est pas du YAML valide",
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
