import { describe, expect, it } from "vitest";
import { DEFAULT_JEKYLL_CONFIG, type JekyllConfig } from "../../src/site/jekyll-config.js";
import { resolvePermalink, siteUrl } from "../../src/site/permalink.js";
import { parsePostPath } from "../../src/site/post-path.js";

/** What a row says about a post; everything else is Jekyll's default. */
interface PostCase {
  path: string;
  frontMatter?: Record<string, unknown>;
  frontMatterDateText?: string;
  config?: Partial<JekyllConfig>;
}

interface PermalinkRow {
  name: string;
  input: PostCase;
  /** Computed by hand from Jekyll 4's rules. */
  expected: string | undefined;
}

const POST = "_posts/2017-07-06-cellule-innovation-etat.md";
const DEFAULT_URL = "/2017/07/06/cellule-innovation-etat.html";
/** 2017-07-06 is a Thursday, day 187 of the year, in ISO week 27. */
const DATE_TEXT = "2017-07-06 09:05:03 +0200";

function withTemplate(permalink: string, input: Partial<PostCase> = {}): PostCase {
  return { path: POST, ...input, config: { permalink, ...input.config } };
}

const rows: PermalinkRow[] = [
  // Built-in styles
  { name: "style date (the default)", input: { path: POST }, expected: DEFAULT_URL },
  { name: "style date, named", input: withTemplate("date"), expected: DEFAULT_URL },
  { name: "style pretty", input: withTemplate("pretty"), expected: "/2017/07/06/cellule-innovation-etat/" },
  {
    name: "style ordinal",
    input: withTemplate("ordinal"),
    expected: "/2017/187/cellule-innovation-etat.html",
  },
  {
    name: "style weekdate",
    input: withTemplate("weekdate"),
    expected: "/2017/W27/Thu/cellule-innovation-etat.html",
  },
  { name: "style none", input: withTemplate("none"), expected: "/cellule-innovation-etat.html" },
  {
    name: "style pretty with a category",
    input: withTemplate("pretty", { frontMatter: { categories: ["Politique"] } }),
    expected: "/politique/2017/07/06/cellule-innovation-etat/",
  },
  {
    name: "the posts collection's own permalink wins over the site's",
    input: withTemplate("pretty", {
      config: { collections: { posts: { output: true, permalink: "/articles/:title/" } } },
    }),
    expected: "/articles/cellule-innovation-etat/",
  },

  // Placeholders
  {
    name: ":year and :short_year",
    input: withTemplate("/:year/:short_year/", { frontMatterDateText: DATE_TEXT }),
    expected: "/2017/17/",
  },
  {
    name: ":month, :i_month, :short_month, :long_month",
    input: withTemplate("/:month/:i_month/:short_month/:long_month/", { frontMatterDateText: DATE_TEXT }),
    expected: "/07/7/Jul/July/",
  },
  {
    name: ":day, :i_day, :y_day",
    input: withTemplate("/:day/:i_day/:y_day/", { frontMatterDateText: DATE_TEXT }),
    expected: "/06/6/187/",
  },
  {
    name: ":week, :short_day, :long_day",
    input: withTemplate("/:week/:short_day/:long_day/", { frontMatterDateText: DATE_TEXT }),
    expected: "/27/Thu/Thursday/",
  },
  {
    name: ":w_year, :week, :w_day across a year boundary (2021-01-01 is Friday of 2020-W53)",
    input: withTemplate("/:w_year/W:week/:w_day/", { path: "_posts/2021-01-01-bonne-annee.md" }),
    expected: "/2020/W53/5/",
  },
  {
    name: ":hour, :minute, :second from the front-matter time",
    input: withTemplate("/:hour/:minute/:second/", { frontMatterDateText: DATE_TEXT }),
    expected: "/09/05/03/",
  },
  {
    name: ":hour, :minute, :second default to 00",
    input: withTemplate("/:hour/:minute/:second/"),
    expected: "/00/00/00/",
  },
  {
    name: ":title keeps case and pretty characters, :slug is lowercased and hyphenated",
    input: withTemplate("/:title/:slug/", { path: "_posts/2017-07-06-Hello_World (v2).md" }),
    expected: "/Hello_World-(v2)/hello-world-v2/",
  },
  {
    name: ":output_ext of a .markdown post",
    input: withTemplate("/:title:output_ext", { path: "_posts/2017-07-06-cellule-innovation-etat.markdown" }),
    expected: "/cellule-innovation-etat.html",
  },
  {
    name: ":output_ext of an .html post",
    input: withTemplate("/:title:output_ext", { path: "_posts/2017-07-06-cellule-innovation-etat.html" }),
    expected: "/cellule-innovation-etat.html",
  },
  {
    name: ":collection and :name",
    input: withTemplate("/:collection/:name/"),
    expected: "/posts/2017-07-06-cellule-innovation-etat/",
  },
  {
    name: ":path keeps the folders above _posts",
    input: withTemplate("/:path/", { path: "blog/_posts/2017-07-06-cellule-innovation-etat.md" }),
    expected: "/blog/2017-07-06-cellule-innovation-etat/",
  },
  {
    name: "a trailing underscore is not part of the placeholder",
    input: withTemplate("/:year/:month_:day/"),
    expected: "/2017/07_06/",
  },
  {
    name: "an unknown placeholder makes the URL unknown",
    input: withTemplate("/:annee/:title/"),
    expected: undefined,
  },

  // Categories
  {
    name: "categories from a front-matter list",
    input: { path: POST, frontMatter: { categories: ["Politique", "Numérique"] } },
    expected: "/politique/num%C3%A9rique/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "categories from a front-matter string, split on spaces",
    input: { path: POST, frontMatter: { categories: "Politique  Etat" } },
    expected: "/politique/etat/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "category (singular)",
    input: { path: POST, frontMatter: { category: "Agenda" } },
    expected: "/agenda/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "category (singular) is one name, not split",
    input: { path: POST, frontMatter: { category: "Vie publique" } },
    expected: "/vie%20publique/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "categories then category",
    input: { path: POST, frontMatter: { categories: ["Politique"], category: "Agenda" } },
    expected: "/politique/agenda/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "folder categories come first",
    input: {
      path: "fr/blog/_posts/2017-07-06-cellule-innovation-etat.md",
      frontMatter: { categories: ["News"] },
    },
    expected: "/fr/blog/news/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "categories are downcased and de-duplicated",
    input: {
      path: "Blog/_posts/2017-07-06-cellule-innovation-etat.md",
      frontMatter: { categories: ["blog", "Tech", "TECH"], category: "tech" },
    },
    expected: "/blog/tech/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "a numeric category",
    input: { path: POST, frontMatter: { categories: [2017, "Bilan"] } },
    expected: "/2017/bilan/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "characters outside a path segment are escaped in categories",
    input: { path: POST, frontMatter: { categories: ["C#", "Q&A"] } },
    expected: "/c%23/q&a/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "an empty category list",
    input: { path: POST, frontMatter: { categories: [] } },
    expected: DEFAULT_URL,
  },
  {
    name: "an empty category string",
    input: { path: POST, frontMatter: { categories: "" } },
    expected: DEFAULT_URL,
  },
  {
    name: "empty categories leave no double slash",
    input: withTemplate("/:categories/:title/"),
    expected: "/cellule-innovation-etat/",
  },

  // Dates
  {
    name: "the front-matter date overrides the file name's",
    input: { path: POST, frontMatterDateText: "2018-01-02 10:00:00 +0100" },
    expected: "/2018/01/02/cellule-innovation-etat.html",
  },
  {
    name: "a front-matter date in ISO form, time kept as written",
    input: withTemplate("/:year/:month/:day/:hour/:minute/", { frontMatterDateText: "2018-01-02T23:59:00Z" }),
    expected: "/2018/01/02/23/59/",
  },
  {
    name: "a front-matter Date object without its text",
    input: { path: POST, frontMatter: { date: new Date(Date.UTC(2018, 0, 2)) } },
    expected: "/2018/01/02/cellule-innovation-etat.html",
  },
  {
    name: "a front-matter date string in the parsed front matter",
    input: { path: POST, frontMatter: { date: "2018-01-02" } },
    expected: "/2018/01/02/cellule-innovation-etat.html",
  },
  {
    name: "the written date text is preferred over js-yaml's UTC Date",
    input: {
      path: POST,
      frontMatter: { date: new Date("2017-07-06T23:30:00Z") },
      frontMatterDateText: "2017-07-07 01:30:00 +0200",
    },
    expected: "/2017/07/07/cellule-innovation-etat.html",
  },
  {
    name: "a front-matter date for a file name without one",
    input: { path: "_posts/cellule.md", frontMatterDateText: "2017-07-06" },
    expected: "/2017/07/06/cellule.html",
  },
  {
    name: "a front-matter date replaces an invalid file-name date",
    input: { path: "_posts/2017-02-30-cellule.md", frontMatterDateText: "2017-03-02" },
    expected: "/2017/03/02/cellule.html",
  },
  {
    name: "an invalid date in the file name",
    input: { path: "_posts/2017-02-30-cellule.md" },
    expected: undefined,
  },
  { name: "no date anywhere", input: { path: "_posts/cellule.md" }, expected: undefined },
  {
    name: "an unreadable front-matter date",
    input: { path: POST, frontMatterDateText: "demain matin" },
    expected: undefined,
  },

  // Front-matter permalink
  {
    name: "a front-matter permalink",
    input: { path: POST, frontMatter: { permalink: "/cellule/" } },
    expected: "/cellule/",
  },
  {
    name: "a front-matter permalink with placeholders wins over the site style",
    input: withTemplate("pretty", { frontMatter: { permalink: "/archives/:year/:title:output_ext" } }),
    expected: "/archives/2017/cellule-innovation-etat.html",
  },
  {
    name: "a front-matter permalink needs no date",
    input: { path: "_posts/2017-02-30-cellule.md", frontMatter: { permalink: "/a-propos/" } },
    expected: "/a-propos/",
  },
  {
    name: "a front-matter permalink with date placeholders but no date",
    input: { path: "_posts/cellule.md", frontMatter: { permalink: "/:year/:title/" } },
    expected: undefined,
  },
  {
    name: "a leading slash is added",
    input: { path: POST, frontMatter: { permalink: "notes/:title" } },
    expected: "/notes/cellule-innovation-etat",
  },
  {
    name: "repeated slashes are collapsed",
    input: { path: POST, frontMatter: { permalink: "//notes//:title/" } },
    expected: "/notes/cellule-innovation-etat/",
  },
  {
    name: "dot segments are removed",
    input: { path: POST, frontMatter: { permalink: "/../secret/" } },
    expected: "/secret/",
  },
  {
    name: "an empty front-matter permalink",
    input: { path: POST, frontMatter: { permalink: "" } },
    expected: "/",
  },

  // Front-matter slug and file-name slug
  {
    name: "a front-matter slug becomes :title",
    input: { path: POST, frontMatter: { slug: "Mon Article" } },
    expected: "/2017/07/06/Mon-Article.html",
  },
  {
    name: "a front-matter slug becomes :slug",
    input: withTemplate("/:slug/", { frontMatter: { slug: "Mon Article" } }),
    expected: "/mon-article/",
  },
  {
    name: "trailing periods of the file-name slug are dropped",
    input: { path: "_posts/2017-07-06-etc..md" },
    expected: "/2017/07/06/etc.html",
  },

  // Trailing slash
  {
    name: "a template ending with / keeps it",
    input: withTemplate("/blog/:year/:title/"),
    expected: "/blog/2017/cellule-innovation-etat/",
  },
  {
    name: "a template without extension nor slash",
    input: withTemplate("/:year/:title"),
    expected: "/2017/cellule-innovation-etat",
  },

  // Escaping
  {
    name: "non-ASCII and spaces in :title are escaped",
    input: { path: "_posts/2017-07-06-Été à Paris.md" },
    expected: "/2017/07/06/%C3%89t%C3%A9-%C3%A0-Paris.html",
  },
  {
    name: "non-ASCII in :slug is kept as a letter, then escaped",
    input: withTemplate("/:slug/", { path: "_posts/2017-07-06-Été à Paris.md" }),
    expected: "/%C3%A9t%C3%A9-%C3%A0-paris/",
  },
  {
    name: "the front-matter permalink's own text is escaped",
    input: { path: POST, frontMatter: { permalink: "/à propos/" } },
    expected: "/%C3%A0%20propos/",
  },
  {
    name: "an escape already in the permalink is kept",
    input: { path: POST, frontMatter: { permalink: "/a%20propos/" } },
    expected: "/a%20propos/",
  },
];

