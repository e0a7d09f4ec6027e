import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BILLION_LAUGHS } from "../config/hostile-yaml.js";
import {
  AUTHORS_STRING_POST,
  CLEAN_POST,
  hasStackTrace,
  makeSite,
  makeTempDir,
  parseJson,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
  writeFiles,
} from "./temp-site.js";

useTempDirs();

const CONFIG = ".github/relecteur.yml";

/** Over 1 MiB: a lexicon of 20,000 entries, every one of them valid. */
const OVERSIZED = `lexicon:\n${Array.from({ length: 20_000 }, (_, index) => `  - use: "Terme numéro ${index} de la charte"\n    avoid: ["terme numéro ${index}"]\n`).join("")}`;

describe("a broken .github/relecteur.yml: exit 2, each problem as file:line:column: reason", () => {
  const rows: { name: string; config: string; problems: string[] }[] = [
    {
      name: "an unknown key",
      config: 'locale: fr\nposts: ["_posts/**/*.md"]\ntypograhpy:\n  nbsp: narrow\n',
      problems: ["3:1: clé inconnue «\u00a0typograhpy\u00a0»"],
    },
    {
      name: "an unknown nested key",
      config: "typography:\n  nbps: narrow\n",
      problems: ["2:3: clé inconnue «\u00a0typography.nbps\u00a0»"],
    },
    {
      name: "a text where a number is expected",
      config: "review:\n  maxSuggestions: beaucoup\n",
      problems: ["2:19: «\u00a0review.maxSuggestions\u00a0» doit être un nombre"],
    },
    {
      name: "a text where a list is expected",
      config: "frontmatter:\n  required: title\n",
      problems: ["2:13: «\u00a0frontmatter.required\u00a0» doit être une liste"],
    },
    {
      name: "a value outside its choices",
      config: "locale: de\n",
      problems: ["1:9: «\u00a0locale\u00a0» doit valoir «\u00a0fr\u00a0», «\u00a0en\u00a0»"],
    },
    {
      name: "a list instead of a mapping",
      config: "- a\n- b\n",
      problems: ["1:1: La configuration doit être un dictionnaire (clé: valeur)"],
    },
    {
      name: "broken YAML (a duplicated key)",
      config: "locale: fr\nlocale: en\n",
      problems: ["2:1: YAML invalide\u00a0: Map keys must be unique"],
    },
    {
      name: "broken YAML (a tab as indentation)",
      config: "\tlocale: fr\n",
      problems: ["1:1: YAML invalide\u00a0: Tabs are not allowed as indentation"],
    },
    {
      name: "unknown rule ids, each with the closest real one",
      config: "rules:\n  typo/apostrof: off\n  frontmatter/slug-styl: error\n",
      problems: [
        "2:3: règle inconnue «\u00a0typo/apostrof\u00a0» (voulez-vous dire «\u00a0typo/apostrophe\u00a0»\u202f?)",
        "3:3: règle inconnue «\u00a0frontmatter/slug-styl\u00a0» (voulez-vous dire «\u00a0frontmatter/slug-style\u00a0»\u202f?)",
      ],
    },
    {
      name: "anchors and aliases that expand exponentially (billion laughs)",
      config: BILLION_LAUGHS,
      problems: [
        "4:8: trop d’alias YAML (*nom)\u00a0: une fois développés, ils dépassent la limite de 1\u202f000 reprises d’ancres (&nom)",
      ],
    },
    {
      name: "a file over 1 MiB, placed on the line that crosses the limit",
      config: OVERSIZED,
      problems: [
        // The line that holds the file's 1,048,577th byte.
        `${
          Buffer.from(OVERSIZED)
            .subarray(0, 1024 * 1024)
            .toString()
            .split("\n").length
        }:1: fichier trop gros (1,5 Mio)\u00a0: la configuration est limitée à 1 Mio`,
      ],
    },
    {
      name: "an unknown rule level",
      config: "rules:\n  frontmatter/slug-style: maybe\n",
      problems: [
        "2:27: «\u00a0rules.frontmatter/slug-style\u00a0» doit valoir «\u00a0off\u00a0», «\u00a0info\u00a0», «\u00a0warning\u00a0», «\u00a0error\u00a0»",
      ],
    },
  ];
  for (const { name, config, problems } of rows) {
    it(name, async () => {
      const root = makeSite({ "_posts/2024-03-05-bonjour.md": UNKNOWN_AUTHOR_POST, [CONFIG]: config });
      const run = await runCli(["check"], { cwd: root });
      const path = join(root, CONFIG);
      expect(run).toEqual({
        status: 2,
        stdout: "",
        stderr: problems.map((problem) => `${path}:${problem}\n`).join(""),
      });
    });
  }

  it("treats an empty config file as the defaults", async () => {
    const root = makeSite({ "_posts/2024-03-05-bonjour.md": CLEAN_POST, [CONFIG]: "" });
    expect(await runCli(["check"], { cwd: root })).toMatchObject({ status: 0, stderr: "" });
  });
});

