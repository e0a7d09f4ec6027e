import { describe, expect, it } from "vitest";
import { layeredFileSource, memoryFileSource } from "../../src/preview/file-source.js";
import { PreviewSite } from "../../src/preview/preview-site.js";
import { NOW, openSite, POST_GLOBS } from "./memory-site.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

const SITE = {
  "_config.yml": "baseurl: /blog\nurl: https://blog.example.org\nsass:\n  style: compressed\n",
  "_layouts/default.html":
    '<html><head><link rel="stylesheet" href="{{ "/css/main.css" | relative_url }}"><link rel="canonical" href="/x"></head>' +
    '<body style="background: url(/blog/img/fond.png)">{{ content }}<a href="/blog/contact/">contact</a></body></html>',
  "_sass/_couleurs.scss": "$accent: #123456;",
  "css/main.scss":
    '---\n---\n@import "couleurs";\nh1 { color: $accent; background: url("../img/titre.png"); }\n.b { content: "{{ site.baseurl }}"; }\n',
  "img/fond.png": PNG,
  "img/titre.png": PNG,
  "img/photo.png": PNG,
  "_posts/2024-05-01-essai.md":
    '---\nlayout: default\n---\n![Photo](/blog/img/photo.png)\n\n<img src="https://blog.example.org/blog/img/photo.png" srcset="/blog/img/photo.png 2x">\n\n![Ailleurs](https://cdn.example/x.png)\n',
};

describe("the files a page loads", () => {
  it("lists the site's images and stylesheets the page loads, and links them through linkAsset", async () => {
    const site = await openSite(SITE);
    const page = await site.renderPost("_posts/2024-05-01-essai.md", {
      linkAsset: (path) => `/apercu${path}`,
    });
    expect(page.assets).toEqual(["/css/main.css", "/img/fond.png", "/img/photo.png"]);
    expect(page.html).toContain('<link rel="stylesheet" href="/apercu/css/main.css">');
    expect(page.html).toContain('<img src="/apercu/img/photo.png" alt="Photo">');
    expect(page.html).toContain('src="/apercu/img/photo.png" srcset="/apercu/img/photo.png 2x"');
    expect(page.html).toContain("url(/apercu/img/fond.png)");
    expect(page.html).toContain('src="https://cdn.example/x.png"');
    expect(page.html).toContain('<link rel="canonical" href="/x">');
  });

  it("sends links to the site's other pages to the published site", async () => {
    const page = await (await openSite(SITE)).renderPost("_posts/2024-05-01-essai.md");
    expect(page.html).toContain('<a href="https://blog.example.org/blog/contact/">contact</a>');
  });

  it("keeps a link written with the site's address as written", async () => {
    const site = await openSite({
      ...SITE,
      "_posts/2024-05-01-essai.md":
        "---\n---\n[accueil](https://blog.example.org/blog) et [contact](contact/)\n",
    });
    const page = await site.renderPost("_posts/2024-05-01-essai.md");
    expect(page.html).toContain('<a href="https://blog.example.org/blog">accueil</a>');
    expect(page.html).toContain('<a href="https://blog.example.org/blog/2024/05/01/contact/">contact</a>');
  });

  it("compiles a Sass page with its imports and Liquid, and links what it loads", async () => {
    const site = await openSite(SITE);
    const css = await site.renderAsset("/css/main.css", (path) => `/apercu${path}`);
    expect(css?.sourcePath).toBe("css/main.scss");
    expect(css?.contentType).toBe("text/css; charset=utf-8");
    expect(new TextDecoder().decode(css?.bytes)).toBe(
      'h1{color:#123456;background:url("/apercu/img/titre.png")}.b{content:"/blog"}',
    );
    expect(css?.assets).toEqual(["/img/titre.png"]);
  });

  it("serves a static file as it is, and nothing for files Jekyll does not write out", async () => {
    const site = await openSite(SITE);
    expect((await site.renderAsset("/img/photo.png"))?.bytes).toEqual(PNG);
    expect(await site.renderAsset("/_sass/_couleurs.scss")).toBeUndefined();
    expect(await site.renderAsset("/img/absente.png")).toBeUndefined();
    expect(await site.renderAsset("/../img/photo.png")).toBeUndefined();
  });

  it("takes layouts, includes and Sass from the theme when the site has none of its own", async () => {
    const theme = memoryFileSource(
      new Map(
        Object.entries({
          "_layouts/default.html":
            '<html><body class="theme">{% include pied.html %}{{ content }}</body></html>',
          "_includes/pied.html": "pied du thème",
          "_sass/_couleurs.scss": "$accent: red;",
          "assets/theme.scss": '---\n---\n@import "couleurs";\np { color: $accent; }\n',
        }),
      ),
    );
    const own = memoryFileSource(
      new Map(
        Object.entries({
          "_includes/pied.html": "pied du site",
          "_posts/2024-05-01-essai.md": "---\nlayout: default\n---\nTexte.\n",
        }),
      ),
    );
    const site = await PreviewSite.open(layeredFileSource(own, theme), {
      postGlobs: POST_GLOBS,
      now: NOW,
      themeLoaded: true,
    });
    const page = await site.renderPost("_posts/2024-05-01-essai.md");
    expect(page.html).toContain('<body class="theme">');
    expect(page.html).toContain("pied du site<p>Texte.</p>");
    const css = await site.renderAsset("/assets/theme.css");
    expect(new TextDecoder().decode(css?.bytes)).toContain("color: red");
  });
});