describe("resolvePermalink", () => {
  it.each(rows)("$name", ({ input, expected }) => {
    const permalink = resolvePermalink({
      post: parsePostPath(input.path),
      frontMatter: input.frontMatter ?? {},
      frontMatterDateText: input.frontMatterDateText,
      jekyll: { ...DEFAULT_JEKYLL_CONFIG, ...input.config },
    });
    expect(permalink).toBe(expected);
  });
});

interface SiteUrlRow {
  name: string;
  input: { url?: string; baseurl: string; permalink: string };
  expected: string;
}

const siteUrlRows: SiteUrlRow[] = [
  {
    name: "url and baseurl",
    input: { url: "https://example.org", baseurl: "/blog", permalink: DEFAULT_URL },
    expected: "https://example.org/blog/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "url without baseurl",
    input: { url: "https://example.org", baseurl: "", permalink: DEFAULT_URL },
    expected: "https://example.org/2017/07/06/cellule-innovation-etat.html",
  },
  {
    name: "baseurl without url",
    input: { baseurl: "/blog", permalink: DEFAULT_URL },
    expected: "/blog/2017/07/06/cellule-innovation-etat.html",
  },
  { name: "neither url nor baseurl", input: { baseurl: "", permalink: DEFAULT_URL }, expected: DEFAULT_URL },
  {
    name: "the root permalink",
    input: { url: "https://example.org", baseurl: "", permalink: "/" },
    expected: "https://example.org/",
  },
];

describe("siteUrl", () => {
  it.each(siteUrlRows)("$name", ({ input, expected }) => {
    const jekyll: JekyllConfig = { ...DEFAULT_JEKYLL_CONFIG, url: input.url, baseurl: input.baseurl };
    expect(siteUrl(jekyll, input.permalink)).toBe(expected);
  });
});
