import { posix } from "node:path";
import type { ParsedPost } from "../review/parse-post.js";
import type { SiteDocument } from "../site/documents.js";
import type { Site } from "../site/site.js";
import { type AnchorSet, htmlAnchorIds, markdownAnchorIds } from "./kramdown-ids.js";

/**
 * The ids a link's target carries: its own ids (headings, `{#id}`, IALs, footnotes, HTML `id`/`name`) and
 * the literal ids of the site's layouts and includes, which wrap every page. Undefined when the target's
 * text is unknown (a static file, a page the caller did not read): its fragments cannot be checked.
 */
export function targetAnchors(
  target: { isSamePost: true } | { isSamePost: false; document: SiteDocument },
  post: ParsedPost,
  site: Site,
): AnchorSet | undefined {
  if (target.isSamePost) return withLayouts(markdownAnchorIds(post.source, "gfm", post.tree), site);
  const { document } = target;
  if (document.kind === "static" || document.kind === "redirect") return undefined;
  let byPath = anchorsBySite.get(site);
  if (!byPath) {
    byPath = new Map();
    anchorsBySite.set(site, byPath);
  }
  if (!byPath.has(document.path)) {
    const text = site.texts.get(document.path);
    const isHtml = /^\.html?$/i.test(posix.extname(document.path));
    const own = text === undefined ? undefined : isHtml ? htmlAnchorIds(text) : markdownAnchorIds(text);
    byPath.set(document.path, own && withLayouts(own, site));
  }
  return byPath.get(document.path);
}

const anchorsBySite = new WeakMap<Site, Map<string, AnchorSet | undefined>>();
const layoutIdsBySite = new WeakMap<Site, ReadonlySet<string>>();

function withLayouts(own: AnchorSet, site: Site): AnchorSet {
  let layoutIds = layoutIdsBySite.get(site);
  if (!layoutIds) {
    const ids = new Set<string>();
    for (const [path, text] of site.texts) {
      if (!/^_(layouts|includes)\//.test(path)) continue;
      for (const id of htmlAnchorIds(text).ids) ids.add(id);
    }
    layoutIds = ids;
    layoutIdsBySite.set(site, layoutIds);
  }
  if (layoutIds.size === 0) return own;
  return { ids: new Set([...own.ids, ...layoutIds]), isComplete: own.isComplete };
}
