import { describe, expect, it } from "vitest";
import { siteDocuments } from "../../src/site/documents.js";
import { buildSite } from "../../src/site/site.js";

const POSTS: Record<string, string> = {
  "_posts/2025-04-14-conteneurs.md":
    "---\ntitle: Conteneurs\ntags: [Docker, Développement web]\ncategories: outils\n---\n",
  "blog/_posts/2024-01-02-voeux.md": "---\ntitle: Vœux\ntags: fêtes annonces\n---\n",
};

function siteWith(config: string, texts: Record<string, string> = POSTS) {
  return buildSite({
    files: ["_config.yml", ...Object.keys(texts)],
    configText: config,
    postGlobs: ["**/_posts/**/*.md"],
    texts: new Map(Object.entries(texts)),
  }).site;
}

/** The kind of document a URL reaches on a site, or undefined when nothing is there. */
const kindAt = (config: string, url: string, texts?: Record<string, string>) =>
  siteDocuments(siteWith(config, texts)).find(url)?.kind;

describe("pages that listed plugins write", () => {
  const rows: { name: string; config: string; served: string[]; missing: string[] }[] = [
    {
      name: "jekyll-feed, at its default path",
      config: "plugins: [jekyll-feed]\n",
      served: ["/feed.xml"],
      missing: ["/atom.xml", "/feed/outils.xml"],
    },
    {
      name: "jekyll-feed, at feed.path, with category, collection and tag feeds",
      config:
        "plugins: [jekyll-feed]\nfeed:\n  path: /atom.xml\n  categories: [outils]\n  collections:\n    talks:\n      categories: [vidéo]\n  tags: true\n",
      served: [
        "/atom.xml",
        "/feed/outils.xml",
        "/feed/talks.xml",
        "/feed/talks/vidéo.xml",
        "/feed/by_tag/docker.xml",
      ],
      missing: ["/feed.xml", "/feed/by_tag/kubernetes.xml"],
    },
    {
      name: "jekyll-paginate: pages 2 and up at paginate_path",
      config: "plugins: [jekyll-paginate]\npaginate: 5\npaginate_path: /blog/page:num/\n",
      served: ["/blog/page2/", "/blog/page2", "/blog/page13/index.html"],
      missing: ["/blog/page1/", "/blog/page0/", "/blog/pageX/", "/page2/"],
    },
    {
      name: "jekyll-paginate at Jekyll's default path",
      config: "gems: [jekyll-paginate]\npaginate: 5\n",
      served: ["/page2/", "/page3"],
      missing: ["/page/2/"],
    },
    {
      name: "jekyll-sitemap",
      config: "plugins: [jekyll-sitemap]\n",
      served: ["/sitemap.xml", "/robots.txt"],
      missing: ["/sitemap.html"],
    },
    {
      name: "jekyll-archives: enabled kinds, tags and categories of the posts, accents kept or dropped",
      config:
        "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [year, month, tags, categories]\n  permalinks:\n    year: /archives/:year/\n    category: /categorie/:name/\n",
      served: [
        "/archives/2025/",
        "/2025/04/",
        "/tag/docker/",
        "/tag/développement-web/",
        "/tag/developpement-web/",
        "/tag/f%C3%AAtes/",
        "/categorie/outils/",
        "/categorie/blog/",
      ],
      missing: ["/archives/25/", "/2025/04/14/", "/tag/kubernetes/", "/category/outils/"],
    },
    {
      name: "nothing from a plugin that is not listed",
      config: "feed:\n  path: /atom.xml\npaginate: 5\n",
      served: [],
      missing: ["/atom.xml", "/feed.xml", "/page2/", "/sitemap.xml"],
    },
  ];
  for (const { name, config, served, missing } of rows) {
    it(name, () => {
      for (const url of served) expect([url, kindAt(config, url)]).toEqual([url, "generated"]);
      for (const url of missing) expect([url, kindAt(config, url)]).toEqual([url, undefined]);
    });
  }

  it("accepts any tag when the posts' texts are unknown (the app reads only the changed posts)", () => {
    const config = "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n";
    const site = buildSite({
      files: ["_config.yml", "_posts/2025-04-14-conteneurs.md"],
      configText: config,
      postGlobs: ["_posts/**/*.md"],
    }).site;
    expect(siteDocuments(site).find("/tag/kubernetes/")?.kind).toBe("generated");
  });

  it("puts jekyll-paginate-v2's pages under each paginated page", () => {
    const config = "plugins: [jekyll-paginate-v2]\npagination:\n  enabled: true\n";
    const texts = { ...POSTS, "blog/index.html": "---\npagination:\n  enabled: true\n---\n" };
    expect(kindAt(config, "/blog/page/2/", texts)).toBe("generated");
    expect(kindAt(config, "/page/2/", texts)).toBeUndefined();
    expect(kindAt(config, "/blog/page/1/", texts)).toBeUndefined();
  });

  it("serves a file of the repository before a plugin's page of the same address", () => {
    const texts = { ...POSTS, "robots.txt": "" };
    const site = buildSite({
      files: ["_config.yml", ...Object.keys(texts)],
      configText: "plugins: [jekyll-sitemap]\n",
      postGlobs: ["_posts/**/*.md"],
      texts: new Map(Object.entries(texts)),
    }).site;
    expect(siteDocuments(site).find("/robots.txt")).toMatchObject({ kind: "static", path: "robots.txt" });
  });
});
