import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import { safeDecode } from "../site/safe-decode.js";

/** Where the page's references point: the site's own URL space, without baseurl. */
export interface UrlSpace {
  /** `baseurl`: "" or `/blog`. */
  baseurl: string;
  /** `url` of `_config.yml` ("" when unset): absolute links to it are the site's own. */
  siteUrl: string;
}

/** How a previewed page links to a file of the site: the CLI gives a relative path, the app its prefix. */
export type LinkAsset = (urlPath: string, fromUrlPath: string) => string;

const ORIGIN = "https://relecteur.invalid";

/**
 * The site URL path (decoded, from `/`, without baseurl) that a reference written in the page at
 * `fromUrlPath` reaches, with what follows it (`#icon`); undefined when it leads off the site.
 */
export function localUrlPath(
  value: string,
  fromUrlPath: string,
  space: UrlSpace,
): { path: string; fragment: string } | undefined {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.startsWith("#") || /^(?:data|mailto|tel):/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, `${ORIGIN}${space.baseurl}${fromUrlPath}`);
  } catch {
    return undefined;
  }
  const site = space.siteUrl === "" ? undefined : safeUrl(space.siteUrl);
  const isLocal =
    url.origin === ORIGIN || (site !== undefined && url.host === site.host && /^https?:$/.test(url.protocol));
  if (!isLocal) return undefined;
  let path = safeDecode(url.pathname);
  if (space.baseurl !== "") {
    if (path !== space.baseurl && !path.startsWith(`${space.baseurl}/`)) return undefined;
    path = path.slice(space.baseurl.length) || "/";
  }
  return { path, fragment: url.hash };
}

/** Attributes that load a file into the page (not links the reader follows). */
const ASSET_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ["src", "srcSet"],
  source: ["src", "srcSet"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  input: ["src"],
  image: ["href", "xLinkHref"],
};

/**
 * Points the page's images, stylesheets and icons at `linkAsset`, links to the site's other pages at the
 * published site (when `url` is known: they are not part of the preview), and returns the site URL paths
 * of the files the page loads.
 */
export function rewritePageUrls(
  root: Root,
  pageUrlPath: string,
  space: UrlSpace,
  linkAsset: LinkAsset,
): Set<string> {
  const assets = new Set<string>();
  const toAsset = (value: string): string => {
    const local = localUrlPath(value, pageUrlPath, space);
    if (local === undefined || local.path.endsWith("/")) return value;
    assets.add(local.path);
    return `${linkAsset(local.path, pageUrlPath)}${local.fragment}`;
  };
  visit(root, "element", (element: Element) => {
    const { properties } = element;
    const attributes = [...(ASSET_ATTRIBUTES[element.tagName] ?? [])];
    if (element.tagName === "link" && isLoadedLink(element)) attributes.push("href");
    for (const attribute of attributes) {
      const value = properties[attribute];
      if (typeof value !== "string") continue;
      properties[attribute] = attribute === "srcSet" ? rewriteSrcset(value, toAsset) : toAsset(value);
    }
    if (typeof properties.style === "string") properties.style = rewriteCssUrls(properties.style, toAsset);
    if (element.tagName === "style") {
      for (const child of element.children)
        if (child.type === "text") child.value = rewriteCssUrls(child.value, toAsset);
    }
    // A link written with the site's own address already leads to the published site: kept as written.
    if (
      element.tagName === "a" &&
      typeof properties.href === "string" &&
      space.siteUrl !== "" &&
      !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(properties.href.trim())
    ) {
      const local = localUrlPath(properties.href, pageUrlPath, space);
      if (local !== undefined && local.path !== pageUrlPath)
        properties.href = `${space.siteUrl}${space.baseurl}${encodeURI(local.path)}${local.fragment}`;
    }
  });
  return assets;
}

/** Stylesheets and icons load with the page; other `<link>`s (canonical, alternate) are not fetched. */
function isLoadedLink(element: Element): boolean {
  const rel = [element.properties.rel].flat().join(" ").toLowerCase();
  return /\b(?:stylesheet|icon)\b/.test(rel);
}

function rewriteSrcset(value: string, toAsset: (url: string) => string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [toAsset(url), ...descriptor].join(" ");
    })
    .join(", ");
}

const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g;

/** `url(…)` and `@import "…"` in CSS, each passed through `map`. */
export function rewriteCssUrls(css: string, map: (url: string) => string): string {
  return css.replace(
    CSS_URL,
    (
      whole,
      quote: string | undefined,
      url: string | undefined,
      importQuote: string | undefined,
      imported: string | undefined,
    ) => {
      if (url !== undefined) return `url(${quote ?? ""}${map(url)}${quote ?? ""})`;
      if (imported !== undefined) return `@import ${importQuote}${map(imported)}${importQuote}`;
      return whole;
    },
  );
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
