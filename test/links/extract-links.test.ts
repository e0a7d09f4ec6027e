import { describe, expect, it } from "vitest";
import { collectExternalUrls, extractLinks } from "../../src/links/extract-links.js";
import type { ExtractedLink } from "../../src/links/types.js";
import { parsePost } from "../../src/review/parse-post.js";
import { buildSite } from "../../src/site/site.js";

const POST = "_posts/2024-03-05-exemple.md";

function linksOf(
  body: string,
  options: { configText?: string; files?: string[] } = {},
): Pick<ExtractedLink, "kind" | "url" | "written">[] {
  const source = `---\ntitle: Exemple\n---\n\n${body}`;
  const { site } = buildSite({
    files: [POST, "_posts/2024-04-01-annonce-atelier.md", "_pages/contact.md", ...(options.files ?? [])],
    configText: options.configText ?? "url: https://blog.exemple.fr\n",
    postGlobs: ["_posts/**/*.md"],
    texts: new Map([["_pages/contact.md", "---\npermalink: /contact/\n---\n"]]),
  });
  const links = extractLinks(parsePost(POST, source), site);
  for (const link of links) expect(source.slice(link.start, link.end)).toBe(link.written);
  return links.map(({ kind, url, written }) => ({ kind, url, written }));
}

interface ExtractionRow {
  name: string;
  body: string;
  configText?: string;
  expected: Pick<ExtractedLink, "kind" | "url" | "written">[];
}

