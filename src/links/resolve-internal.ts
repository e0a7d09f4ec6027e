import { posix } from "node:path";
import type { ParsedPost } from "../review/parse-post.js";
import { type SiteDocument, siteDocuments, urlKey } from "../site/documents.js";
import { identifyPost } from "../site/post-identity.js";
import { safeDecode } from "../site/safe-decode.js";
import type { Site } from "../site/site.js";
import { hasLiquid, postName } from "./liquid-urls.js";
import { SuggestionIndex } from "./suggestion-index.js";
import type { ExtractedLink } from "./types.js";

/**
 * Where an internal link leads on the site: a root-relative path, a path relative to the post's URL (as
 * Jekyll publishes it), a `#fragment` of the post itself, or an absolute URL on the site's address
 * (`site.url` of the config, else `url` of `_config.yml`, in its http/https and www variants). Pure.
 */

export type InternalResolution =
  /** Another site, another scheme (`mailto:`), or a path outside the site's baseurl. */
  | { kind: "not-internal" }
  /** Cannot be told without building the site: Liquid we do not expand, a post whose URL is unknown. */
  | { kind: "unknown" }
  | {
      kind: "found";
      /** URL path without baseurl. */
      path: string;
      /** The target; undefined for the home page, which every site has. */
      document?: SiteDocument;
      isSamePost: boolean;
      /** The decoded fragment, without `#`, when the link has one. */
      fragment?: string;
    }
  | {
      kind: "missing";
      /** URL path without baseurl, or the name given to `{% post_url %}` / `{% link %}`. */
      path: string;
      /** The closest thing that exists, written the way the link was (absolute, with baseurl, or a post name). */
      suggestion?: string;
      /** Set when a Liquid tag names a post or file that does not exist: Jekyll stops the build. */
      tag?: "post_url" | "link";
    };

/** The site's own address: links to it are internal. */
export interface SiteAddress {
  /** Host names, lowercase, with and without `www.`. */
  hosts: ReadonlySet<string>;
  /** The path the site lives under, `""` or e.g. `/blog`. */
  basePath: string;
}

