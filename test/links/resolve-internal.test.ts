import { describe, expect, it } from "vitest";
import { extractLinks } from "../../src/links/extract-links.js";
import {
  type InternalResolution,
  isOnSite,
  resolveInternal,
  siteAddress,
} from "../../src/links/resolve-internal.js";
import { targetAnchors } from "../../src/links/target-anchors.js";
import { parsePost } from "../../src/review/parse-post.js";
import { buildSite } from "../../src/site/site.js";

const POST = "_posts/2024-03-05-exemple.md";
const TEXTS: Record<string, string> = {
  "_posts/2024-04-01-annonce-atelier.md": "---\ntitle: Annonce\n---\n\n## Le programme\n\n## Où ? Quand ?\n",
  "_pages/contact.md": "---\ntitle: Contact\npermalink: /contact/\n---\n\n## Écrire\n",
  "_jobs/2017-10-16-developpeur.md": "---\ntitle: Dev\n---\n",
  "_layouts/default.html": '<body><main id="contenu">{{ content }}</main></body>\n',
};
const FILES = [...Object.keys(TEXTS), POST, "img/logo bleu.png", "guide.pdf"];
const COLLECTIONS =
  "collections:\n  jobs:\n    output: true\n    permalink: /recrutement/:year/:month/:day/:title.html\n";

interface ResolutionRow {
  name: string;
  /** The destination, as written in `[a](…)`. */
  link: string;
  configText?: string;
  siteUrl?: string;
  postPath?: string;
  expected: Partial<Extract<InternalResolution, { kind: "found" }>> | Partial<InternalResolution>;
  /** For a found link: the source file reached. */
  target?: string;
}

const rows: ResolutionRow[] = [
  {
    name: "root-relative",
    link: "/2024/04/01/annonce-atelier.html",
    expected: { kind: "found" },
    target: "_posts/2024-04-01-annonce-atelier.md",
  },
  {
    name: "without .html",
    link: "/2024/04/01/annonce-atelier",
    expected: { kind: "found" },
    target: "_posts/2024-04-01-annonce-atelier.md",
  },
  {
    name: "with a trailing slash",
    link: "/2024/04/01/annonce-atelier/",
    expected: { kind: "found" },
    target: "_posts/2024-04-01-annonce-atelier.md",
  },
  {
    name: "relative to the post's URL",
    link: "../../04/01/annonce-atelier.html",
    expected: { kind: "found" },
    target: "_posts/2024-04-01-annonce-atelier.md",
  },
  {
    name: "relative, missing, from the post's folder",
    link: "annonce.html",
    expected: { kind: "missing", path: "/2024/03/05/annonce.html", suggestion: undefined },
  },
  {
    name: "missing, with the closest post",
    link: "/2024/04/01/annonce.html",
    expected: {
      kind: "missing",
      path: "/2024/04/01/annonce.html",
      suggestion: "/2024/04/01/annonce-atelier.html",
    },
  },
  {
    name: "missing image, with the closest file",
    link: "/img/logo-bleu.png",
    expected: { kind: "missing", suggestion: "/img/logo%20bleu.png" },
  },
  {
    name: "a static file, escaped",
    link: "/img/logo%20bleu.png",
    expected: { kind: "found" },
    target: "img/logo bleu.png",
  },
  {
    name: "a page by its permalink",
    link: "/contact",
    expected: { kind: "found" },
    target: "_pages/contact.md",
  },
  {
    name: "a collection document",
    link: "/recrutement/2017/10/16/developpeur.html",
    configText: COLLECTIONS,
    expected: { kind: "found" },
    target: "_jobs/2017-10-16-developpeur.md",
  },
  { name: "the home page", link: "/", expected: { kind: "found", document: undefined } },
  {
    name: "absolute on the site",
    link: "https://blog.exemple.fr/contact/",
    expected: { kind: "found" },
    target: "_pages/contact.md",
  },
  {
    name: "absolute, http and www",
    link: "http://www.blog.exemple.fr/guide.pdf",
    expected: { kind: "found" },
    target: "guide.pdf",
  },
  {
    name: "absolute on the site, missing, suggested in the same form",
    link: "https://blog.exemple.fr/contacts/",
    expected: { kind: "missing", suggestion: "https://blog.exemple.fr/contact/" },
  },
  { name: "another site", link: "https://ailleurs.fr/contact/", expected: { kind: "not-internal" } },
  {
    name: "protocol-relative on the site",
    link: "//blog.exemple.fr/contact",
    expected: { kind: "found" },
    target: "_pages/contact.md",
  },
  { name: "another scheme", link: "mailto:a@exemple.fr", expected: { kind: "not-internal" } },
  {
    name: "the config's site.url wins",
    link: "https://exemple.gouv.fr/contact",
    siteUrl: "https://exemple.gouv.fr",
    expected: { kind: "found" },
  },
  {
    name: "baseurl: under it",
    link: "/blog/contact/",
    configText: "baseurl: /blog\n",
    expected: { kind: "found" },
  },
  {
    name: "baseurl: forgotten",
    link: "/contact/",
    configText: "baseurl: /blog\n",
    expected: { kind: "missing", path: "/contact/", suggestion: "/blog/contact/" },
  },
  {
    name: "baseurl: another app of the host",
    link: "/autre-appli/",
    configText: "baseurl: /blog\n",
    expected: { kind: "not-internal" },
  },
  {
    name: "baseurl: absolute outside it",
    link: "https://blog.exemple.fr/autre/",
    configText: "url: https://blog.exemple.fr\nbaseurl: /blog\n",
    expected: { kind: "not-internal" },
  },
  {
    name: "a fragment of the post itself",
    link: "#section",
    expected: { kind: "found", isSamePost: true, fragment: "section" },
  },
  {
    name: "a fragment, decoded",
    link: "/contact/#%C3%A9crire",
    expected: { kind: "found", isSamePost: false, fragment: "écrire" },
    target: "_pages/contact.md",
  },
  {
    name: "the post's own URL",
    link: "/2024/03/05/exemple.html#a",
    expected: { kind: "found", isSamePost: true, fragment: "a" },
  },
  { name: "Liquid we do not expand", link: "{{ page.url }}", expected: { kind: "unknown" } },
  {
    name: "post_url naming no post",
    link: "{% post_url 2024-04-01-annonce %}",
    expected: {
      kind: "missing",
      tag: "post_url",
      path: "2024-04-01-annonce",
      suggestion: "2024-04-01-annonce-atelier",
    },
  },
  {
    name: "a relative link from a post whose URL is unknown",
    link: "annonce.html",
    postPath: "<stdin>",
    expected: { kind: "unknown" },
  },
];

