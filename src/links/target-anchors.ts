import { posix } from "node:path";
import { readFrontMatter } from "../review/front-matter.js";
import type { ParsedPost } from "../review/parse-post.js";
import type { SiteDocument } from "../site/documents.js";
import type { Site } from "../site/site.js";
import { type AnchorSet, hasLiquidIds, htmlAnchorIds, markdownAnchorIds } from "./kramdown-ids.js";

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
  if (document.kind === "static" || document.kind === "redirect" || document.kind === "generated") {
    return undefined;
  }
  let byPath = anchorsBySite.get(site);
  if (!byPath) {
    byPath = new Map();
    anchorsBySite.set(site, byPath);
  }
  if (!byPath.has(document.path)) {
    const text = site.texts.get(document.path);
    const isHtml = /^\.html?$/i.test(posix.extname(document.path));
    const own = text === undefined ? undefined : isHtml ? htmlAnchorIds(text) : markdownAnchorIds(text);
    const anchors = own && withLayouts(own, site);
    // A layout that writes ids with Liquid (a tags page's loop) makes the page's ids unknowable here.
    const isGenerated = text !== undefined && layoutChain(text, site).some(hasLiquidIds);
    byPath.set(document.path, anchors && (isGenerated ? { ...anchors, isComplete: false } : anchors));
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

/**
 * The texts of the layouts a page is rendered in: the one its front matter names, then each layout's own
 * `layout`, as far as the site's texts go. Layouts given by `defaults:` in `_config.yml` are not followed.
 */
function layoutChain(text: string, site: Site): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = text;
  for (;;) {
    const frontMatter = readFrontMatter(current);
    const name = frontMatter.kind === "present" ? frontMatter.data.layout : undefined;
    if (typeof name !== "string" || name === "" || seen.has(name)) return chain;
    seen.add(name);
    const layout = site.texts.get(`_layouts/${name}.html`) ?? site.texts.get(`_layouts/${name}.htm`);
    if (layout === undefined) return chain;
    chain.push(layout);
    current = layout;
  }
}
