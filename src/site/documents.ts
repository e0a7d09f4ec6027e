import { posix } from "node:path";
import { type FrontMatter, readFrontMatter } from "../review/front-matter.js";
import type { JekyllConfig } from "./jekyll-config.js";
import { resolvePermalink } from "./permalink.js";
import { findPluginPage, type PaginatedPage, pluginPages } from "./plugin-pages.js";
import { identifyPost } from "./post-identity.js";
import { parsePostPath } from "./post-path.js";
import { safeDecode } from "./safe-decode.js";
import type { Site } from "./site.js";

/**
 * What the built site serves, URL by URL, computed from the file listing and the texts of its Markdown and
 * HTML files as Jekyll 4 would write them (page.rb, document.rb, static_file.rb, collection.rb), so that
 * an internal link can be checked without building the site. Pure, and computed once per site.
 */

/** `generated`: a page that a plugin listed in `_config.yml` writes (a feed, a pagination page, an archive). */
export type DocumentKind = "post" | "page" | "collection-document" | "static" | "redirect" | "generated";

export interface SiteDocument {
  /** The source file, relative to the site root; `_config.yml` for a page a plugin generates. */
  path: string;
  kind: DocumentKind;
  /** URL path without baseurl, as Jekyll builds it (`page.url`), percent-escaped. */
  url: string;
}

export interface SiteDocuments {
  /**
   * The document a URL path (without baseurl, query or fragment) reaches. Tolerant as hosts are: `/a`,
   * `/a.html`, `/a/` and `/a/index.html` are the same place, and percent-escapes do not matter.
   */
  find(urlPath: string): SiteDocument | undefined;
  /** The document built from a source file. */
  fromPath(path: string): SiteDocument | undefined;
  /** Every document, first-come for a URL (posts, pages, collection documents, redirects, static files). */
  all: readonly SiteDocument[];
}

/** Kramdown's `markdown_ext`: written out as `.html`. */
const MARKDOWN_EXTENSIONS = new Set([".markdown", ".mkdown", ".mkdn", ".mkd", ".md"]);
const HTML_EXTENSIONS = new Set([".html", ".htm"]);
/** Folders Jekyll reads for itself and never writes out. */
const SPECIAL_FOLDERS = new Set(["_layouts", "_includes", "_sass", "_data", "_plugins", "_drafts", "_site"]);
/** Characters that Jekyll's URL escaping (and our permalinks) escape; an existing `%XX` is kept. */
const UNSAFE_IN_PATH = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

/** True for the files whose text the documents need: Markdown and HTML, which may carry front matter. */
export function isMarkupFile(path: string): boolean {
  const ext = posix.extname(path).toLowerCase();
  return MARKDOWN_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext);
}

const documentsBySite = new WeakMap<Site, SiteDocuments>();

export function siteDocuments(site: Site): SiteDocuments {
  let documents = documentsBySite.get(site);
  if (!documents) {
    documents = buildDocuments(site);
    documentsBySite.set(site, documents);
  }
  return documents;
}

/**
 * The key under which a URL path is looked up: percent-escapes decoded, `index.html`, `.html` and a
 * trailing slash dropped, so that the forms a host serves alike meet.
 */
export function urlKey(urlPath: string): string {
  const path = safeDecode(urlPath.startsWith("/") ? urlPath : `/${urlPath}`).replace(/\/{2,}/g, "/");
  const stripped = path
    .replace(/\/index\.html?$/, "/")
    .replace(/\.html?$/, "")
    .replace(/\/+$/, "");
  return stripped === "" ? "/" : stripped;
}

