import { describe, expect, it } from "vitest";
import { markdownAnchorIds } from "../../src/links/kramdown-ids.js";
import { DEFAULT_KRAMDOWN_OPTIONS, readKramdownOptions } from "../../src/preview/kramdown-options.js";
import { markdownToHtml } from "../../src/preview/markdown-to-html.js";

const html = (markdown: string, kramdown?: Record<string, unknown>) =>
  markdownToHtml(markdown, kramdown ? readKramdownOptions({ kramdown }) : DEFAULT_KRAMDOWN_OPTIONS);

describe("header ids, as kramdown's GFM parser gives them", () => {
  it("makes ids from the text, accents kept, repeats numbered", () => {
    const out = html("## Été à Paris\n\n## Été à Paris\n\n### L'`API` v2 !\n");
    expect(out).toContain('<h2 id="été-à-paris">');
    expect(out).toContain('<h2 id="été-à-paris-1">');
    expect(out).toContain('<h3 id="lapi-v2-">');
  });

  it("gives the ids the anchor rule expects, for the same Markdown", () => {
    const markdown =
      "# Titre -- un\n\n## Deux... et *trois*\n\n## Deux... et *trois*\n\n## Quatre {#perso}\n";
    const rendered = [...html(markdown).matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1]);
    expect(rendered).toEqual([...markdownAnchorIds(markdown).ids]);
  });

  it("takes an explicit {#id} or an IAL id, and drops the {#id} from the text", () => {
    const out = html("## Titre {#mon-id}\n\n## Autre\n{: #autre-id .large}\n");
    expect(out).toContain('<h2 id="mon-id">Titre</h2>');
    expect(out).toContain('<h2 id="autre-id" class="large">Autre</h2>');
  });

  it("uses plain kramdown's ids with input: kramdown, and none with auto_ids: false", () => {
    expect(html("## 2. Été\n", { input: "kramdown" })).toContain('<h2 id="t">');
    expect(html("## Titre\n", { auto_ids: false })).toContain("<h2>Titre</h2>");
  });
});

describe("attribute lists", () => {
  it("applies a block IAL to the paragraph above it, or to the block below it after a blank line", () => {
    expect(html("Un paragraphe.\n{: .note #p1}\n")).toContain('<p id="p1" class="note">Un paragraphe.</p>');
    expect(html("{: .avant}\n\n> Une citation.\n")).toContain('<blockquote class="avant">');
  });

  it("applies an IAL written after a list to the list", () => {
    expect(html("- un\n- deux\n{: .liste}\n")).toContain('<ul class="liste">');
  });

  it("applies a span IAL to the link or emphasis before it", () => {
    const out = html(
      'Voir [le site](https://example.org){:target="_blank" rel="noopener"} et *ceci*{: .fort}.\n',
    );
    expect(out).toContain('<a href="https://example.org" target="_blank" rel="noopener">le site</a>');
    expect(out).toContain('<em class="fort">ceci</em>');
    expect(out).not.toContain("{:");
  });

  it("resolves a reference to an attribute list definition", () => {
    expect(html("{:encadre: .box .blue}\n\nTexte\n{: encadre}\n")).toContain('<p class="box blue">Texte</p>');
  });
});

describe("{:toc}", () => {
  it("replaces the marked list with links to every header, nested by level", () => {
    const out = html("* TOC\n{:toc}\n\n## Un\n\n### Un bis\n\n## Deux\n");
    expect(out).toContain(
      '<ul id="markdown-toc"><li><a href="#un" id="markdown-toc-un">Un</a><ul><li><a href="#un-bis" id="markdown-toc-un-bis">Un bis</a></li></ul></li><li><a href="#deux" id="markdown-toc-deux">Deux</a></li></ul>',
    );
  });

  it("keeps to toc_levels", () => {
    const out = html("1. TOC\n{:toc}\n\n## Un\n\n### Un bis\n", { toc_levels: "2..2" });
    expect(out).toContain('<ol id="markdown-toc">');
    expect(out).not.toContain("markdown-toc-un-bis");
  });
});

describe("footnotes", () => {
  it("writes kramdown's marks and notes, numbered in order of reference", () => {
    const out = html(
      "Texte[^b] puis[^a] et encore[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n[^inutile]: Jamais citée.\n",
    );
    expect(out).toContain(
      '<sup id="fnref:b" role="doc-noteref"><a href="#fn:b" class="footnote" rel="footnote">1</a></sup>',
    );
    expect(out).toContain(
      '<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">2</a></sup>',
    );
    expect(out).toContain('<sup id="fnref:b:1" role="doc-noteref">');
    expect(out).toContain(
      '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:b" role="doc-endnote"><p>Note B.',
    );
    expect(out).toContain(
      '<a href="#fnref:b:1" class="reversefootnote" role="doc-backlink">↩<sup>2</sup></a>',
    );
    expect(out).not.toContain("Jamais citée");
    expect(out.indexOf('id="fn:b"')).toBeLessThan(out.indexOf('id="fn:a"'));
  });

  it("starts at footnote_nr", () => {
    expect(html("Texte[^1].\n\n[^1]: Note.\n", { footnote_nr: 5 })).toContain('<ol start="5">');
  });
});

