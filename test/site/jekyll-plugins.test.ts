import { describe, expect, it } from "vitest";
import { parseJekyllConfig } from "../../src/site/jekyll-config.js";

const plugins = (text: string) => parseJekyllConfig(text).config.plugins;
const engine = (text: string) => parseJekyllConfig(text).config.markdownEngine;

describe("plugins read from _config.yml", () => {
  it("lists `plugins:` and the older `gems:`", () => {
    expect(plugins("plugins: [jekyll-feed]\ngems:\n  - jemoji\n")).toMatchObject({
      listed: ["jekyll-feed", "jemoji"],
      jemoji: true,
      sitemap: false,
    });
  });

  it("ignores the settings of a plugin that is not listed", () => {
    const read = plugins("feed:\n  path: /atom.xml\npaginate: 5\njekyll-archives:\n  enabled: all\n");
    expect(read).toEqual({ listed: [], sitemap: false, jemoji: false });
  });

  it("reads jekyll-feed's defaults", () => {
    expect(plugins("plugins: [jekyll-feed]\n").feed).toEqual({
      path: "/feed.xml",
      categories: [],
      collections: [],
    });
  });

  it("reads jekyll-feed's path, categories, collections and tags", () => {
    const text = `plugins: [jekyll-feed]
feed:
  path: atom.xml
  categories: [news]
  collections:
    changes:
      path: /changes.atom
      categories: [updates]
    talks: {}
  tags:
    path: flux/tags/
`;
    expect(plugins(text).feed).toEqual({
      path: "/atom.xml",
      categories: ["news"],
      collections: [
        { name: "changes", path: "/changes.atom", categories: ["updates"] },
        { name: "talks", path: "/feed/talks.xml", categories: [] },
      ],
      tagsPath: "/flux/tags/",
    });
    expect(
      plugins("plugins: [jekyll-feed]\nfeed:\n  collections: [talks]\n  tags: true\n").feed,
    ).toMatchObject({
      collections: [{ name: "talks", path: "/feed/talks.xml", categories: [] }],
      tagsPath: "/feed/by_tag/",
    });
  });

  it("reads jekyll-paginate only when `paginate` is set, with Jekyll's default path", () => {
    expect(plugins("plugins: [jekyll-paginate]\n").paginate).toBeUndefined();
    expect(plugins("plugins: [jekyll-paginate]\npaginate: 10\n").paginate).toEqual({ path: "/page:num" });
    expect(
      plugins("plugins: [jekyll-paginate]\npaginate: 10\npaginate_path: blog/p:num/\n").paginate,
    ).toEqual({
      path: "/blog/p:num/",
    });
  });

  it("reads jekyll-paginate-v2 only when `pagination.enabled`", () => {
    expect(plugins("plugins: [jekyll-paginate-v2]\n").paginateV2).toBeUndefined();
    expect(plugins("plugins: [jekyll-paginate-v2]\npagination:\n  enabled: true\n").paginateV2).toEqual({
      permalink: "/page/:num/",
    });
    const custom = "plugins: [jekyll-paginate-v2]\npagination:\n  enabled: true\n  permalink: /p:num.html\n";
    expect(plugins(custom).paginateV2).toEqual({ permalink: "/p:num.html" });
  });

  it("reads jekyll-archives' enabled kinds with their permalinks or the defaults", () => {
    const text = `plugins: [jekyll-archives]
jekyll-archives:
  enabled: [year, tags]
  permalinks:
    year: /archives/:year/
`;
    expect(plugins(text).archives).toEqual({ permalinks: { year: "/archives/:year/", tag: "/tag/:name/" } });
    expect(plugins("plugins: [jekyll-archives]\njekyll-archives:\n  enabled: all\n").archives).toEqual({
      permalinks: {
        year: "/:year/",
        month: "/:year/:month/",
        day: "/:year/:month/:day/",
        tag: "/tag/:name/",
        category: "/category/:name/",
      },
    });
    // Nothing enabled, nothing written: jekyll-archives' default.
    expect(plugins("plugins: [jekyll-archives]\n").archives).toBeUndefined();
  });
});

describe("the Markdown engine read from _config.yml", () => {
  it("is kramdown with its defaults when nothing is said", () => {
    expect(engine("title: Blog\n")).toEqual({
      name: "kramdown",
      kramdown: { input: "GFM", smartQuotes: ["‘", "’", "“", "”"], typographicSymbols: {} },
      commonmarkOptions: [],
    });
  });

  it("reads smart_quotes written as a string, a list of names or code points", () => {
    expect(engine("kramdown:\n  smart_quotes: lsquo, rsquo, laquo, raquo\n").kramdown.smartQuotes).toEqual([
      "‘",
      "’",
      "«",
      "»",
    ]);
    expect(
      engine('kramdown:\n  smart_quotes: ["apos", "apos", "laquo", "raquo"]\n').kramdown.smartQuotes,
    ).toEqual(["'", "'", "«", "»"]);
    expect(engine("kramdown:\n  smart_quotes: 8216,8217,171,187\n").kramdown.smartQuotes).toEqual([
      "‘",
      "’",
      "«",
      "»",
    ]);
  });

  it("falls back to kramdown's default for a smart_quotes it would refuse", () => {
    expect(engine("kramdown:\n  smart_quotes: lsquo,rsquo\n").kramdown.smartQuotes).toEqual([
      "‘",
      "’",
      "“",
      "”",
    ]);
    expect(engine("kramdown:\n  smart_quotes: a,b,c,d\n").kramdown.smartQuotes).toEqual(["‘", "’", "“", "”"]);
  });

  it("reads the input, typographic symbols and a CommonMark engine's options", () => {
    const read = engine(
      "markdown: CommonMarkGhPages\ncommonmark:\n  options: [smart, FOOTNOTES]\nkramdown:\n  input: kramdown\n  typographic_symbols: {hellip: '...'}\n",
    );
    expect(read).toEqual({
      name: "commonmarkghpages",
      kramdown: {
        input: "kramdown",
        smartQuotes: ["‘", "’", "“", "”"],
        typographicSymbols: { hellip: "..." },
      },
      commonmarkOptions: ["SMART", "FOOTNOTES"],
    });
  });
});
