import { describe, expect, it } from "vitest";
import { renderPost } from "./memory-site.js";

const LAYOUT = `<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0; url=https://ailleurs.example">
<link rel="modulepreload" href="/m.js"><base href="https://ailleurs.example/">
<script>document.title = "pris"</script></head>
<body onload="alert(1)">{{ content }}</body></html>`;

const POST = `---
layout: default
---
<script>alert("article")</script>
<img src="x.png" onerror="alert(2)" class="photo" style="width: 50%">
<a href=" java\tscript:alert(3)" id="lien">lien</a> <a href="data:text/html,<b>x</b>">data</a>
<svg><a xlink:href="javascript:alert(4)"><text>svg</text></a><script>alert(5)</script></svg>
<iframe src="https://video.example/embed/1" srcdoc="<script>alert(6)</script>"></iframe>
<object data="x.swf"></object><noscript><img src="https://pisteur.example/p.gif"></noscript>
<form action="javascript:alert(7)"><button formaction="javascript:alert(8)">ok</button></form>

Un texte **sûr**.
`;

describe("the page runs no script of the site", async () => {
  const page = await renderPost({ "_layouts/default.html": LAYOUT, "_posts/2024-05-01-essai.md": POST });

  it("removes scripts, event handlers and script URLs, wherever they come from", () => {
    expect(page.html).not.toMatch(/<script|<noscript|<object|<base|modulepreload|http-equiv="refresh"/i);
    expect(page.html).not.toMatch(/\son[a-z]+=/i);
    expect(page.html).not.toMatch(/javascript:|java\s*script:|data:text/i);
    expect(page.html).not.toContain("srcdoc");
    expect(page.html).not.toContain("pisteur");
  });

  it("replaces an embedded page by a link to it", () => {
    expect(page.html).toContain('<a href="https://video.example/embed/1" class="relecteur-embed"');
    expect(page.html).not.toContain("<iframe");
  });

  it("keeps classes, ids, styles and the text", () => {
    expect(page.html).toContain('class="photo" style="width: 50%"');
    expect(page.html).toContain('id="lien"');
    expect(page.html).toContain("<strong>sûr</strong>");
  });

  it("says in the banner what it removed", () => {
    expect(page.omissions).toEqual(
      expect.arrayContaining([
        "scripts du site (l’aperçu n’exécute aucun script)",
        "gestionnaires d’évènements (on…)",
        "contenus intégrés (<iframe>), remplacés par un lien",
      ]),
    );
    expect(page.html).toMatch(/<div data-relecteur="banner"[^>]*>.*Aperçu Relecteur.*rendu proche de Jekyll/);
  });
});

describe("the banner", () => {
  it("comes first in the body, with the short commit and a link to the pull request", async () => {
    const page = await renderPost(
      { "_posts/2024-05-01-essai.md": "---\n---\nTexte.\n" },
      "_posts/2024-05-01-essai.md",
      { commit: "abc1234def5678", pullRequestUrl: "https://github.com/o/r/pull/3" },
    );
    expect(page.html).toMatch(/<body><div data-relecteur="banner"/);
    expect(page.html).toContain('<a href="https://github.com/o/r/pull/3"');
    expect(page.html).toContain("· commit abc1234 · rendu proche de Jekyll");
    expect(page.html).not.toContain("abc1234d");
    expect(page.html).toContain('<meta charset="utf-8">');
  });
});