function buildDocuments(site: Site): SiteDocuments {
  const { jekyll } = site;
  const collections = outputCollections(jekyll);
  const documents: SiteDocument[] = [];
  const redirects: SiteDocument[] = [];
  const statics: SiteDocument[] = [];
  const paginated: PaginatedPage[] = [];
  for (const path of [...site.files].sort()) {
    const served = classify(path, site, collections);
    if (served === undefined) continue;
    const text = site.texts.get(path);
    const frontMatter = text === undefined ? undefined : readFrontMatter(text);
    const data = frontMatter?.kind === "present" ? frontMatter.data : {};
    // Without its text, a Markdown or HTML file is taken to have front matter: most of them do.
    const hasFrontMatter = frontMatter === undefined || frontMatter.kind === "present";
    if (served.kind === "post") {
      const url = postUrl(path, text, frontMatter, site);
      if (url !== undefined) documents.push({ path, kind: "post", url });
    } else if (served.kind === "collection" && isMarkupFile(path) && hasFrontMatter) {
      const url = collectionDocumentUrl(path, served.name, served.relative, data, jekyll);
      if (url !== undefined) documents.push({ path, kind: "collection-document", url });
      if (url !== undefined && isPaginated(data)) paginated.push({ url });
    } else if (served.kind === "collection") {
      statics.push({ path, kind: "static", url: escapePath(`/${served.name}/${served.relative}`) });
    } else if (isMarkupFile(path) && hasFrontMatter) {
      const url = pageUrl(path, data, jekyll);
      documents.push({ path, kind: "page", url });
      if (isPaginated(data)) paginated.push({ url });
      // Unread, it may as well be a file without front matter, copied as it is.
      if (frontMatter === undefined) statics.push({ path, kind: "static", url: escapePath(`/${path}`) });
    } else if (!served.isHidden) {
      statics.push({ path, kind: "static", url: escapePath(`/${path}`) });
    }
    for (const from of redirectsOf(data)) redirects.push({ path, kind: "redirect", url: from });
  }
  const generated = pluginPages(site, paginated);
  const fixedGenerated = [...generated.fixed.keys()].map(
    (url): SiteDocument => ({ path: "_config.yml", kind: "generated", url }),
  );
  // Files of the site come first: a `robots.txt` of the repository is served instead of jekyll-sitemap's.
  const all = [...documents, ...redirects, ...statics, ...fixedGenerated];
  const byKey = new Map<string, SiteDocument>();
  const byPath = new Map<string, SiteDocument>();
  for (const document of all) {
    const key = urlKey(document.url);
    if (!byKey.has(key)) byKey.set(key, document);
    const isSourced = document.kind !== "redirect" && document.kind !== "generated";
    if (isSourced && !byPath.has(document.path)) byPath.set(document.path, document);
  }
  const generatedAt = (key: string): SiteDocument | undefined =>
    findPluginPage(generated, key) === undefined
      ? undefined
      : { path: "_config.yml", kind: "generated", url: key };
  return {
    find: (urlPath) => {
      const key = urlKey(urlPath);
      return byKey.get(key) ?? generatedAt(key);
    },
    fromPath: (path) => byPath.get(path),
    all,
  };
}

type Served =
  | { kind: "post" }
  | { kind: "collection"; name: string; relative: string }
  | { kind: "static"; isHidden: boolean };

/**
 * How Jekyll treats a file: a post, a file of a collection that is written out, or a page or static file.
 * Folders and files whose name starts with `_` or `.` are not written out, except collections and, as
 * `include:` in `_config.yml` may list them (`_pages`), Markdown and HTML pages with front matter.
 */
function classify(path: string, site: Site, collections: ReadonlyMap<string, string>): Served | undefined {
  if (site.isPost(path)) return { kind: "post" };
  for (const [folder, name] of collections) {
    if (path.startsWith(folder)) return { kind: "collection", name, relative: path.slice(folder.length) };
  }
  const parts = path.split("/");
  const isHiddenName = (part: string) => part.startsWith("_") || part.startsWith(".");
  // Posts outside the `posts` globs are not reviewed as posts: nor are they pages.
  if (parts.some((part) => SPECIAL_FOLDERS.has(part) || part === "_posts" || part.startsWith("."))) {
    return undefined;
  }
  if (isCollectionFolder(parts, site.jekyll)) return undefined;
  return { kind: "static", isHidden: parts.some(isHiddenName) };
}

/** `<collections_dir>/_<name>/` → name, for the collections written out (posts apart). */
function outputCollections(jekyll: JekyllConfig): Map<string, string> {
  const folders = new Map<string, string>();
  const prefix = jekyll.collectionsDir === "" ? "" : `${jekyll.collectionsDir}/`;
  for (const [name, collection] of Object.entries(jekyll.collections)) {
    if (name !== "posts" && collection.output) folders.set(`${prefix}_${name}/`, name);
  }
  return folders;
}