const rows: ExtractionRow[] = [
  {
    name: "a link with a title, an image, a reference definition",
    body: '[a](/x "titre") ![b](/i.png)\n\n[c][ref]\n\n[ref]: https://ref.fr/a  "Titre"\n',
    expected: [
      { kind: "link", url: "/x", written: "/x" },
      { kind: "image", url: "/i.png", written: "/i.png" },
      { kind: "definition", url: "https://ref.fr/a", written: "https://ref.fr/a" },
    ],
  },
  {
    name: "destinations in angle brackets, with parentheses, escapes and entities",
    body: "[a](</mon fichier.pdf>) [b](/c(d)e) [c](/a\\_b) [d](/a&amp;b)\n",
    expected: [
      { kind: "link", url: "/mon fichier.pdf", written: "/mon fichier.pdf" },
      { kind: "link", url: "/c(d)e", written: "/c(d)e" },
      { kind: "link", url: "/a_b", written: "/a\\_b" },
      { kind: "link", url: "/a&b", written: "/a&amp;b" },
    ],
  },
  {
    name: "link text with brackets, code and an image inside",
    body: "[le `]` et [x]](/a) [![badge](/badge.svg)](https://cible.fr)\n",
    expected: [
      { kind: "link", url: "/a", written: "/a" },
      { kind: "image", url: "/badge.svg", written: "/badge.svg" },
      { kind: "link", url: "https://cible.fr", written: "https://cible.fr" },
    ],
  },
  {
    name: "autolinks, URL and email",
    body: "<https://a.fr/x> et <contact@exemple.fr>\n",
    expected: [
      { kind: "autolink", url: "https://a.fr/x", written: "https://a.fr/x" },
      { kind: "autolink", url: "mailto:contact@exemple.fr", written: "contact@exemple.fr" },
    ],
  },
  {
    name: "bare URLs end before trailing punctuation and unopened parentheses",
    body: "Voir https://a.fr/x. Et (https://b.fr/y_(z)) puis www.c.fr, « https://d.fr » !\n",
    expected: [
      { kind: "bare-url", url: "https://a.fr/x", written: "https://a.fr/x" },
      { kind: "bare-url", url: "https://b.fr/y_(z)", written: "https://b.fr/y_(z)" },
      { kind: "bare-url", url: "http://www.c.fr", written: "www.c.fr" },
      { kind: "bare-url", url: "https://d.fr", written: "https://d.fr" },
    ],
  },
  {
    name: "a URL used as link text is not a second link",
    body: "[https://a.fr](https://a.fr)\n",
    expected: [{ kind: "link", url: "https://a.fr", written: "https://a.fr" }],
  },
  {
    name: "href and src of raw HTML, inline and block, not in comments",
    body: '<a href="/a">a</a> <img src=\'/i.png\'>\n\n<div>\n<iframe src=/v></iframe>\n<!-- <a href="/cache"> -->\n</div>\n',
    expected: [
      { kind: "html-href", url: "/a", written: "/a" },
      { kind: "html-src", url: "/i.png", written: "/i.png" },
      { kind: "html-src", url: "/v", written: "/v" },
    ],
  },
  {
    name: "nothing in code spans, code blocks, raw, comment and highlight blocks, front matter",
    body: "`[a](/x)` et `https://a.fr`\n\n```\n[b](/y) https://b.fr\n```\n\n{% raw %}[c](/z){% endraw %} [d](/ok)\n\n{% highlight md %}\n[e](/w)\n{% endhighlight %}\n\n{% comment %}https://c.fr{% endcomment %}\n",
    expected: [{ kind: "link", url: "/ok", written: "/ok" }],
  },
  {
    name: "Liquid in destinations remark does not parse (spaces), expanded",
    body: "[a]({{ site.baseurl }}/x) ![b]({{site.baseurl}}/i.png)\n\n[ref]: {{ site.baseurl }}/r\n",
    configText: "baseurl: /blog\n",
    expected: [
      { kind: "link", url: "/blog/x", written: "{{ site.baseurl }}/x" },
      { kind: "image", url: "/blog/i.png", written: "{{site.baseurl}}/i.png" },
      { kind: "definition", url: "/blog/r", written: "{{ site.baseurl }}/r" },
    ],
  },
  {
    name: "relative_url, absolute_url, prepend and site.url",
    body: "[a]({{ '/x' | relative_url }}) [b]({{ \"y\" | absolute_url }}) [c]({{ '/z' | prepend: site.baseurl }}) [d]({{ site.url }}/w)\n",
    configText: "url: https://blog.exemple.fr\nbaseurl: /blog\n",
    expected: [
      { kind: "link", url: "/blog/x", written: "{{ '/x' | relative_url }}" },
      { kind: "link", url: "https://blog.exemple.fr/blog/y", written: '{{ "y" | absolute_url }}' },
      { kind: "link", url: "/blog/z", written: "{{ '/z' | prepend: site.baseurl }}" },
      { kind: "link", url: "https://blog.exemple.fr/w", written: "{{ site.url }}/w" },
    ],
  },
  {
    name: "post_url and link tags, in links and alone, with the baseurl once",
    body: "[a]({% post_url 2024-04-01-annonce-atelier %}#programme) [b]({{ site.baseurl }}{% post_url 2024-04-01-annonce-atelier %}) [c]({% link _pages/contact.md %})\n\n{% post_url 2024-01-01-absent %}\n",
    configText: "baseurl: /blog\n",
    expected: [
      {
        kind: "liquid-post-url",
        url: "/blog/2024/04/01/annonce-atelier.html#programme",
        written: "{% post_url 2024-04-01-annonce-atelier %}#programme",
      },
      {
        kind: "liquid-post-url",
        url: "/blog/2024/04/01/annonce-atelier.html",
        written: "{{ site.baseurl }}{% post_url 2024-04-01-annonce-atelier %}",
      },
      { kind: "liquid-link", url: "/blog/contact/", written: "{% link _pages/contact.md %}" },
      {
        kind: "liquid-post-url",
        url: "{% post_url 2024-01-01-absent %}",
        written: "{% post_url 2024-01-01-absent %}",
      },
    ],
  },
  {
    name: "Liquid that cannot be expanded stays as written",
    body: '[a]({{ page.url }}) <a href="{{ x }}/y">b</a>\n',
    expected: [
      { kind: "link", url: "{{ page.url }}", written: "{{ page.url }}" },
      { kind: "html-href", url: "{{ x }}/y", written: "{{ x }}/y" },
    ],
  },
  {
    name: "a destination with a space, which kramdown reads whole",
    body: '[écrivez](mailto:contact @exemple.fr) et ![x](/mon image.png "titre")\n',
    expected: [
      { kind: "link", url: "mailto:contact @exemple.fr", written: "mailto:contact @exemple.fr" },
      { kind: "image", url: "/mon image.png", written: "/mon image.png" },
    ],
  },
];

describe("extractLinks", () => {
  for (const row of rows) {
    it(row.name, () => expect(linksOf(row.body, { configText: row.configText })).toEqual(row.expected));
  }

  it("gives each destination's absolute offsets", () => {
    const source = "---\ntitle: Exemple\n---\n\nUn [lien](/x).\n";
    const { site } = buildSite({ files: [], postGlobs: [] });
    const [link] = extractLinks(parsePost(POST, source), site);
    expect(link).toMatchObject({ start: source.indexOf("/x"), end: source.indexOf("/x") + 2 });
  });
});

describe("collectExternalUrls", () => {
  it("keeps http(s) URLs once, without fragment, not internal, not Liquid", () => {
    const body =
      "[a](https://a.fr/x#y) <https://a.fr/x> [b](http://b.fr) [c](https://blog.exemple.fr/z) [d](mailto:a@b.fr) [e](/f) [g]({{ site.url }}/h)\n";
    const { site } = buildSite({ files: [], postGlobs: [] });
    const links = extractLinks(parsePost(POST, `---\ntitle: x\n---\n\n${body}`), site);
    const isInternal = (url: string) => url.startsWith("https://blog.exemple.fr/");
    expect(collectExternalUrls(links, isInternal)).toEqual(["https://a.fr/x", "http://b.fr"]);
  });
});
