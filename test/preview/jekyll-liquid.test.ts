import { describe, expect, it } from "vitest";
import { MAX_INCLUDE_DEPTH } from "../../src/preview/jekyll-tags.js";
import { bodyOf, renderPost } from "./memory-site.js";

const CONFIG = "title: Mon blog\nurl: https://blog.example.org\nbaseurl: /blog\ntimezone: Europe/Paris\n";

/** The content of a post whose body is `body` (an `.html` post: no Markdown around the Liquid). */
async function liquid(body: string, files: Record<string, string> = {}, frontMatter = ""): Promise<string> {
  const page = await renderPost(
    {
      "_config.yml": CONFIG,
      ...files,
      "_posts/2024-05-01-essai.html": `---\ntitle: Essai\n${frontMatter}---\n${body}`,
    },
    "_posts/2024-05-01-essai.html",
  );
  return bodyOf(page);
}

describe("Jekyll's tags", () => {
  it("includes a file of _includes/ with its parameters, the name possibly built with Liquid", async () => {
    const files = { "_includes/carte.html": "[{{ include.titre }}|{{ include.n }}]" };
    expect(await liquid('{% include carte.html titre="Un" n=2 %}', files)).toBe("[Un|2]");
    expect(await liquid('{% assign f = "carte" %}{% include {{ f }}.html titre=page.title %}', files)).toBe(
      "[Essai|]",
    );
  });

  it("includes a file beside the post with include_relative", async () => {
    expect(
      await liquid('{% include_relative extrait.md mot="ici" %}', {
        "_posts/extrait.md": "Relatif {{ include.mot }}",
      }),
    ).toBe("Relatif ici");
  });

  it("stops an include that includes itself", async () => {
    const render = liquid("{% include boucle.html %}", {
      "_includes/boucle.html": "x{% include boucle.html %}",
    });
    await expect(render).rejects.toThrow(`plus de ${MAX_INCLUDE_DEPTH} inclusions imbriquées`);
  });

  it("writes highlight blocks as Jekyll does, kept whole by Markdown even with a blank line", async () => {
    const page = await renderPost({
      "_config.yml": CONFIG,
      "_posts/2024-05-01-essai.md":
        "---\n---\n{% highlight ruby %}\nputs 1 < 2\n\n*fin*\n{% endhighlight %}\n",
    });
    expect(bodyOf(page)).toBe(
      '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts 1 &#x3C; 2\n\n*fin*\n</code></pre></figure>',
    );
  });

  it("leaves raw blocks unrendered", async () => {
    expect(await liquid("{% raw %}{{ page.title }}{% endraw %}")).toBe("{{ page.title }}");
  });

  it("links posts and documents with post_url and link, baseurl included", async () => {
    const files = {
      "_posts/2023-01-02-autre.md": "---\ntitle: Autre\n---\n",
      "_pages/contact.md": "---\npermalink: /contact/\n---\n",
    };
    expect(await liquid("{% post_url 2023-01-02-autre %} {% link _pages/contact.md %}", files)).toBe(
      "/blog/2023/01/02/autre.html /blog/contact/",
    );
  });

  it("renders an unknown tag as nothing and says so in the banner", async () => {
    const page = await renderPost({
      "_config.yml": CONFIG,
      "_posts/2024-05-01-essai.md":
        "---\ntitle: Essai\n---\n{% seo %}{% mystere %}caché{% endmystere %}Texte\n",
    });
    expect(bodyOf(page)).toBe("<p>Texte</p>");
    expect(page.omissions).toEqual([
      "{% seo %} (extension jekyll-seo-tag)",
      "{% mystere %} (extension Jekyll inconnue)",
    ]);
    expect(page.html).toContain("jekyll-seo-tag");
  });
});