function resolve(row: ResolutionRow) {
  const postPath = row.postPath ?? POST;
  const { site } = buildSite({
    files: FILES,
    configText: row.configText ?? "url: https://blog.exemple.fr\n",
    postGlobs: ["_posts/**/*.md"],
    texts: new Map(Object.entries(TEXTS)),
  });
  const post = parsePost(postPath, `---\ntitle: Exemple\n---\n\n## Section\n\n[lien](${row.link})\n`);
  const [link] = extractLinks(post, site);
  if (!link) throw new Error(`no link in ${row.link}`);
  return { resolution: resolveInternal(link, post, site, { siteUrl: row.siteUrl }), post, site };
}

describe("resolveInternal", () => {
  for (const row of rows) {
    it(row.name, () => {
      const { resolution } = resolve(row);
      expect(resolution).toMatchObject(row.expected);
      if (row.target !== undefined) {
        expect(resolution.kind === "found" ? resolution.document?.path : undefined).toBe(row.target);
      }
    });
  }
});

describe("targetAnchors", () => {
  it("reads the target's headings and the layouts' ids", () => {
    const { resolution, post, site } = resolve({
      name: "",
      link: "/2024/04/01/annonce-atelier.html#x",
      expected: {},
    });
    if (resolution.kind !== "found" || !resolution.document) throw new Error("not found");
    const anchors = targetAnchors({ isSamePost: false, document: resolution.document }, post, site);
    expect([...(anchors?.ids ?? [])].sort()).toEqual(["contenu", "le-programme", "où--quand-"]);
  });

  it("reads the post itself", () => {
    const { post, site } = resolve({ name: "", link: "#section", expected: {} });
    expect(targetAnchors({ isSamePost: true }, post, site)?.ids.has("section")).toBe(true);
  });

  it("knows nothing of a page that a plugin writes", () => {
    const { resolution, post, site } = resolve({
      name: "",
      link: "/feed.xml#entry",
      configText: "plugins: [jekyll-feed]\n",
      expected: {},
    });
    if (resolution.kind !== "found" || !resolution.document) throw new Error("not found");
    expect(resolution.document).toMatchObject({ kind: "generated", path: "_config.yml" });
    expect(targetAnchors({ isSamePost: false, document: resolution.document }, post, site)).toBeUndefined();
  });

  it("knows a page's ids are incomplete when its layout writes ids with Liquid", () => {
    const texts = {
      "_pages/tags.md": "---\ntitle: Étiquettes\nlayout: tags\npermalink: /tags/\n---\n\n## Toutes\n",
      "_layouts/tags.html": "---\nlayout: page\n---\n{{ content }}\n",
      "_layouts/page.html":
        '{% for tag in site.tags %}<h3 id="{{ tag[0] | cgi_escape }}"></h3>{% endfor %}\n',
    };
    const site = buildSite({
      files: [POST, ...Object.keys(texts)],
      configText: "title: Blog\n",
      postGlobs: ["_posts/**/*.md"],
      texts: new Map(Object.entries(texts)),
    }).site;
    const post = parsePost(POST, "---\ntitle: x\n---\n\n[k](/tags/#kubernetes)\n");
    const [link] = extractLinks(post, site);
    if (!link) throw new Error("no link");
    const resolution = resolveInternal(link, post, site);
    if (resolution.kind !== "found" || !resolution.document) throw new Error("not found");
    const anchors = targetAnchors({ isSamePost: false, document: resolution.document }, post, site);
    expect(anchors).toMatchObject({ isComplete: false });
    expect(anchors?.ids.has("toutes")).toBe(true);
  });

  it("knows nothing of a static file", () => {
    const { resolution, post, site } = resolve({ name: "", link: "/guide.pdf#page=2", expected: {} });
    if (resolution.kind !== "found" || !resolution.document) throw new Error("not found");
    expect(targetAnchors({ isSamePost: false, document: resolution.document }, post, site)).toBeUndefined();
  });
});

describe("siteAddress", () => {
  it("takes the site's host with and without www, and its base path", () => {
    const { site } = buildSite({
      files: [],
      configText: "url: https://www.exemple.fr\nbaseurl: /blog\n",
      postGlobs: [],
    });
    const address = siteAddress(site);
    expect([...address.hosts]).toEqual(["exemple.fr", "www.exemple.fr"]);
    expect(address.basePath).toBe("/blog");
    expect(isOnSite("http://exemple.fr/blog/a", address)).toBe(true);
    expect(isOnSite("https://exemple.fr/autre", address)).toBe(false);
    expect(siteAddress(site, "https://autre.fr/docs/").basePath).toBe("/docs");
  });
});
