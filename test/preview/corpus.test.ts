import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownAnchorIds } from "../../src/links/kramdown-ids.js";
import { diskFileSource } from "../../src/preview/disk-file-source.js";
import { layeredFileSource } from "../../src/preview/file-source.js";
import { PreviewSite } from "../../src/preview/preview-site.js";
import { readFrontMatter } from "../../src/review/front-matter.js";
import { NOW, POST_GLOBS } from "./memory-site.js";

const CORPUS = join(import.meta.dirname, "../../../shared/corpus/beta.gouv.fr-2018");
const SITE = join(CORPUS, "site");
const THEME = join(CORPUS, "remote-theme/thimy+template-jekyll@a4e431bc");

/** Posts with headings, several authors, an event (dates with offsets) and images. */
const POSTS = [
  "_posts/2017-07-06-cellule-innovation-etat.md",
  "_posts/2016-03-29-devoxx.md",
  "_posts/2017-05-03-mes-aides-datascience-public.md",
];

describe.skipIf(!existsSync(SITE))("the beta.gouv.fr corpus, rendered with its remote theme", async () => {
  const site = existsSync(SITE)
    ? await PreviewSite.open(layeredFileSource(diskFileSource(SITE), diskFileSource(THEME)), {
        postGlobs: POST_GLOBS,
        now: NOW,
        themeLoaded: true,
      })
    : undefined;
  const posts = POSTS;

  it.each(posts)("%s uses the site's layout and stylesheets", async (path) => {
    const page = await (site as PreviewSite).renderPost(path, { commit: "a4e431bc0000" });
    expect(page.html).toContain('<section class="article article__full">');
    expect(page.html).toContain('<header class="navbar">');
    expect(page.assets).toEqual(
      expect.arrayContaining(["/css/main.css", "/assets/style/main.css", "/css/post.css"]),
    );
    expect(page.omissions).toEqual(["scripts du site (l’aperçu n’exécute aucun script)"]);
  });

  it.each(posts)("%s has kramdown's header ids and its authors' full names", async (path) => {
    const page = await (site as PreviewSite).renderPost(path);
    const source = readFileSync(join(SITE, path), "utf8");
    const body = source.slice(source.indexOf("---", 3) + 3);
    const rendered = new Set([...page.html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((match) => match[1]));
    expect(rendered).toEqual(new Set(markdownAnchorIds(body).ids));
    const frontMatter = readFrontMatter(source);
    const authors =
      frontMatter.kind === "present" && Array.isArray(frontMatter.data.authors)
        ? frontMatter.data.authors
        : [];
    for (const author of authors) {
      const file = readFrontMatter(readFileSync(join(SITE, "_authors", `${author}.md`), "utf8"));
      const fullname = file.kind === "present" ? String(file.data.fullname) : "";
      expect(page.html).toContain(`<div class="article__author-name">${fullname}</div>`);
    }
  });

  it("shows an event's times as written, with their offset", async () => {
    const page = await (site as PreviewSite).renderPost("_posts/2016-03-29-devoxx.md");
    expect(page.html).toContain(
      '<time datetime="2016-04-20T09:30+02:00" class="dtstart">04/20/2016 à 09:30</time>',
    );
  });

  it("compiles the site's Sass over the theme's and serves the theme's stylesheet", async () => {
    const own = await (site as PreviewSite).renderAsset("/css/main.css");
    const theme = await (site as PreviewSite).renderAsset("/assets/style/main.css");
    expect(own?.sourcePath).toBe("css/main.scss");
    expect(new TextDecoder().decode(own?.bytes)).toContain(".cta{cursor:pointer");
    expect(theme?.sourcePath).toBe("assets/style/main.css");
  });
});