export interface ResolveOptions {
  /** `site.url` of the config, which wins over `_config.yml`'s `url`. */
  siteUrl?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const TAG = /\{%-?\s*(post_url|link)\s+(\S+)\s*-?%\}/;
const LOCAL_ORIGIN = "https://site.invalid";

export function siteAddress(site: Site, siteUrl?: string): SiteAddress {
  const written = siteUrl ?? site.jekyll.url;
  let url: URL | undefined;
  try {
    url = written === undefined ? undefined : new URL(written);
  } catch {
    url = undefined;
  }
  const host = url?.hostname.toLowerCase().replace(/^www\./, "");
  const ownPath = url?.pathname.replace(/\/+$/, "") ?? "";
  return {
    hosts: new Set(host ? [host, `www.${host}`] : []),
    basePath: siteUrl !== undefined && ownPath !== "" ? ownPath : site.jekyll.baseurl,
  };
}

/** True for an http(s) URL on the site's address and under its base path. */
export function isOnSite(url: string, address: SiteAddress): boolean {
  const parsed = parseUrl(url.startsWith("//") ? `https:${url}` : url);
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return false;
  if (!address.hosts.has(parsed.hostname.toLowerCase())) return false;
  return isUnder(parsed.pathname, address.basePath);
}

export function resolveInternal(
  link: ExtractedLink,
  post: ParsedPost,
  site: Site,
  options: ResolveOptions = {},
): InternalResolution {
  const url = link.url.trim();
  if (hasLiquid(url)) return resolveUnexpandedTag(url, post, site);
  if (url === "") return { kind: "unknown" };
  const address = siteAddress(site, options.siteUrl);
  const isAbsolute = SCHEME.test(url) || url.startsWith("//");
  if (isAbsolute && !isOnSite(url, address)) return { kind: "not-internal" };
  const ownPermalink = permalinkOf(post, site);
  const isSameDocument = /^[#?]/.test(url);
  if (!isAbsolute && !url.startsWith("/") && !isSameDocument && ownPermalink === undefined) {
    return { kind: "unknown" };
  }
  const base = `${LOCAL_ORIGIN}${address.basePath}${ownPermalink ?? "/"}`;
  const parsed = parseUrl(url.startsWith("//") ? `https:${url}` : url, base);
  if (!parsed) return { kind: "unknown" };
  const fragment = parsed.hash === "" ? undefined : safeDecode(parsed.hash.slice(1));
  if (isSameDocument) return { kind: "found", path: ownPermalink ?? "", isSamePost: true, fragment };
  const documents = siteDocuments(site);
  if (!isUnder(parsed.pathname, address.basePath)) {
    // `/x` on a site under `/blog` leaves the site, unless `/blog/x` exists: then the baseurl was forgotten.
    const withBase = documents.find(parsed.pathname);
    if (!withBase) return { kind: "not-internal" };
    return { kind: "missing", path: parsed.pathname, suggestion: `${address.basePath}${withBase.url}` };
  }
  const path = parsed.pathname.slice(address.basePath.length) || "/";
  const isSamePost = ownPermalink !== undefined && urlKey(path) === urlKey(ownPermalink);
  const document = documents.find(path);
  if (document || isSamePost || urlKey(path) === "/") {
    return { kind: "found", path, document, isSamePost, fragment };
  }
  const closestOne = closestDocument(path, site, (candidate) => candidate.path === post.path);
  const prefix = isAbsolute ? `${parsed.protocol}//${parsed.host}${address.basePath}` : address.basePath;
  return { kind: "missing", path, suggestion: closestOne && `${prefix}${closestOne.url}` };
}

const permalinkByPost = new WeakMap<ParsedPost, { site: Site; permalink: string | undefined }>();

/** The reviewed post's own URL (from its text under review, which may differ from the site's copy), once. */
function permalinkOf(post: ParsedPost, site: Site): string | undefined {
  const cached = permalinkByPost.get(post);
  if (cached?.site === site) return cached.permalink;
  const permalink = identifyPost(post.path, post.source, site, post.frontMatter).permalink;
  permalinkByPost.set(post, { site, permalink });
  return permalink;
}

/** A `{% post_url %}` or `{% link %}` left as written names nothing; any other Liquid is unknown. */
function resolveUnexpandedTag(url: string, post: ParsedPost, site: Site): InternalResolution {
  const tag = TAG.exec(url);
  if (!tag) return { kind: "unknown" };
  const name = tag[2] ?? "";
  if (tag[1] === "post_url") {
    const other = suggestionsOf(site).posts.closest(posix.basename(name), (path) => path === post.path);
    return { kind: "missing", path: name, tag: "post_url", suggestion: other && postName(other) };
  }
  return {
    kind: "missing",
    path: name,
    tag: "link",
    suggestion: suggestionsOf(site).files.closest(name),
  };
}

/**
 * The existing document closest to a missing path, by edit distance on URL paths: files with the same
 * kind of extension for a file (`.png` → static files), pages, posts and documents otherwise.
 */
export function closestDocument(
  path: string,
  site: Site,
  isExcluded: (document: SiteDocument) => boolean,
): SiteDocument | undefined {
  const suggestions = suggestionsOf(site);
  const isFile = posix.extname(urlKey(path)) !== "";
  return (isFile ? suggestions.staticFiles : suggestions.pages).closest(urlKey(path), isExcluded);
}

/** The indexes a dead link's suggestion searches, built once per site, each when first needed. */
interface SiteSuggestions {
  readonly staticFiles: SuggestionIndex<SiteDocument>;
  readonly pages: SuggestionIndex<SiteDocument>;
  /** Post paths, by post name (`2024-04-01-annonce`), for `{% post_url %}`. */
  readonly posts: SuggestionIndex<string>;
  /** Every file of the site, for `{% link %}`. */
  readonly files: SuggestionIndex<string>;
}

const suggestionsBySite = new WeakMap<Site, SiteSuggestions>();

function suggestionsOf(site: Site): SiteSuggestions {
  let suggestions = suggestionsBySite.get(site);
  if (!suggestions) {
    suggestions = lazySuggestions(site);
    suggestionsBySite.set(site, suggestions);
  }
  return suggestions;
}

function lazySuggestions(site: Site): SiteSuggestions {
  const documents = () => siteDocuments(site).all.filter((document) => document.kind !== "redirect");
  const byUrl = (candidates: SiteDocument[]) =>
    new SuggestionIndex(candidates, (document) => urlKey(document.url));
  let staticFiles: SuggestionIndex<SiteDocument> | undefined;
  let pages: SuggestionIndex<SiteDocument> | undefined;
  let posts: SuggestionIndex<string> | undefined;
  let files: SuggestionIndex<string> | undefined;
  return {
    get staticFiles() {
      staticFiles ??= byUrl(documents().filter((document) => document.kind === "static"));
      return staticFiles;
    },
    get pages() {
      pages ??= byUrl(documents().filter((document) => document.kind !== "static" || isPage(document)));
      return pages;
    },
    get posts() {
      posts ??= new SuggestionIndex(site.posts, postName);
      return posts;
    },
    get files() {
      files ??= new SuggestionIndex([...site.files], (file) => file);
      return files;
    },
  };
}

function isPage(document: SiteDocument): boolean {
  return /\.html?$/.test(document.url);
}

function isUnder(pathname: string, basePath: string): boolean {
  return basePath === "" || pathname === basePath || pathname.startsWith(`${basePath}/`);
}

function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
