import { describe, expect, it, vi } from "vitest";
import { memoryFileSource, type SiteFileSource } from "../../src/preview/file-source.js";
import { PreviewSite } from "../../src/preview/preview-site.js";
import { NOW, POST_GLOBS } from "./memory-site.js";

const FILES = {
  "_config.yml": "title: Blog\n",
  "_posts/2024-05-01-essai.md": "---\nlayout: post\n---\n{% include note.html %}Texte.\n",
  "_layouts/post.html":
    "---\nlayout: default\n---\n<article>{{ content }}</article>{% include signature.html %}",
  "_layouts/default.html": "<html><body>{% include entete.html %}{{ content }}</body></html>",
  "_layouts/autre.html": "<div>{{ content }}</div>",
  "_includes/note.html": "<aside>Note</aside>",
  "_includes/signature.html": "<footer>{% include nom.html %}</footer>",
  "_includes/nom.html": "Camille",
  "_includes/entete.html": "<header>Blog</header>",
  "_includes/inutile.html": "jamais incluse",
};

/**
 * The site's files, with its templates held back until `release()`, as a slow GitHub API would: the reads
 * asked for while nothing is answered show what the renderer asks for at once.
 */
function slowTemplates() {
  const files = memoryFileSource(new Map(Object.entries(FILES)));
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const source: SiteFileSource = {
    list: (folder) => files.list(folder),
    readFile: async (path) => {
      if (!/^_(layouts|includes)\//.test(path)) return files.readFile(path);
      asked.push(path);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return files.readFile(path);
    },
  };
  const release = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { source, asked, release };
}

describe("templates read ahead", () => {
  it("asks at once for the post's layout and includes, then for what each names, and nothing else", async () => {
    const { source, asked, release } = slowTemplates();
    const site = await PreviewSite.open(source, { postGlobs: POST_GLOBS, now: NOW });
    const rendering = site.renderPost("_posts/2024-05-01-essai.md");
    await vi.waitFor(() =>
      expect(new Set(asked)).toEqual(new Set(["_layouts/post.html", "_includes/note.html"])),
    );
    release();
    await vi.waitFor(() =>
      expect(asked).toEqual(expect.arrayContaining(["_layouts/default.html", "_includes/signature.html"])),
    );
    const released = setInterval(release, 1);
    try {
      const page = await rendering;
      expect(page.html).toContain("<header>Blog</header><article><aside>Note</aside>");
      expect(page.html).toContain("<footer>Camille</footer>");
    } finally {
      clearInterval(released);
    }
    expect(asked).toEqual(expect.arrayContaining(["_includes/nom.html", "_includes/entete.html"]));
    expect(asked).not.toContain("_layouts/autre.html");
    expect(asked).not.toContain("_includes/inutile.html");
  });
});
