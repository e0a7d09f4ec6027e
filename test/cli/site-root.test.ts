import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findSiteRoot } from "../../src/site/load-local-site.js";
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

const POST = "_posts/2024-03-05-bonjour.md";

/** A folder holding a site in `site/`, so that the current folder is outside it. */
function siteInsideFolder(files: Record<string, string> = { [POST]: UNKNOWN_AUTHOR_POST }): string {
  const outer = makeTempDir();
  writeFiles(join(outer, "site"), { ...DEFAULT_SITE_FILES, ...files });
  return outer;
}

describe("finding the site root", () => {
  it("walks up from the post to the folder holding _config.yml", async () => {
    const outer = siteInsideFolder();
    const run = await runCli(["check", "--format", "json", `site/${POST}`], { cwd: outer });
    expect(run.status).toBe(1);
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [POST]: ["frontmatter/unknown-author"] });
  });

  it("shows paths from the current folder in the text output", async () => {
    const outer = siteInsideFolder();
    const run = await runCli(["check", `site/${POST}`], { cwd: outer });
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `site/${POST}`,
      `site/${POST}:3:11  erreur         Auteur inconnu «\u00a0jdupond\u00a0»\u00a0: aucune fiche _authors/jdupond.md (voulez-vous dire «\u00a0jdupont\u00a0»\u202f?)  frontmatter/unknown-author`,
    ]);
  });

  it("walks up from the current folder when run inside the site", async () => {
    const root = makeSite({ [POST]: UNKNOWN_AUTHOR_POST });
    const run = await runCli(["check", "--format", "json", "2024-03-05-bonjour.md"], {
      cwd: join(root, "_posts"),
    });
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [POST]: ["frontmatter/unknown-author"] });
  });

  it("starts from the first path that exists", async () => {
    const outer = siteInsideFolder();
    const run = await runCli(["check", "--format", "json", "absent.md", `site/${POST}`], { cwd: outer });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("absent.md: chemin introuvable\n");
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [POST]: ["frontmatter/unknown-author"] });
  });

  it("takes --site DIR and reviews its posts when no path is given", async () => {
    const outer = siteInsideFolder({
      [POST]: UNKNOWN_AUTHOR_POST,
      "_posts/2024-03-06-propre.md": CLEAN_POST,
    });
    const run = await runCli(["check", "--site", "site", "--format", "json"], { cwd: outer });
    expect(rulesByFile(parseJson(run.stdout))).toEqual({
      [POST]: ["frontmatter/unknown-author"],
      "_posts/2024-03-06-propre.md": [],
    });
  });

  it("prefers --site DIR to the site found by walking up", async () => {
    const outer = siteInsideFolder();
    writeFiles(join(outer, "autre"), {
      "_config.yml": "collections:\n  authors:\n    output: true\n",
      "_authors/jdupond.md": "---\nfullname: Jean Dupond\n---\n",
    });
    const run = await runCli(["check", "--site", "autre", "--format", "json", `site/${POST}`], {
      cwd: outer,
    });
    expect(run.status).toBe(0);
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [`site/${POST}`]: [] });
  });

  it("keeps site rules silent when no _config.yml is found", async () => {
    expect(findSiteRoot(tmpdir())).toBeUndefined();
    const folder = makeTempDir();
    writeFiles(folder, {
      "_authors/jdupont.md": "---\nfullname: Jean Dupont\n---\n",
      [POST]: UNKNOWN_AUTHOR_POST.replace("title: Bonjour", "title: Bonjour\nimage: /img/absente.png"),
    });
    const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], { cwd: folder });
    expect(run.status).toBe(0);
    expect(rulesByFile(parseJson(run.stdout))).toEqual({ [POST]: [] });
  });
});

describe("path arguments", () => {
  const files = {
    [POST]: CLEAN_POST,
    "_posts/2024/2024-03-06-rangé.markdown": CLEAN_POST,
    "_posts/notes.txt": "pas un article\n",
    "_posts/image.png": "PNG",
    "_drafts/2024-03-07-brouillon.md": CLEAN_POST,
    "index.md": "---\nlayout: home\n---\n",
  };
  const postsSorted = ["_posts/2024-03-05-bonjour.md", "_posts/2024/2024-03-06-rangé.markdown"];
  const rows: { name: string; args: string[]; paths: string[]; stderr?: string }[] = [
    { name: "no argument reviews every post of the site", args: [], paths: postsSorted },
    { name: "the site folder reviews every post", args: ["."], paths: postsSorted },
    {
      name: "a folder reviews the posts inside it",
      args: ["_posts/2024"],
      paths: [postsSorted[1] as string],
    },
    {
      name: "a folder without posts reviews nothing, and says so",
      args: ["_authors"],
      paths: [],
      stderr:
        "_authors: aucun article dans ce dossier (motifs posts\u00a0: _posts/**/*.md, _posts/**/*.markdown)\n",
    },
    {
      name: "a file is reviewed even outside the posts globs",
      args: ["_authors/jdupont.md"],
      paths: ["_authors/jdupont.md"],
    },
    {
      name: "files are reviewed in the order given",
      args: [postsSorted[1] as string, POST],
      paths: [...postsSorted].reverse(),
    },
    { name: "a file named twice is reviewed once", args: ["_posts", POST, `./${POST}`], paths: postsSorted },
  ];
  for (const row of rows) {
    const { name, args, paths } = row;
    it(name, async () => {
      const root = makeSite(files);
      const run = await runCli(["check", "--format", "json", ...args], { cwd: root });
      expect(run.stderr).toBe(row.stderr ?? "");
      const report = parseJson(run.stdout);
      expect(report.files.map((file) => file.path)).toEqual(paths);
      expect(report.summary.files).toBe(paths.length);
    });
  }
});

describe("a folder with no post", () => {
  it("says so on stderr and exits 0", async () => {
    const root = makeSite({ ...DEFAULT_SITE_FILES, "notes/idee.md": "Une idée.\n" });
    const run = await runCli(["check", "notes"], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "notes: aucun article dans ce dossier (motifs posts\u00a0: _posts/**/*.md, _posts/**/*.markdown)\n",
    );
  });
});
