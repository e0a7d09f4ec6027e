import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputPathOf } from "../../src/cli/preview-command.js";
import { hasStackTrace, makeSite, makeTempDir, runCli, useTempDirs, writeFiles } from "./temp-site.js";

useTempDirs();

const FILES = {
  "_config.yml":
    "title: Blog\nurl: https://blog.example.org\npermalink: pretty\ncollections:\n  authors:\n    output: true\n",
  "_layouts/default.html":
    '<html><head><link rel="stylesheet" href="/css/main.css"></head><body>{{ content }}</body></html>',
  "_layouts/post.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}",
  "css/main.scss": "---\n---\n$c: #333;\nbody { color: $c; background: url(/img/fond.png); }\n",
  "img/fond.png": new Uint8Array([1, 2, 3]),
  "img/photo.png": new Uint8Array([4, 5, 6]),
  "_posts/2024-05-01-premier.md":
    "---\ntitle: Premier\nlayout: post\n---\n![photo](/img/photo.png)\n\n![absente](/img/absente.png)\n",
  "_posts/2024-05-02-second.md": "---\ntitle: Second\nlayout: post\n---\n## Un titre\n",
};

describe("relecteur preview", () => {
  it("writes each post at its URL path with the files it loads, and prints the pages' paths", async () => {
    const root = makeSite(FILES);
    const out = makeTempDir();
    const run = await runCli(["preview", "--out", out, "--commit", "0123456789"], { cwd: root });
    expect(run.status).toBe(0);
    const first = join(out, "2024/05/01/premier/index.html");
    const second = join(out, "2024/05/02/second/index.html");
    expect(run.stdout).toBe(`${first}\n${second}\n`);
    const html = readFileSync(first, "utf8");
    expect(html).toContain('<link rel="stylesheet" href="../../../../css/main.css">');
    expect(html).toContain('<img src="../../../../img/photo.png" alt="photo">');
    expect(html).toContain("commit 0123456");
    expect(readFileSync(join(out, "css/main.css"), "utf8")).toContain("background: url(../img/fond.png)");
    expect(readFileSync(join(out, "img/fond.png"))).toEqual(Buffer.from([1, 2, 3]));
    expect(existsSync(join(out, "img/photo.png"))).toBe(true);
    expect(run.stderr).toBe(
      "1 fichier(s) chargé(s) par les pages absent(s) du site\u00a0: /img/absente.png\n",
    );
    expect(readFileSync(second, "utf8")).toContain('<h2 id="un-titre">Un titre</h2>');
  });

  it("renders only the posts named, with a theme folder under the site", async () => {
    const root = makeSite({ ...FILES, "_layouts/default.html": null });
    const theme = makeTempDir();
    writeFiles(theme, { "_layouts/default.html": '<html><body class="theme">{{ content }}</body></html>' });
    const run = await runCli(
      ["preview", "_posts/2024-05-02-second.md", "--out", "apercu", "--theme", theme],
      {
        cwd: root,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("apercu/2024/05/02/second/index.html\n");
    expect(readFileSync(join(root, "apercu/2024/05/02/second/index.html"), "utf8")).toContain(
      '<body class="theme">',
    );
    expect(existsSync(join(root, "apercu/2024/05/01"))).toBe(false);
  });

  it.each([
    { args: ["preview"], message: "relecteur: preview\u00a0: indiquez où écrire les pages avec --out DIR\n" },
    {
      args: ["preview", "--out", "x", "--theme", "absent"],
      message: "relecteur: --theme absent\u00a0: dossier introuvable\n",
    },
    {
      args: ["preview", "--out", "x", "--nope"],
      message: "relecteur: option inconnue «\u00a0--nope\u00a0» (relecteur --help)\n",
    },
  ])("refuses $args with one line and status 2", async ({ args, message }) => {
    const run = await runCli(args, { cwd: makeSite(FILES) });
    expect(run).toEqual({ status: 2, stdout: "", stderr: message });
  });

  it("fails with status 2 and one line per post that cannot be rendered, and renders the others", async () => {
    const root = makeSite({ ...FILES, "_posts/2024-05-03-casse.md": "---\ntitle: Cassé\n---\n{% if %}\n" });
    const run = await runCli(["preview", "--out", makeTempDir()], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(run.stderr).toMatch(/^_posts\/2024-05-03-casse\.md: échec de l’aperçu\u00a0: .+\n/m);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const missing = await runCli(["preview", "_posts/absent.md", "--out", makeTempDir()], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("_posts/absent.md: chemin introuvable\n");
  });

  it.each([
    ["/2017/07/06/cellule.html", "2017/07/06/cellule.html"],
    ["/blog/post/", "blog/post/index.html"],
    ["/", "index.html"],
    ["/sans-extension", "sans-extension.html"],
    ["/caf%C3%A9.html", "café.html"],
  ])("writes the page of %s to %s", (url, path) => {
    expect(outputPathOf(url)).toBe(path);
  });
});
