import type { Root } from "mdast";
import { extractLinks } from "../../links/extract-links.js";
import { type InternalResolution, resolveInternal } from "../../links/resolve-internal.js";
import type { ExtractedLink } from "../../links/types.js";
import { shorten } from "../markdown/source.js";
import type { RuleContext } from "../types.js";

export interface ResolvedLink {
  link: ExtractedLink;
  resolution: InternalResolution;
}

const linksByTree = new WeakMap<Root, readonly ExtractedLink[]>();
const resolvedByTree = new WeakMap<Root, readonly ResolvedLink[]>();

/** The post's links, extracted once per post for every link rule. */
export function postLinks(context: RuleContext): readonly ExtractedLink[] {
  let links = linksByTree.get(context.tree);
  if (!links) {
    links = extractLinks(context.post, context.site);
    linksByTree.set(context.tree, links);
  }
  return links;
}

/**
 * The post's internal links with where they lead; none when the site is unknown (no `_config.yml`), so
 * that rules about internal links stay silent.
 */
export function internalLinks(context: RuleContext): readonly ResolvedLink[] {
  if (!context.site.hasConfig) return [];
  let resolved = resolvedByTree.get(context.tree);
  if (!resolved) {
    const options = { siteUrl: context.config.site.url };
    resolved = postLinks(context)
      .map((link) => ({ link, resolution: resolveInternal(link, context.post, context.site, options) }))
      .filter(({ resolution }) => resolution.kind !== "not-internal");
    resolvedByTree.set(context.tree, resolved);
  }
  return resolved;
}

/** The address as written, short enough for a message. */
export function shownLink(link: ExtractedLink): string {
  return shorten(link.written.replace(/\s+/g, " "), 80);
}