describe("abbreviations and definition lists", () => {
  it("wraps each whole-word use of an abbreviation, and drops the definition line", () => {
    const out = html("Le HTML et le XHTML.\n\n*[HTML]: HyperText Markup Language\n");
    expect(out).toContain('Le <abbr title="HyperText Markup Language">HTML</abbr> et le XHTML.');
    expect(out).not.toContain("*[HTML]");
  });

  it("leaves a definition line inside fenced code alone", () => {
    expect(html("```\n*[HTML]: texte\n```\n")).toContain("*[HTML]: texte");
  });

  it("reads a term followed by its definitions", () => {
    expect(html("Pomme\n: Un fruit.\n: Une marque.\n")).toContain(
      "<dl><dt>Pomme</dt><dd>Un fruit.</dd><dd>Une marque.</dd></dl>",
    );
  });

  it("reads a definition separated by a blank line as a paragraph", () => {
    expect(html("Pomme\n\n: Un fruit.\n")).toContain("<dl><dt>Pomme</dt><dd><p>Un fruit.</p></dd></dl>");
  });
});

describe("HTML blocks", () => {
  it('reads the content of a block with markdown="1" as Markdown and drops the attribute', () => {
    const out = html('<div class="encadre" markdown="1">\n**gras** et [lien](/x)\n</div>\n');
    expect(out).toContain('<div class="encadre">');
    expect(out).toContain('<p><strong>gras</strong> et <a href="/x">lien</a></p>');
    expect(out).not.toContain("markdown=");
  });

  it("reads a span element alone on its line, or a comment after a space, as a paragraph", () => {
    expect(html("Avant.\n\n<br/>\n\nAprès.\n")).toBe("<p>Avant.</p>\n<p><br/></p>\n<p>Après.</p>");
    expect(html('<img src="a.png" alt="">\n')).toBe('<p><img src="a.png" alt=""></p>');
    expect(html(" <!--more-->\n")).toBe("<p><!--more--></p>");
    expect(html("<!--more-->\n")).toBe("<!--more-->");
    expect(html("<div>bloc</div>\n")).toBe("<div>bloc</div>");
  });

  it("keeps a block without the attribute as written", () => {
    expect(html("<div>\n**pas du Markdown**\n</div>\n")).toContain("**pas du Markdown**");
  });
});

describe("code blocks, marked up as rouge does", () => {
  it("wraps a fenced block with its language", () => {
    expect(html("```ruby\nputs 1 < 2\n```\n")).toBe(
      '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>puts 1 &#x3C; 2\n</code></pre></div></div>',
    );
  });

  it("wraps an indented block as plain text, and takes a language from an IAL", () => {
    expect(html("    code\n")).toContain(
      '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code\n',
    );
    expect(html("```\nbrut\n```\n")).toContain('<div class="language-plaintext highlighter-rouge">');
    expect(html("    code\n{: .language-js}\n")).toContain('<div class="language-js highlighter-rouge">');
  });

  it("keeps smart quotes and symbols out of code", () => {
    expect(html("`l'a -- b`\n")).toContain("l'a -- b</code>");
  });

  it("marks a code span as plain text for rouge, or in the language an IAL gives", () => {
    expect(html("Le champ `statut`.\n")).toBe(
      '<p>Le champ <code class="language-plaintext highlighter-rouge">statut</code>.</p>',
    );
    expect(html("Voir `puts 1`{: .language-ruby}.\n")).toContain(
      '<code class="language-ruby highlighter-rouge">puts 1</code>',
    );
  });
});

describe("smart quotes and typographic symbols", () => {
  it("follows kramdown's defaults", () => {
    const out = html(`L'État dit "bonjour" -- puis --- et... << fin >> ou <<2024>>.\n`);
    expect(out).toContain("L’État dit “bonjour” – puis — et… «\u00a0fin\u00a0» ou «2024».");
  });

  it("treats quotes around emphasis and after punctuation as kramdown does", () => {
    expect(html(`"*mot*" et 'ok'.\n`)).toContain("“<em>mot</em>” et ‘ok’.");
    expect(html(`les '80s\n`)).toContain("les ’80s");
  });

  it("follows the site's smart_quotes and typographic_symbols", () => {
    const out = html(`"Bonjour" et l'apostrophe... -- fin\n`, {
      smart_quotes: ["apos", "apos", "laquo", "raquo"],
      typographic_symbols: { hellip: "...", ndash: "--" },
    });
    expect(out).toContain("«Bonjour» et l'apostrophe... -- fin");
  });
});

describe("GFM as Jekyll's kramdown reads it", () => {
  it("does not link bare URLs", () => {
    expect(html("Voir https://example.org.\n")).toBe("<p>Voir https://example.org.</p>");
  });

  it("keeps tables and strikethrough, and turns line breaks into <br> only with hard_wrap", () => {
    expect(html("| a |\n| - |\n| b |\n")).toContain("<table>");
    expect(html("~~non~~\n")).toContain("<del>non</del>");
    expect(html("un\ndeux\n")).toBe("<p>un\ndeux</p>");
    expect(html("un\ndeux\n", { hard_wrap: true })).toBe("<p>un<br>\ndeux</p>");
  });
});
