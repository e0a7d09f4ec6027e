import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/main.js";
import {
  AUTHORS_STRING_POST,
  CLEAN_POST,
  hasStackTrace,
  makeSite,
  parseJson,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
} from "./temp-site.js";

useTempDirs();

describe("exit status of relecteur check", () => {
  const rows: { name: string; post: string; status: number; summary: string }[] = [
    { name: "a clean post", post: CLEAN_POST, status: 0, summary: "0 erreur, 0 avertissement, 0 info" },
    {
      name: "a post with a warning only",
      post: AUTHORS_STRING_POST,
      status: 0,
      summary: "0 erreur, 1 avertissement, 0 info",
    },
    {
      name: "a post with an error",
      post: UNKNOWN_AUTHOR_POST,
      status: 1,
      summary: "1 erreur, 0 avertissement, 0 info",
    },
  ];
  for (const { name, post, status, summary } of rows) {
    it(`is ${status} for ${name}`, async () => {
      const root = makeSite({ "_posts/2024-03-05-bonjour.md": post });
      const run = await runCli(["check"], { cwd: root });
      expect(run).toMatchObject({ status, stderr: "" });
      expect(run.stdout.endsWith(`${summary} dans 1 fichier\n`)).toBe(true);
    });
  }

  it("prints nothing but the summary line for a clean site", async () => {
    const root = makeSite({ "_posts/2024-03-05-bonjour.md": CLEAN_POST });
    expect(await runCli(["check"], { cwd: root })).toEqual({
      status: 0,
      stdout: "0 erreur, 0 avertissement, 0 info dans 1 fichier\n",
      stderr: "",
    });
  });
});

describe("usage errors: exit 2, one line on stderr, nothing on stdout", () => {
  const rows: { name: string; args: string[]; stderr: string }[] = [
    {
      name: "an unknown option",
      args: ["check", "--bogus"],
      stderr: "relecteur: option inconnue «\u00a0--bogus\u00a0» (relecteur --help)\n",
    },
    {
      name: "an option without its value",
      args: ["check", "--format"],
      stderr: "relecteur: l’option «\u00a0--format\u00a0» attend une valeur\n",
    },
    {
      name: "an option followed by another option instead of its value",
      args: ["check", "--format", "--fix"],
      stderr: "relecteur: l’option «\u00a0--format\u00a0» attend une valeur\n",
    },
    {
      name: "a value given to a flag",
      args: ["check", "--offline=oui"],
      stderr: "relecteur: l’option «\u00a0--offline\u00a0» ne prend pas de valeur\n",
    },
    {
      name: "a value of --fix other than all",
      args: ["check", "--fix=oui"],
      stderr:
        "relecteur: --fix=oui\u00a0: «\u00a0--fix\u00a0» applique les corrections sûres, «\u00a0--fix=all\u00a0» aussi les suggestions qui changent des lettres\n",
    },
    {
      name: "an unknown format",
      args: ["check", "--format", "xml"],
      stderr: "relecteur: --format xml\u00a0: formats possibles\u00a0: text, json, github, sarif\n",
    },
    {
      name: "an unknown category",
      args: ["check", "--only", "nope"],
      stderr:
        "relecteur: --only nope\u00a0: catégories possibles\u00a0: frontmatter, markdown, typo, lexicon, links\n",
    },
    {
      name: "an unknown category among known ones",
      args: ["check", "--only", "typo, nope ,links"],
      stderr:
        "relecteur: --only nope\u00a0: catégories possibles\u00a0: frontmatter, markdown, typo, lexicon, links\n",
    },
    {
      name: "an empty category list (it would silence every rule)",
      args: ["check", "--only", ","],
      stderr:
        "relecteur: --only\u00a0: indiquez au moins une catégorie parmi frontmatter, markdown, typo, lexicon, links\n",
    },
    {
      name: "an unknown command",
      args: ["frob"],
      stderr: "relecteur: commande inconnue «\u00a0frob\u00a0» (relecteur --help)\n",
    },
    {
      name: "--path without --stdin",
      args: ["check", "--path", "_posts/2024-03-05-a.md"],
      stderr: "relecteur: --path nomme l’article lu sur l’entrée standard\u00a0: ajoutez --stdin\n",
    },
    {
      name: "--stdin with paths",
      args: ["check", "--stdin", "_posts"],
      stderr: "relecteur: --stdin ne se combine pas avec des chemins\n",
    },
    {
      name: "a missing --site folder",
      args: ["check", "--site", "ailleurs"],
      stderr: "relecteur: --site ailleurs\u00a0: dossier introuvable\n",
    },
  ];
  for (const { name, args, stderr } of rows) {
    for (const debug of [false, true]) {
      it(`${name}${debug ? " (even with --debug)" : ""}`, async () => {
        const root = makeSite({ "_posts/2024-03-05-bonjour.md": UNKNOWN_AUTHOR_POST });
        const run = await runCli(debug ? [...args, "--debug"] : args, { cwd: root });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toBe(stderr);
        expect(hasStackTrace(run.stderr)).toBe(false);
      });
    }
  }
});

