import { describe, expect, it } from "vitest";
import { warmUpPreviewRenderer } from "../../src/preview/warm-up.js";

describe("the renderer's warm-up", () => {
  it("goes through layouts, includes, dates, kramdown and Sass", async () => {
    const { html, css } = await warmUpPreviewRenderer();
    expect(html).toContain("<h1>Un essai</h1><time>1 May 2024 à 00:00</time>");
    expect(html).toContain('<h2 id="lété---ici-">L’été – « ici »</h2>');
    expect(html).toContain('<p class="note">Texte<sup id="fnref:1"');
    expect(html).toContain('<div class="language-ruby highlighter-rouge">');
    expect(css).toContain("color: #123456");
  });
});
