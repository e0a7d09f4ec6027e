/**
 * Shared types of link checking. Extraction and internal resolution are pure (src/links/extract-links.ts,
 * src/links/resolve-internal.ts); the HTTP checker (src/links/http/) is the only code that reads the web.
 */

/** A link as written in a post, at its place. */
export interface ExtractedLink {
  /** The destination as written (after Liquid expansion when it could be expanded), e.g. `/2017/07/06/a.html#b`. */
  url: string;
  /** The text as written in the source, e.g. `{{ site.baseurl }}/a` or `{% post_url 2017-07-06-a %}`. */
  written: string;
  kind:
    | "link"
    | "image"
    | "definition"
    | "autolink"
    | "bare-url"
    | "html-href"
    | "html-src"
    | "liquid-post-url"
    | "liquid-link";
  /** Absolute offsets of the destination in the post's source (end exclusive). */
  start: number;
  end: number;
}

export type ExternalVerdict =
  | { kind: "alive"; status: number; finalUrl: string }
  | { kind: "dead"; status?: number; reason: string }
  | { kind: "unverified"; status?: number; reason: string }
  | { kind: "blocked"; reason: string }
  | { kind: "skipped"; reason: string };

/** What the HTTP checker learnt about each external URL, keyed by normalised URL; the engine only reads it. */
export type ExternalResults = ReadonlyMap<string, ExternalVerdict>;