/** A collection that is not written out (`output: false`), or posts outside the post globs. */
function isCollectionFolder(parts: readonly string[], jekyll: JekyllConfig): boolean {
  const prefix = jekyll.collectionsDir === "" ? [] : jekyll.collectionsDir.split("/");
  const folder = parts[prefix.length];
  if (folder === undefined || !prefix.every((part, index) => parts[index] === part)) return false;
  return folder === "_posts" || (folder.startsWith("_") && jekyll.collections[folder.slice(1)] !== undefined);
}

function postUrl(
  path: string,
  text: string | undefined,
  frontMatter: FrontMatter | undefined,
  site: Site,
): string | undefined {
  const fromFrontMatter =
    text === undefined ? undefined : identifyPost(path, text, site, frontMatter).permalink;
  return (
    fromFrontMatter ?? resolvePermalink({ post: parsePostPath(path), frontMatter: {}, jekyll: site.jekyll })
  );
}

/**
 * A collection document's URL: its own `permalink`, else its collection's, else
 * `/:collection/:path` with the site's permalink style's suffix. `:collection` and `:path` are filled in
 * here; the post placeholders (`:name`, `:title`, dates…) mean the same for any document.
 */
function collectionDocumentUrl(
  path: string,
  name: string,
  relative: string,
  data: Record<string, unknown>,
  jekyll: JekyllConfig,
): string | undefined {
  const template =
    (typeof data.permalink === "string" ? data.permalink : undefined) ??
    jekyll.collections[name]?.permalink ??
    withPermalinkSuffix("/:collection/:path", jekyll.permalink);
  const cleanedPath = relative.slice(0, relative.length - posix.extname(relative).length);
  const filled = template.replace(/:([a-z_]+)/g, (placeholder, key: string) =>
    key === "collection" ? name : key === "path" ? cleanedPath : placeholder,
  );
  return resolvePermalink({
    post: parsePostPath(path),
    frontMatter: { ...data, permalink: filled },
    jekyll,
  });
}

/** Page#template and Page#url: `permalink`, else the file's folder and name, `index` being its folder. */
function pageUrl(path: string, data: Record<string, unknown>, jekyll: JekyllConfig): string {
  const ext = posix.extname(path);
  const outputExt = MARKDOWN_EXTENSIONS.has(ext.toLowerCase()) ? ".html" : ext;
  const basename = posix.basename(path, ext);
  const folder = posix.dirname(path) === "." ? "" : posix.dirname(path);
  let template: string;
  if (typeof data.permalink === "string") template = data.permalink;
  else if (outputExt.toLowerCase() !== ".html") template = "/:path/:basename:output_ext";
  else if (basename === "index") template = "/:path/";
  else template = withPermalinkSuffix("/:path/:basename", jekyll.permalink);
  const url = template
    .replace(/:path\b/g, folder)
    .replace(/:basename\b/g, basename)
    .replace(/:output_ext\b/g, outputExt);
  return escapePath(`/${url}`.replace(/\/{2,}/g, "/"));
}

/** Utils.add_permalink_suffix: what the site's `permalink` style adds to pages and collection documents. */
function withPermalinkSuffix(template: string, style: string): string {
  if (style === "pretty") return `${template}/`;
  if (style === "date" || style === "ordinal" || style === "none") return `${template}:output_ext`;
  if (style.endsWith("/")) return `${template}/`;
  if (style.endsWith(":output_ext")) return `${template}:output_ext`;
  return template;
}

/** jekyll-paginate-v2 paginates the pages whose front matter says `pagination: {enabled: true}`. */
function isPaginated(data: Record<string, unknown>): boolean {
  const pagination = data.pagination;
  return (
    pagination !== null &&
    typeof pagination === "object" &&
    (pagination as Record<string, unknown>).enabled === true
  );
}

/** jekyll-redirect-from: each `redirect_from` path serves a page that sends the reader on. */
function redirectsOf(data: Record<string, unknown>): string[] {
  const value = data.redirect_from;
  const paths = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return paths
    .filter((item): item is string => typeof item === "string" && item.trim() !== "")
    .map((item) => (item.startsWith("/") ? item.trim() : `/${item.trim()}`));
}

function escapePath(path: string): string {
  return path.replace(UNSAFE_IN_PATH, (character) => encodeURIComponent(character));
}