describe("help and version", () => {
  const rows: { name: string; args: string[]; status: number; stdout: string | RegExp }[] = [
    { name: "no command prints the usage and fails", args: [], status: 2, stdout: USAGE },
    { name: "--help", args: ["--help"], status: 0, stdout: USAGE },
    { name: "check --help", args: ["check", "--help"], status: 0, stdout: USAGE },
    { name: "--version", args: ["--version"], status: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  ];
  for (const { name, args, status, stdout } of rows) {
    it(name, async () => {
      const run = await runCli(args, { cwd: makeSite() });
      expect(run.status).toBe(status);
      expect(run.stderr).toBe("");
      if (typeof stdout === "string") expect(run.stdout).toBe(stdout);
      else expect(run.stdout).toMatch(stdout);
    });
  }
});

describe("failures", () => {
  it("reports a missing path, still reviews and prints the other files, and exits 2", async () => {
    const root = makeSite({ "_posts/2024-03-05-bonjour.md": UNKNOWN_AUTHOR_POST });
    const run = await runCli(["check", "absent.md", "_posts/2024-03-05-bonjour.md"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("absent.md: chemin introuvable\n");
    expect(run.stdout).toContain("_posts/2024-03-05-bonjour.md:3:11  erreur");
    expect(run.stdout.endsWith("1 erreur, 0 avertissement, 0 info dans 1 fichier\n")).toBe(true);
  });

  it("exits 2, not 1, when a path is missing and another file has an error", async () => {
    const root = makeSite({ "_posts/2024-03-05-bonjour.md": UNKNOWN_AUTHOR_POST });
    const run = await runCli(["check", "_posts", "_posts/absent.md"], { cwd: root });
    expect(run.status).toBe(2);
  });

  const broken = async () => {
    throw new Error("disque en panne");
  };

  it("turns an unexpected failure into one line without a stack trace", async () => {
    const run = await runCli(["check", "--stdin"], { cwd: makeSite(), readStdin: broken });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "<stdin>: échec de la relecture\u00a0: disque en panne (relancez avec --debug pour le détail)\n",
    });
  });

  it("prints the stack trace of a failure with --debug", async () => {
    const run = await runCli(["check", "--stdin", "--debug"], { cwd: makeSite(), readStdin: broken });
    expect(run.status).toBe(2);
    expect(
      run.stderr.startsWith(
        "<stdin>: échec de la relecture\u00a0: disque en panne\nError: disque en panne\n",
      ),
    ).toBe(true);
    expect(hasStackTrace(run.stderr)).toBe(true);
  });
});

describe("--only restricts the categories", () => {
  const post = "---\ntitle: Bonjour\nauthors: jdupont\n---\n\nBonjour : le monde.\n";
  const rows: { only: string; rules: string[] }[] = [
    { only: "frontmatter", rules: ["frontmatter/authors-list"] },
    { only: "typo", rules: ["typo/nbsp-before-colon"] },
    { only: "typo,frontmatter", rules: ["frontmatter/authors-list", "typo/nbsp-before-colon"] },
    { only: "lexicon", rules: [] },
  ];
  for (const { only, rules } of rows) {
    it(`--only ${only}`, async () => {
      const root = makeSite({ "_posts/2024-03-05-bonjour.md": post });
      const run = await runCli(["check", "--format", "json", "--only", only], { cwd: root });
      expect(parseJson(run.stdout).files[0]?.findings.map((finding) => finding.rule)).toEqual(rules);
    });
  }
});
