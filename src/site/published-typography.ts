import type { Site } from "./site.js";

/**
 * What the site's Markdown converter does to the typography of the source when Jekyll builds it, so that the
 * rules judge what the reader will see. Without a `_config.yml` (a post alone, a folder that is not a site)
 * the source is what is published: nothing is converted.
 */
export interface PublishedTypography {
  /** The converter, for messages (`kramdown`, `CommonMark`); undefined when nothing is converted. */
  converter?: string;
  /** What a straight apostrophe between letters becomes; undefined when it stays `'`. */
  apostrophe?: string;
  /** What a pair of straight double quotes becomes; undefined when they stay `"`. */
  doubleQuotes?: { open: string; close: string };
  /** What `...` becomes; undefined when it stays. */
  ellipsis?: string;
  /** What `--` becomes (kramdown's `ndash`, cmark's smart dashes); undefined when it stays. */
  enDash?: string;
}

const NOTHING_CONVERTED: PublishedTypography = {};

export function publishedTypography(site: Site): PublishedTypography {
  if (!site.hasConfig) return NOTHING_CONVERTED;
  const engine = site.jekyll.markdownEngine;
  if (engine.name === "kramdown") {
    const [, rightSingle, leftDouble, rightDouble] = engine.kramdown.smartQuotes;
    const ellipsis = engine.kramdown.typographicSymbols.hellip ?? "…";
    const enDash = engine.kramdown.typographicSymbols.ndash ?? "–";
    return {
      converter: "kramdown",
      apostrophe: rightSingle === "'" ? undefined : rightSingle,
      doubleQuotes:
        leftDouble === '"' && rightDouble === '"' ? undefined : { open: leftDouble, close: rightDouble },
      ellipsis: ellipsis === "..." ? undefined : ellipsis,
      enDash: enDash === "--" ? undefined : enDash,
    };
  }
  // jekyll-commonmark and jekyll-commonmark-ghpages: cmark's smart punctuation only with the SMART option.
  if (engine.name.startsWith("commonmark") && engine.commonmarkOptions.includes("SMART")) {
    return {
      converter: "CommonMark",
      apostrophe: "’",
      doubleQuotes: { open: "“", close: "”" },
      ellipsis: "…",
      enDash: "–",
    };
  }
  return NOTHING_CONVERTED;
}
