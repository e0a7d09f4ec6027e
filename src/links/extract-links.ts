import { decodeHTMLAttribute } from "entities";
import type { Definition, Image, Link, Nodes } from "mdast";
import { liquidBlocks } from "../review/liquid-blocks.js";
import type { ParsedPost } from "../review/parse-post.js";
import type { Site } from "../site/site.js";
import { expandLiquid, hasLiquid } from "./liquid-urls.js";
import type { ExtractedLink } from "./types.js";

/**
 * Every address a post links to, at its place in the source: Markdown links, images and reference
 * definitions, autolinks `<https://…>`, bare URLs in the text (kramdown does not make them links, but a
 * reader copies them), `href` and `src` of raw HTML, Liquid `{% post_url %}` and `{% link %}` tags, with
 * Liquid that builds addresses expanded (see liquid-urls.ts). Never inside code, front matter, HTML
 * comments, `{% raw %}`, `{% comment %}` or `{% highlight %}`.
 *
 * remark refuses a destination with spaces (`[a]({{ site.baseurl }}/x)`, `[a](mailto:a @b.fr)`), which
 * kramdown reads up to the closing parenthesis: such destinations are read from the text that follows `](`.
 */
export function extractLinks(post: ParsedPost, site: Site): ExtractedLink[] {
  const extractor = new LinkExtractor(post, site);
  extractor.walk(post.tree, false);
  extractor.scanLiquidTags();
  return extractor.result();
}

