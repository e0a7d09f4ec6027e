import { posix } from "node:path";
import { siteDocuments } from "../site/documents.js";
import type { Site } from "../site/site.js";

/**
 * Liquid that builds addresses, expanded as Jekyll 4 would: `{{ site.baseurl }}`, `{{ site.url }}`,
 * `{{ '/x' | relative_url }}`, `{{ '/x' | absolute_url }}`, `{{ '/x' | prepend: site.baseurl }}`,
 * `{% post_url 2017-07-06-slug %}` and `{% link _posts/… %}` (both with the baseurl since Jekyll 4, added
 * once when a `{{ site.baseurl }}` already precedes them, as Jekyll 3 sites write). Any other Liquid is
 * left as written: the address cannot be known.
 */

const LIQUID_TOKEN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const BASEURL = /^\{\{-?\s*site\.baseurl\s*-?\}\}$/;
const SITE_URL = /^\{\{-?\s*site\.url\s*-?\}\}$/;
const FILTERED =
  /^\{\{-?\s*(["'])(.*?)\1\s*\|\s*(relative_url|absolute_url|prepend:\s*site\.baseurl)\s*-?\}\}$/;
const TAG = /^\{%-?\s*(post_url|link)\s+(\S+)\s*-?%\}$/;

export function hasLiquid(text: string): boolean {
  return text.includes("{{") || text.includes("{%");
}

/** The address with every Liquid part Jekyll would fill in filled in; unknown parts stay as written. */
export function expandLiquid(written: string, site: Site): string {
  const { baseurl, url } = site.jekyll;
  let expanded = "";
  let last = 0;
  let followsBaseurl = false;
  for (const token of written.matchAll(LIQUID_TOKEN)) {
    const before = written.slice(last, token.index);
    if (before !== "") followsBaseurl = false;
    expanded += before;
    last = token.index + token[0].length;
    const text = token[0];
    const filtered = FILTERED.exec(text);
    const tag = TAG.exec(text);
    if (BASEURL.test(text)) {
      expanded += baseurl;
      followsBaseurl = true;
      continue;
    }
    if (SITE_URL.test(text)) expanded += url ?? "";
    else if (filtered) {
      const path = filtered[2] ?? "";
      const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(path);
      const relative = isAbsolute ? path : `${baseurl}${path.startsWith("/") ? path : `/${path}`}`;
      if (filtered[3] === "absolute_url" && !isAbsolute) expanded += `${url ?? ""}${relative}`;
      else if (filtered[3]?.startsWith("prepend")) expanded += `${baseurl}${path}`;
      else expanded += relative;
    } else if (tag) {
      const target =
        tag[1] === "post_url" ? postUrlTarget(tag[2] ?? "", site) : linkTarget(tag[2] ?? "", site);
      expanded += target === undefined ? text : `${followsBaseurl ? "" : baseurl}${target}`;
    } else expanded += text;
    followsBaseurl = false;
  }
  return expanded + written.slice(last);
}

/** `{% post_url [folder/]2017-07-06-slug %}`: the post whose file name, without extension, is that name. */
export function postUrlTarget(name: string, site: Site): string | undefined {
  const wanted = posix.basename(name);
  const folder = posix.dirname(name);
  const documents = siteDocuments(site);
  for (const path of site.posts) {
    if (postName(path) !== wanted) continue;
    if (folder !== "." && !`/${path}`.includes(`/${folder}/`)) continue;
    const document = documents.fromPath(path);
    if (document) return document.url;
  }
  return undefined;
}

/** `{% link path/in/site.md %}`: the URL of the page, post, document or file built from that path. */
export function linkTarget(path: string, site: Site): string | undefined {
  return siteDocuments(site).fromPath(path.replace(/^\.?\//, ""))?.url;
}

/** A post's name as `post_url` reads it: its file name without extension. */
export function postName(path: string): string {
  const base = posix.basename(path);
  return base.slice(0, base.length - posix.extname(base).length);
}
