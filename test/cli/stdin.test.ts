import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLEAN_POST,
  DEFAULT_SITE_FILES,
  makeSite,
  makeTempDir,
  parseJson,
  rulesByFile,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
  writeFiles,
} from "./temp-site.js";

useTempDirs();

describe("--stdin", () => {
  it("reviews the post read on standard input, and the file-name rule stays silent without --path", async () => {
    const run = await runCli(["check", "--stdin", "--format", "json"], {
      cwd: makeSite(),
      stdin: CLEAN_POST,
    });
    expect(run.status).toBe(0);
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ "<stdin>": [] });
  });

  it("uses the site of the current folder", async () => {
    const run = await runCli(["check", "--stdin"], { cwd: makeSite(), stdin: UNKNOWN_AUTHOR_POST });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        "<stdin>",
        "<stdin>:3:11  erreur         Auteur inconnu «\u00a0jdupond\u00a0»\u00a0: aucune fiche _authors/jdupond.md (voulez-vous dire «\u00a0jdupont\u00a0»\u202f?)  frontmatter/unknown-author",
        "",
        "Par règle\u00a0:",
        "  frontmatter/unknown-author  1 erreur",
        "",
        "1 erreur, 0 avertissement, 0 info dans 1 fichier",
        "",
      ].join("\n"),
    );
  });

  const named: { name: string; path: string; rules: string[]; status: number }[] = [
    { name: "a well-named post", path: "_posts/2024-03-05-bonjour.md", rules: [], status: 0 },
    { name: "a post without a date", path: "_posts/bonjour.md", rules: ["frontmatter/file-name"], status: 1 },
    {
      name: "a post with capitals",
      path: "_posts/2024-03-05-Bonjour.md",
      rules: ["frontmatter/slug-style"],
      status: 0,
    },
  ];
  for (const { name, path, rules, status } of named) {
    it(`--path names ${name} for the rules`, async () => {
      const run = await runCli(
        ["check", "--stdin", "--path", path, "--format", "json", "--only", "frontmatter"],
        {
          cwd: makeSite(),
          stdin: CLEAN_POST,
        },
      );
      expect(run.status).toBe(status);
      expect(rulesByFile(parseJson(run.stdout))).toEqual({ [path]: rules });
    });
  }

  it("reads --path from the current folder and reports it from the site root", async () => {
    const root = makeSite();
    const args = ["check", "--stdin", "--path", "2024-03-05-Bonjour.md", "--only", "frontmatter"];
    const json = await runCli([...args, "--format", "json"], {
      cwd: join(root, "_posts"),
      stdin: CLEAN_POST,
    });
    expect(rulesByFile(parseJson(json.stdout))).toEqual({
      "_posts/2024-03-05-Bonjour.md": ["frontmatter/slug-style"],
    });
    const text = await runCli(args, { cwd: join(root, "_posts"), stdin: CLEAN_POST });
    expect(text.stdout.startsWith("2024-03-05-Bonjour.md\n2024-03-05-Bonjour.md:1:1  avertissement")).toBe(
      true,
    );
  });

  it("finds the site from --path when the current folder is outside it", async () => {
    const outer = makeTempDir();
    const post = "_posts/2024-03-05-bonjour.md";
    writeFiles(join(outer, "site"), { ...DEFAULT_SITE_FILES, [post]: CLEAN_POST });
    const run = await runCli(["check", "--stdin", "--path", `site/${post}`, "--format", "json"], {
      cwd: outer,
      stdin: UNKNOWN_AUTHOR_POST,
    });
    expect(run.status).toBe(1);
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [post]: ["frontmatter/unknown-author"] });
  });

  it("refuses --path without --stdin", async () => {
    const run = await runCli(["check", "--path", "_posts/2024-03-05-bonjour.md"], { cwd: makeSite() });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "relecteur: --path nomme l’article lu sur l’entrée standard\u00a0: ajoutez --stdin\n",
    });
  });

  it("reports unreadable bytes on standard input as a finding", async () => {
    const run = await runCli(["check", "--stdin", "--format", "json"], {
      cwd: makeSite(),
      stdin: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]),
    });
    expect(run.status).toBe(1);
    expect(parseJson(run.stdout).files[0]?.findings).toEqual([
      expect.objectContaining({ rule: "markdown/unreadable-file", line: 2, column: 1 }),
    ]);
  });
});