describe("Jekyll's filters", () => {
  it.each([
    ['{{ "/css/a b.css" | relative_url }}', "/blog/css/a%20b.css"],
    ['{{ "/x/" | absolute_url }}', "https://blog.example.org/blog/x/"],
    ['{{ "https://ailleurs.org/x" | relative_url }}', "https://ailleurs.org/x"],
    ['{{ "**gras**" | markdownify }}', "<p><strong>gras</strong></p>"],
    ['{{ "l\'été -- \\"ici\\"" | smartify }}', "l’été – “ici”"],
    [
      '{{ "Été à Paris !" | slugify }}|{{ "Été à Paris !" | slugify: "latin" }}|{{ "a.b c" | slugify: "pretty" }}',
      "été-à-paris|ete-a-paris|a.b-c",
    ],
    [
      '{{ "<a> & b" | xml_escape }}|{{ "a b&c" | cgi_escape }}|{{ "a b/é" | uri_escape }}',
      "&#x3C;a> &#x26; b|a+b%26c|a%20b/%C3%A9",
    ],
    ['{{ "un deux  trois" | number_of_words }}|{{ " a \n  b " | normalize_whitespace }}', "3|a b"],
    [
      '{{ page.list | array_to_sentence_string }}|{{ page.list | array_to_sentence_string: "et" }}',
      "a, b, and c|a, b, et c",
    ],
    ["{{ page.list | jsonify }}", '["a","b","c"]'],
    ['{{ "a { b: c }" | scssify | strip_newlines }}', "a {  b: c;}"],
    ["{% capture s %}a\n  b: c{% endcapture %}{{ s | sassify | strip_newlines }}", "a {  b: c;}"],
  ])("%s", async (template, expected) => {
    expect(await liquid(template, {}, "list: [a, b, c]\n")).toBe(expected);
  });

  it("filters and groups collections with where, where_exp, group_by and sort", async () => {
    const template =
      '{% assign p = page.items | where: "k", "x" %}{{ p.size }}|' +
      '{% assign q = page.items | where_exp: "i", "i.n > 1" %}{{ q | map: "n" | join: "," }}|' +
      '{% assign g = page.items | group_by: "k" %}{% for e in g %}{{ e.name }}={{ e.size }};{% endfor %}|' +
      '{{ page.items | sort: "n" | map: "n" | join: "," }}';
    const frontMatter = "items:\n  - {k: x, n: 3}\n  - {k: y, n: 1}\n  - {k: x, n: 2}\n";
    expect(await liquid(template, {}, frontMatter)).toBe("2|3,2|x=2;y=1;|1,2,3");
  });

  it("formats dates with Ruby's strftime in the site's zone", async () => {
    const template =
      '{{ page.date | date: "%-d/%m/%Y %R %Z" }}|{{ page.date | date_to_xmlschema }}|{{ page.date | date_to_string }}|' +
      '{{ page.date | date_to_long_string: "ordinal", "US" }}|{{ page.date | date_to_rfc822 }}|{{ page.start | date: "%R" }}';
    expect(await liquid(template, {}, "date: 2024-05-01 09:30:00\nstart: 2016-04-20T09:30+02:00\n")).toBe(
      "1/05/2024 09:30 CEST|2024-05-01T09:30:00+02:00|01 May 2024|May 1st, 2024|Wed, 01 May 2024 09:30:00 +0200|09:30",
    );
  });
});

describe("site, page, layout and content", () => {
  const site = {
    "_config.yml": `${CONFIG}collections:\n  authors:\n    output: true\ndefaults:\n  - scope: {path: "", type: posts}\n    values: {layout: post, couleur: bleu}\n`,
    "_layouts/default.html":
      "<html><head><title>{{ page.title }} · {{ site.title }}</title></head><body>{{ content }}<footer>{{ layout.pied }}</footer></body></html>",
    "_layouts/post.html":
      '---\nlayout: default\npied: Pied de page\n---\n<article data-couleur="{{ page.couleur }}" data-url="{{ page.url }}" data-id="{{ page.id }}">{{ content }}</article>',
    "_authors/jd.md": "---\nfullname: Jeanne Dupont\n---\nBio *courte*.\n",
    "_data/equipe.yml": "- nom: Ana\n",
    "_posts/2023-01-02-ancien.md": "---\ntitle: Ancien\n---\nAvant.\n",
    "_posts/2024-05-01-essai.md":
      "---\ntitle: Essai\nauthors: [jd]\n---\nDébut.\n\nSuite {{ site.authors | where: 'id', '/authors/jd' | map: 'fullname' | first }}, " +
      "{{ site.data.equipe[0].nom }}, {{ site.posts | map: 'title' | join: '+' }}, {{ site.time | date: '%Y' }}.\n",
  };

  it("renders the post in its layouts, with front matter defaults and the layout's data", async () => {
    const page = await renderPost(site);
    expect(page.urlPath).toBe("/2024/05/01/essai.html");
    expect(page.html).toContain("<title>Essai · Mon blog</title>");
    expect(page.html).toContain(
      '<article data-couleur="bleu" data-url="/2024/05/01/essai.html" data-id="/2024/05/01/essai"><p>Début.</p>',
    );
    expect(page.html).toContain("<p>Suite Jeanne Dupont, Ana, Essai+Ancien, 2024.</p>");
    expect(page.html).toContain("<footer>Pied de page</footer>");
  });

  it("sets page.excerpt to the rendered text before the separator", async () => {
    const page = await renderPost({
      ...site,
      "_layouts/post.html":
        '<div class="extrait">{{ page.excerpt }}</div>{{ content | remove: page.excerpt }}',
      "_posts/2024-05-01-essai.md": "---\ntitle: Essai\n---\nDébut *ici*.\n\nSuite.\n",
    });
    expect(bodyOf(page)).toBe('<div class="extrait"><p>Début <em>ici</em>.</p></div>\n<p>Suite.</p>');
  });

  it("says when a layout is missing and when the remote theme is not loaded", async () => {
    const page = await renderPost({
      "_config.yml":
        "markdown: CommonMarkGhPages\nremote_theme: owner/theme\nplugins: [jekyll-remote-theme, jemoji]\n",
      "_posts/2024-05-01-essai.md": "---\nlayout: absente\n---\nTexte.\n",
    });
    expect(page.omissions).toEqual([
      "convertisseur Markdown commonmarkghpages (rendu ici comme kramdown)",
      "extension jemoji",
      "thème distant owner/theme non chargé",
      "mise en page «\u00a0absente\u00a0» introuvable dans le site (elle vient peut-être du thème)",
    ]);
  });

  it("stops a template past liquidjs's limits", async () => {
    const render = liquid("{% for i in (1..100000000) %}{{ i }}{% endfor %}");
    await expect(render).rejects.toThrow(/limit/i);
  });
});