/** The `http(s)` addresses that are not on the site (see `isInternal`), once each, without fragment. */
export function collectExternalUrls(
  links: readonly ExtractedLink[],
  isInternal: (url: string) => boolean = () => false,
): string[] {
  const urls = new Set<string>();
  for (const link of links) {
    if (!/^https?:\/\//i.test(link.url) || hasLiquid(link.url)) continue;
    const url = link.url.replace(/#.*$/s, "");
    if (!isInternal(url)) urls.add(url);
  }
  return [...urls];
}

interface Span {
  start: number;
  end: number;
}

const LIQUID_TAG = /\{%-?\s*(post_url|link)\s+[^%]*?%\}/g;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>"«»`[\]{}|^]+/gi;
const TRAILING_PUNCTUATION = /[.,:;!?'’*_~]+$/;
const HTML_TAG = /<([A-Za-z][\w-]*)\b[^>]*>/g;
const URL_ATTRIBUTE = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
/** A title after an address that remark did not parse: `"…"`, `'…'` or `(…)`. */
const TITLE = /\s+(?:"[^"]*"|'[^']*'|\([^)]*\)?)\s*$/;
const UNPARSED_DESTINATION = /\]\(|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*/gm;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

class LinkExtractor {
  private readonly links: ExtractedLink[] = [];
  private readonly opaque: Span[];
  private readonly source: string;

  constructor(
    post: ParsedPost,
    private readonly site: Site,
  ) {
    this.source = post.source;
    this.opaque = opaqueSpans(post);
  }

  result(): ExtractedLink[] {
    const byStart = new Map<number, ExtractedLink>();
    for (const link of this.links) if (!byStart.has(link.start)) byStart.set(link.start, link);
    return [...byStart.values()].sort((a, b) => a.start - b.start);
  }

  walk(node: Nodes, isInLink: boolean): void {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    // Containers are walked whatever their start: a paragraph may open with `{% raw %}…{% endraw %}`, which
    // may also cut a text node in two (its matches are checked one by one).
    if (node.type === "text" || !this.isOpaque(start)) this.visit(node, start, isInLink);
    if ("children" in node) {
      const inLink = isInLink || node.type === "link" || node.type === "linkReference";
      for (const child of node.children) this.walk(child, inLink);
    }
  }

  private visit(node: Nodes, start: number, isInLink: boolean): void {
    switch (node.type) {
      case "link":
        if (this.source[start] === "<") this.addAutolink(node);
        else this.addDestination(node, "link");
        break;
      case "image":
        this.addDestination(node, "image");
        break;
      case "definition":
        this.addDestination(node, "definition");
        break;
      case "html":
        this.scanHtml(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        break;
      case "text":
        if (!isInLink) this.scanText(start, node.position?.end.offset ?? start);
        break;
    }
  }

  /** Standalone `{% post_url %}` and `{% link %}` tags, which stop Jekyll when their target is missing. */
  scanLiquidTags(): void {
    for (const match of this.source.matchAll(LIQUID_TAG)) {
      const start = match.index;
      const end = start + match[0].length;
      if (this.isOpaque(start) || this.overlapsLink(start, end)) continue;
      const kind = match[1] === "post_url" ? "liquid-post-url" : "liquid-link";
      this.push(kind, start, end);
    }
  }

  private addAutolink(node: Link): void {
    const start = (node.position?.start.offset ?? 0) + 1;
    const end = (node.position?.end.offset ?? 0) - 1;
    this.links.push({ url: node.url, written: this.source.slice(start, end), kind: "autolink", start, end });
  }

  /** A parsed link, image or definition: its destination starts after `](` or `]:`. */
  private addDestination(node: Link | Image | Definition, kind: "link" | "image" | "definition"): void {
    const nodeStart = node.position?.start.offset ?? 0;
    const nodeEnd = node.position?.end.offset ?? 0;
    const lastChild = node.type === "link" ? node.children.at(-1)?.position?.end.offset : undefined;
    const close =
      lastChild === undefined
        ? labelEnd(this.source, nodeStart, nodeEnd, 0)
        : labelEnd(this.source, lastChild, nodeEnd, 1);
    if (close === undefined) return;
    const opener = node.type === "definition" ? ":" : "(";
    if (this.source[close + 1] !== opener) return;
    const span = readDestination(this.source, close + 2, nodeEnd, "parsed");
    if (!span) return;
    const written = this.source.slice(span.start, span.end);
    const url = hasLiquid(written) ? expandLiquid(removeEscapes(written), this.site) : node.url;
    this.links.push({ url, written, kind: liquidKind(written, kind), start: span.start, end: span.end });
  }

  /** `href` and `src` attributes of the tags of a raw HTML node, comments left out. */
  private scanHtml(from: number, to: number): void {
    // Comments blanked out, offsets kept.
    const html = this.source
      .slice(from, to)
      .replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => " ".repeat(comment.length));
    for (const tag of html.matchAll(HTML_TAG)) {
      for (const attribute of tag[0].matchAll(URL_ATTRIBUTE)) {
        const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
        const valueOffset = attribute[0].length - value.length - (attribute[4] === undefined ? 1 : 0);
        const start = from + tag.index + attribute.index + valueOffset;
        const kind = attribute[1]?.toLowerCase() === "src" ? "html-src" : "html-href";
        this.links.push({
          // As a browser reads it: a reference beyond Unicode (`&#99999999;`) is U+FFFD, never an exception.
          url: expandLiquid(decodeHTMLAttribute(value.trim()), this.site),
          written: value,
          kind,
          start,
          end: start + value.length,
        });
      }
    }
  }

  /** Destinations remark left as text, then bare URLs, in a text node (not inside a link). */
  private scanText(from: number, to: number): void {
    const text = this.source.slice(from, to);
    for (const opening of text.matchAll(UNPARSED_DESTINATION)) {
      const at = from + opening.index + opening[0].length;
      const isDefinition = opening[0] !== "](";
      const span = readDestination(this.source, at, this.source.length, "unparsed");
      if (!span || this.isOpaque(span.start) || this.overlapsLink(span.start, span.end)) continue;
      const isImage =
        !isDefinition && this.source[openingBracket(this.source, from + opening.index) - 1] === "!";
      this.push(isDefinition ? "definition" : isImage ? "image" : "link", span.start, span.end);
    }
    for (const match of text.matchAll(BARE_URL)) {
      const previous = text[match.index - 1] ?? " ";
      if (/[\p{L}\p{N}/@.]/u.test(previous)) continue;
      const written = trimBareUrl(match[0]);
      const start = from + match.index;
      const end = start + written.length;
      if (written.length < 8 || this.isOpaque(start) || this.overlapsLink(start, end)) continue;
      const url = removeEscapes(written);
      this.links.push({
        url: /^www\./i.test(url) ? `http://${url}` : url,
        written,
        kind: "bare-url",
        start,
        end,
      });
    }
  }

  private push(kind: ExtractedLink["kind"], start: number, end: number): void {
    const written = this.source.slice(start, end);
    const url = expandLiquid(removeEscapes(written), this.site);
    this.links.push({ url, written, kind: liquidKind(written, kind), start, end });
  }

  private isOpaque(offset: number): boolean {
    return this.opaque.some((span) => span.start <= offset && offset < span.end);
  }

  private overlapsLink(start: number, end: number): boolean {
    return this.links.some((link) => link.start < end && start < link.end);
  }
}

/** Where no link is read: front matter, code, HTML comments and Liquid blocks whose content is not Markdown. */
function opaqueSpans(post: ParsedPost): Span[] {
  const spans: Span[] = [];
  const visitNode = (node: Nodes) => {
    const isOpaque =
      node.type === "yaml" ||
      node.type === "code" ||
      node.type === "inlineCode" ||
      (node.type === "html" && node.value.startsWith("<!--"));
    if (isOpaque && node.position) {
      spans.push({ start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0 });
    } else if ("children" in node) for (const child of node.children) visitNode(child);
  };
  visitNode(post.tree);
  for (const [start, end] of liquidBlocks(post.source, ["raw", "comment", "highlight"]))
    spans.push({ start, end });
  return spans;
}

const MAX_LABEL_LENGTH = 1000;
const MAX_DESTINATION_LENGTH = 4096;

/**
 * The `]` that brings the bracket depth to zero, scanning from `from` at `depth` (1 inside a label, 0 before
 * its `[`), skipping escapes and code spans.
 */
function labelEnd(source: string, from: number, end: number, depth: number): number | undefined {
  let level = depth;
  // CommonMark labels hold at most 999 characters; the bound keeps `[[[[…` linear.
  const limit = Math.min(end, from + MAX_LABEL_LENGTH);
  for (let index = from; index < limit; index++) {
    const character = source[index];
    if (character === "\\") index++;
    else if (character === "`") {
      const run = /^`+/.exec(source.slice(index, index + 20))?.[0] ?? "`";
      const close = source.indexOf(run, index + run.length);
      if (close !== -1 && close < limit) index = close + run.length - 1;
      else index += run.length - 1;
    } else if (character === "[") level++;
    else if (character === "]" && --level === 0) return index;
  }
  return undefined;
}

/** The `[` opening the label whose `]` is at `close`, looking back at most one paragraph. */
function openingBracket(source: string, close: number): number {
  let depth = 0;
  for (let index = close; index >= 0 && index > close - 1000; index--) {
    const character = source[index];
    if (character === "]" && source[index - 1] !== "\\") depth++;
    else if (character === "[" && source[index - 1] !== "\\") {
      depth--;
      if (depth === 0) return index;
    } else if (character === "\n" && source[index - 1] === "\n") break;
  }
  return close;
}

/**
 * The destination written from `from`: `<…>`, or up to whitespace or an unbalanced `)` for one remark
 * parsed; up to the closing `)` or the end of the line, without a title, for one it did not (kramdown
 * accepts spaces there). Liquid tags are read whole, spaces included.
 */
function readDestination(
  source: string,
  from: number,
  stop: number,
  mode: "parsed" | "unparsed",
): Span | undefined {
  // No address is longer than this; the bound keeps `[a]([a](…` on one long line linear.
  const limit = Math.min(stop, from + MAX_DESTINATION_LENGTH);
  let start = from;
  while (start < limit && /[ \t]/.test(source[start] ?? "")) start++;
  if (mode === "parsed" && source.startsWith("\n", start)) start++;
  else if (mode === "parsed" && source.startsWith("\r\n", start)) start += 2;
  while (start < limit && /[ \t]/.test(source[start] ?? "")) start++;
  if (source[start] === "<") {
    const close = source.indexOf(">", start);
    if (close === -1 || close > limit || source.slice(start, close).includes("\n")) return undefined;
    return { start: start + 1, end: close };
  }
  let depth = 0;
  let end = start;
  while (end < limit) {
    const character = source[end] ?? "";
    if (source.startsWith("{{", end) || source.startsWith("{%", end)) {
      const close = source.indexOf(character === "{" && source[end + 1] === "{" ? "}}" : "%}", end + 2);
      if (close === -1 || source.slice(end, close).includes("\n")) break;
      end = close + 2;
      continue;
    }
    if (character === "\\") end += 2;
    else if (character === "\n" || character === "\r") break;
    else if (mode === "parsed" && /\s/.test(character)) break;
    else if (character === "(") {
      depth++;
      end++;
    } else if (character === ")") {
      if (depth === 0) break;
      depth--;
      end++;
    } else end++;
  }
  if (mode === "unparsed") {
    const text = source.slice(start, end).replace(TITLE, "").replace(/\s+$/, "");
    end = start + text.length;
  }
  return end > start ? { start, end } : undefined;
}

/** A bare URL ends before trailing punctuation and before a `)` it does not open (GFM's rule). */
function trimBareUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    const before = trimmed;
    trimmed = trimmed.replace(TRAILING_PUNCTUATION, "");
    const opened = (trimmed.match(/\(/g) ?? []).length;
    const closed = (trimmed.match(/\)/g) ?? []).length;
    if (trimmed.endsWith(")") && closed > opened) trimmed = trimmed.slice(0, -1);
    if (trimmed === before) return trimmed;
  }
}

function liquidKind(written: string, kind: ExtractedLink["kind"]): ExtractedLink["kind"] {
  if (kind !== "link" && kind !== "definition") return kind;
  if (/\{%-?\s*post_url\s/.test(written)) return "liquid-post-url";
  if (/\{%-?\s*link\s/.test(written)) return "liquid-link";
  return kind;
}

function removeEscapes(text: string): string {
  return text.replace(ESCAPED, "$1");
}
