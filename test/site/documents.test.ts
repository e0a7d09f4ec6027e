import { describe, expect, it } from "vitest";
import { siteDocuments, urlKey } from "../../src/site/documents.js";
import { buildSite } from "../../src/site/site.js";

const CONFIG = `url: https://beta.gouv.fr
collections:
  startup:
    output: true
  incubator:
    output: true
    permalink: /incubateur/:name.html
  jobs:
    output: true
    permalink: /recrutement/:year/:month/:day/:title.html
  authors:
    output: false
`;

const TEXTS: Record<string, string> = {
  "_posts/2017-07-06-cellule-innovation-etat.md": "---\ntitle: Cellule\n---\n",
  "_posts/2016-04-08-bootcamp.md": "---\ntitle: Bootcamp\ncategory: evenement\n---\n",
  "_posts/2018-01-01-permalien.md": "---\ntitle: x\npermalink: /annonce/\n---\n",
  "_startup/mps.md": "---\ntitle: MPS\nredirect_from:\n  - /startup/marche-public-simplifie\n---\n",
  "_incubator/dinsic.md": "---\ntitle: DINSIC\n---\n",
  "_jobs/2017-10-16-developpeur-mrs.md": "---\ntitle: Dev\n---\n",
  "_pages/apropos.md": "---\ntitle: À propos\npermalink: /apropos/\n---\n",
  "contact.md": "---\ntitle: Contact\n---\n",
  "equipe/index.md": "---\ntitle: Équipe\n---\n",
  "plan.html": "---\ntitle: Plan\n---\n",
  "brut.md": "Pas d'en-tête : copié tel quel.\n",
  "_layouts/default.html": "<html></html>\n",
  "_drafts/brouillon.md": "---\ntitle: Brouillon\n---\n",
};

const FILES = [
  "_config.yml",
  ...Object.keys(TEXTS),
  "_authors/jean.md",
  "_startup/logo.png",
  "_data/menu.yml",
  "img/posts/Programme Alpha.png",
  "feed.xml",
  "LISEZMOI.md",
  ".github/relecteur.yml",
];

interface DocumentRow {
  name: string;
  url: string;
  /** The source file the URL reaches, or undefined for nothing. */
  path: string | undefined;
}

const rows: DocumentRow[] = [
  {
    name: "a post at its permalink",
    url: "/2017/07/06/cellule-innovation-etat.html",
    path: "_posts/2017-07-06-cellule-innovation-etat.md",
  },
  {
    name: "a post without .html",
    url: "/2017/07/06/cellule-innovation-etat",
    path: "_posts/2017-07-06-cellule-innovation-etat.md",
  },
  {
    name: "a post with a trailing slash",
    url: "/2017/07/06/cellule-innovation-etat/",
    path: "_posts/2017-07-06-cellule-innovation-etat.md",
  },
  {
    name: "a post under its category",
    url: "/evenement/2016/04/08/bootcamp.html",
    path: "_posts/2016-04-08-bootcamp.md",
  },
  { name: "not the post without its category", url: "/2016/04/08/bootcamp.html", path: undefined },
  { name: "a post's own permalink", url: "/annonce/", path: "_posts/2018-01-01-permalien.md" },
  { name: "a folder is its index.html", url: "/annonce/index.html", path: "_posts/2018-01-01-permalien.md" },
  { name: "a collection document, default template", url: "/startup/mps.html", path: "_startup/mps.md" },
  {
    name: "a collection document, :name template",
    url: "/incubateur/dinsic.html",
    path: "_incubator/dinsic.md",
  },
  {
    name: "a collection document, dated template",
    url: "/recrutement/2017/10/16/developpeur-mrs.html",
    path: "_jobs/2017-10-16-developpeur-mrs.md",
  },
  { name: "a static file of a collection", url: "/startup/logo.png", path: "_startup/logo.png" },
  { name: "not a collection that is not written out", url: "/authors/jean.html", path: undefined },
  { name: "a redirect_from path", url: "/startup/marche-public-simplifie", path: "_startup/mps.md" },
  { name: "a page with a permalink, in an underscore folder", url: "/apropos", path: "_pages/apropos.md" },
  { name: "a Markdown page becomes .html", url: "/contact.html", path: "contact.md" },
  { name: "an index page is its folder", url: "/equipe/", path: "equipe/index.md" },
  { name: "an HTML page", url: "/plan", path: "plan.html" },
  { name: "a Markdown file without front matter is copied as it is", url: "/brut.md", path: "brut.md" },
  { name: "not rendered when it has no front matter", url: "/brut.html", path: undefined },
  { name: "an unread Markdown file may be either", url: "/LISEZMOI.html", path: "LISEZMOI.md" },
  { name: "an unread Markdown file, raw", url: "/LISEZMOI.md", path: "LISEZMOI.md" },
  {
    name: "a static file, escaped",
    url: "/img/posts/Programme%20Alpha.png",
    path: "img/posts/Programme Alpha.png",
  },
  {
    name: "a static file, not escaped",
    url: "/img/posts/Programme Alpha.png",
    path: "img/posts/Programme Alpha.png",
  },
  { name: "a static file at the root", url: "/feed.xml", path: "feed.xml" },
  { name: "not layouts", url: "/_layouts/default.html", path: undefined },
  { name: "not drafts", url: "/_drafts/brouillon.html", path: undefined },
  { name: "not data", url: "/_data/menu.yml", path: undefined },
  { name: "not dot folders", url: "/.github/relecteur.yml", path: undefined },
];

describe("siteDocuments", () => {
  const { site } = buildSite({
    files: FILES,
    configText: CONFIG,
    postGlobs: ["_posts/**/*.md"],
    texts: new Map(Object.entries(TEXTS)),
  });
  const documents = siteDocuments(site);

  for (const row of rows) {
    it(row.name, () => expect(documents.find(row.url)?.path).toBe(row.path));
  }

  it("knows each file's URL, for {% link %} and post_url", () => {
    expect(documents.fromPath("_pages/apropos.md")?.url).toBe("/apropos/");
    expect(documents.fromPath("_startup/mps.md")?.url).toBe("/startup/mps.html");
    expect(documents.fromPath("img/posts/Programme Alpha.png")?.url).toBe("/img/posts/Programme%20Alpha.png");
  });

  it("is computed once per site", () => expect(siteDocuments(site)).toBe(documents));

  it("follows the site's permalink style for pages and collections", () => {
    const pretty = buildSite({
      files: ["about.md", "_startup/mps.md"],
      configText: "permalink: pretty\ncollections:\n  startup:\n    output: true\n",
      postGlobs: [],
      texts: new Map(),
    }).site;
    expect(siteDocuments(pretty).fromPath("about.md")?.url).toBe("/about/");
    expect(siteDocuments(pretty).fromPath("_startup/mps.md")?.url).toBe("/startup/mps/");
  });

  it("counts the posts of the listing, texts or not (a pull request adds them)", () => {
    const added = buildSite({ files: ["_posts/2024-05-02-nouveau.md"], postGlobs: ["_posts/*.md"] }).site;
    expect(siteDocuments(added).find("/2024/05/02/nouveau.html")?.kind).toBe("post");
  });
});

describe("urlKey", () => {
  it.each([
    ["/a.html", "/a"],
    ["/a/", "/a"],
    ["/a/index.html", "/a"],
    ["/", "/"],
    ["/index.html", "/"],
    ["/%C3%A9t%C3%A9.html", "/été"],
    ["a//b", "/a/b"],
  ])("%s → %s", (url, key) => expect(urlKey(url)).toBe(key));
});
