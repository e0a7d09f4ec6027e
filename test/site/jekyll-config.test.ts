import { describe, expect, it } from "vitest";
import { DEFAULT_JEKYLL_CONFIG, parseJekyllConfig } from "../../src/site/jekyll-config.js";

describe("parseJekyllConfig", () => {
  const rows: { name: string; text: string; expected: Partial<typeof DEFAULT_JEKYLL_CONFIG> }[] = [
    { name: "an empty file gives Jekyll's defaults", text: "", expected: DEFAULT_JEKYLL_CONFIG },
    {
      name: "url without trailing slash, baseurl normalized",
      text: "url: https://beta.gouv.fr/\nbaseurl: blog/\n",
      expected: { url: "https://beta.gouv.fr", baseurl: "/blog" },
    },
    { name: "an empty baseurl", text: 'baseurl: ""\n', expected: { baseurl: "" } },
    { name: "a permalink style", text: "permalink: pretty\n", expected: { permalink: "pretty" } },
    {
      name: "the excerpt separator",
      text: "excerpt_separator: <!--more-->\n",
      expected: { excerptSeparator: "<!--more-->" },
    },
    {
      name: "collections as a mapping",
      text: "collections:\n  authors:\n    output: true\n  jobs:\n    permalink: /recrutement/:title.html\n",
      expected: {
        collections: {
          authors: { output: true, permalink: undefined },
          jobs: { output: false, permalink: "/recrutement/:title.html" },
        },
      },
    },
    {
      name: "collections as a list",
      text: "collections: [authors, startups]\n",
      expected: { collections: { authors: { output: false }, startups: { output: false } } },
    },
    { name: "the site's lang", text: "lang: en-US\n", expected: { lang: "en" } },
    { name: "a theme's locale", text: 'locale: "fr-FR"\n', expected: { lang: "fr" } },
    { name: "a language name", text: "language: English\n", expected: { lang: "en" } },
    { name: "lang before locale", text: "locale: en_US\nlang: fr\n", expected: { lang: "fr" } },
    { name: "an unreadable lang gives way", text: "lang: [fr]\nlocale: en\n", expected: { lang: "en" } },
    {
      name: "collections_dir",
      text: "collections_dir: /my_collections/\n",
      expected: { collectionsDir: "my_collections" },
    },
    {
      // Psych, Jekyll's parser, accepts a comment glued to a value; so must we.
      name: "a lenient file that Jekyll accepts",
      text: 'url: https://beta.gouv.fr\ndefaults:\n  - scope:\n      path: ""# all files\n',
      expected: { url: "https://beta.gouv.fr" },
    },
  ];
  for (const { name, text, expected } of rows) {
    it(name, () => {
      const { config, problems } = parseJekyllConfig(text);
      expect(problems).toEqual([]);
      expect(config).toMatchObject(expected);
    });
  }

  it("reports broken YAML with its line, and keeps what could be read", () => {
    const { config, problems } = parseJekyllConfig(
      "url: https://exemple.fr\ntitle: [Mon blog\nbaseurl: /blog\n",
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/^_config\.yml illisible\u00a0: /);
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(config.url).toBe("https://exemple.fr");
  });

  it("reports a file that is a list", () => {
    expect(parseJekyllConfig("- a\n- b\n").problems).toHaveLength(1);
  });
});