describe("a config file that cannot be read", () => {
  const isRoot = process.getuid?.() === 0;
  const rows: { name: string; setUp: (root: string) => { args: string[]; stderr: string } }[] = [
    {
      name: "--config naming a missing file",
      setUp: (root) => ({
        args: ["--config", "absent.yml"],
        stderr: `${join(root, "absent.yml")}: fichier introuvable (ENOENT)\n`,
      }),
    },
    {
      name: "--config naming a folder",
      setUp: (root) => ({
        args: ["--config", "_posts"],
        stderr: `${join(root, "_posts")}: fichier illisible (EISDIR)\n`,
      }),
    },
    {
      name: ".github/relecteur.yml being a folder",
      setUp: (root) => {
        mkdirSync(join(root, CONFIG), { recursive: true });
        return { args: [], stderr: `${join(root, CONFIG)}: fichier illisible (EISDIR)\n` };
      },
    },
  ];
  // chmod 000 blocks nobody but non-root users: as root the folder cases above stand in for it.
  if (!isRoot) {
    rows.push({
      name: "a config file without read permission",
      setUp: (root) => {
        writeFiles(root, { [CONFIG]: "locale: fr\n" });
        chmodSync(join(root, CONFIG), 0o000);
        return { args: [], stderr: `${join(root, CONFIG)}: fichier illisible (EACCES)\n` };
      },
    });
  }
  for (const { name, setUp } of rows) {
    it(`${name} is one line and exit 2`, async () => {
      const root = makeSite({ "_posts/2024-03-05-bonjour.md": CLEAN_POST });
      const { args, stderr } = setUp(root);
      const run = await runCli(["check", ...args], { cwd: root });
      expect(run).toEqual({ status: 2, stdout: "", stderr });
      expect(hasStackTrace(run.stderr)).toBe(false);
    });
  }
});

describe("the config changes the review", () => {
  const post = "_posts/2024-03-05-Bonjour.md";

  const levels: { name: string; rules: string; status: number; severities: string[] }[] = [
    { name: "by default, a warning", rules: "{}", status: 0, severities: ["warning"] },
    { name: "off silences the rule", rules: '{ "frontmatter/slug-style": off }', status: 0, severities: [] },
    {
      name: "error raises it and fails",
      rules: '{ "frontmatter/slug-style": error }',
      status: 1,
      severities: ["error"],
    },
    { name: "info lowers it", rules: '{ "frontmatter/slug-style": info }', status: 0, severities: ["info"] },
  ];
  for (const { name, rules, status, severities } of levels) {
    it(`rules: ${name}`, async () => {
      const root = makeSite({ [post]: CLEAN_POST, [CONFIG]: `rules: ${rules}\n` });
      const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], { cwd: root });
      expect(run.status).toBe(status);
      const findings = parseJson(run.stdout).files[0]?.findings ?? [];
      expect(findings.map((finding) => finding.severity)).toEqual(severities);
      expect(findings.every((finding) => finding.rule === "frontmatter/slug-style")).toBe(true);
    });
  }

  it("reads --config FILE relative to the current folder instead of .github/relecteur.yml", async () => {
    const root = makeSite({
      "_posts/2024-03-05-bonjour.md": AUTHORS_STRING_POST,
      [CONFIG]: "locale: fr\n",
      "autre.yml": "locale: en\n",
    });
    const run = await runCli(["check", "--config", "../autre.yml", "--only", "frontmatter"], {
      cwd: join(root, "_posts"),
    });
    expect(run.stdout).toContain("« authors » must be a list, even for one author");
    expect(run.stdout.endsWith("0 errors, 1 warning, 0 infos in 1 file\n")).toBe(true);
  });

  it("speaks English with locale: en: messages, severities and summary line", async () => {
    const root = makeSite({
      "_posts/2024-03-05-bonjour.md": AUTHORS_STRING_POST,
      "_posts/2024-03-06-inconnu.md": UNKNOWN_AUTHOR_POST,
      [CONFIG]: "locale: en\n",
    });
    const run = await runCli(["check", "--only", "frontmatter"], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        "_posts/2024-03-05-bonjour.md",
        "_posts/2024-03-05-bonjour.md:3:10  warning  « authors » must be a list, even for one author: « authors: [jdupont] »  frontmatter/authors-list",
        "",
        "_posts/2024-03-06-inconnu.md",
        "_posts/2024-03-06-inconnu.md:3:11  error    Unknown author « jdupond »: no file _authors/jdupond.md (did you mean « jdupont »?)  frontmatter/unknown-author",
        "",
        "By rule:",
        "  frontmatter/unknown-author  1 error",
        "  frontmatter/authors-list    1 warning",
        "",
        "1 error, 1 warning, 0 infos in 2 files",
        "",
      ].join("\n"),
    );
  });

  it("reviews the files of the configured posts globs", async () => {
    const root = makeSite({
      "_posts/2024-03-05-bonjour.md": UNKNOWN_AUTHOR_POST,
      "articles/2024-03-06-liste.md": AUTHORS_STRING_POST,
      [CONFIG]: 'posts: ["articles/*.md"]\n',
    });
    const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], { cwd: root });
    expect(parseJson(run.stdout).files.map((file) => file.path)).toEqual(["articles/2024-03-06-liste.md"]);
  });

  it("does not look for a config above the site root", async () => {
    const outer = makeTempDir();
    writeFiles(outer, { [CONFIG]: "locale: de\n" });
    const root = join(outer, "site");
    writeFiles(root, {
      "_config.yml": "title: Blog\n",
      "_posts/2024-03-05-bonjour.md": CLEAN_POST,
    });
    expect(await runCli(["check"], { cwd: root })).toMatchObject({ status: 0, stderr: "" });
  });
});
