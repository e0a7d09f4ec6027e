import type { Image, Nodes, Parents, PhrasingContent, Root } from "mdast";
import { liquidBlocks } from "../liquid-blocks.js";
import type { ParsedPost } from "../parse-post.js";
import { alignValue } from "./align.js";
import { findEnglishRanges } from "./english.js";
import { OPAQUE, type ProseBlock, type ProseKind } from "./prose-block.js";

/**
 * What is never prose even inside text: Liquid tags and outputs (and everything between `{% raw %}` and
 * `{% endraw %}`), kramdown attribute lists `{: …}` and header ids `{#id}`, bare URLs and e-mail addresses
 * (kramdown leaves them as text, `mailto:` included), emoticons and emoji shortcodes. Each pattern starts with a
 * literal so that the engine skips
 * ahead quickly: a leading lookbehind would be tried at every character of every post.
 */
const NEVER_PROSE: RegExp[] = [
  // Bounded: a tag never runs for pages, and `{{{{…` without a close must not be quadratic.
  /\{%[\s\S]{0,500}?%\}|\{\{[\s\S]{0,500}?\}\}|\{:[^}\n]{0,500}\}|\{#[\w-]{1,200}\}/g,
  // Named schemes and a start-of-token lookbehind: `a.a.a.…` must not make these quadratic.
  // `mailto:` too: a link broken by a typo (`](mailto:a@b.fr?subject=A B]`) leaves its address as text.
  /\b(?:(?:https?|ftps?):\/\/|mailto:)[^\s<>()]*[^\s<>().,;:!?'"]|(?<![\w.])www\.[^\s<>()]*[^\s<>().,;:!?'"]/g,
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // An HTML tag whose attributes hold Liquid (`<img src="{{ "/a.png" | relative_url }}">`): the quotes inside
  // the Liquid end the attribute early for the Markdown parser, which then reads the tag as text. Jekyll
  // renders the Liquid first, so readers see a tag, never these quotes. Bounded like the Liquid above.
  /<[A-Za-z][\w:-]{0,50}\s(?:[^<>{]|\{(?![{%])){0,2000}?(?:(?:\{\{[^}<]{0,500}\}\}|\{%[^%<]{0,500}%\})(?:[^<>{]|\{(?![{%])){0,2000}?){1,50}\/?>/g,
];
const EMOTICON = /[:;=]-?[)(DPp]|\^\^|<3/g;
/** An emoji shortcode (`:tada:`, `:+1:`), which jemoji and GitHub turn into a picture: not prose. */
const EMOJI_SHORTCODE = /:[a-z0-9_+-]{1,60}:/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function neverProseRanges(source: string): [number, number][] {
  const ranges: [number, number][] = liquidBlocks(source, ["raw", "comment", "highlight"]);
  for (const pattern of NEVER_PROSE) {
    for (const match of source.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  for (const match of [...source.matchAll(EMOTICON), ...source.matchAll(EMOJI_SHORTCODE)]) {
    const end = match.index + match[0].length;
    const isWordAround =
      WORD_CHARACTER.test(source[match.index - 1] ?? "") || WORD_CHARACTER.test(source[end] ?? "");
    if (!isWordAround) ranges.push([match.index, end]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

class BlockBuilder {
  text = "";
  starts: number[] = [];
  ends: number[] = [];
  /** Ranges of `text` that an emphasis or a link's text wraps: a talk title, a quoted name, units of their own. */
  spans: [number, number][] = [];

  append(value: string, starts: number[], ends: number[]): void {
    this.text += value;
    // A loop, not push(...starts): spreading a paragraph of a million units would overflow the stack.
    for (let index = 0; index < starts.length; index++) {
      this.starts.push(starts[index] as number);
      this.ends.push(ends[index] as number);
    }
  }

  opaque(start: number, end: number): void {
    this.append(OPAQUE, [start], [end]);
  }
}

/** The prose of a post: every paragraph, heading, table cell and alt text, plus `title` and `description`. */
export function extractProse(post: ParsedPost): ProseBlock[] {
  // Where an unclosed front matter ends is anyone's guess: no text of such a post is read as prose.
  if (post.frontMatter.kind === "unclosed") return [];
  const neverProse = neverProseRanges(post.source);
  const blocks: ProseBlock[] = [];
  const finish = (kind: ProseKind, builder: BlockBuilder) => {
    if (builder.text.trim() === "") return;
    const text = maskRanges(builder, neverProse);
    blocks.push({
      kind,
      text,
      starts: builder.starts,
      ends: builder.ends,
      englishRanges: findEnglishRanges(text, builder.spans),
    });
  };
  for (const field of ["title", "description"] as const) {
    const builder = frontMatterValue(post, field);
    if (builder) finish(field, builder);
  }
  const visit = (node: Nodes) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      const builder = new BlockBuilder();
      const alts: Image[] = [];
      appendPhrasing(node.children, builder, post.source, alts);
      finish(node.type === "tableCell" ? "table-cell" : node.type, builder);
      for (const image of alts) {
        const alt = altText(image, post.source);
        if (alt) finish("alt", alt);
      }
      return;
    }
    if ("children" in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  visit(post.tree as Root);
  return blocks;
}

function appendPhrasing(
  nodes: PhrasingContent[],
  builder: BlockBuilder,
  source: string,
  alts: Image[],
): void {
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case "text": {
        const map = alignValue(node.value, source, start, end);
        builder.append(node.value, map.starts, map.ends);
        break;
      }
      case "emphasis":
      case "strong":
      case "delete":
      case "linkReference":
        appendSpan(node.children, builder, source, alts);
        break;
      case "link":
        // An autolink or a bare URL shows its address: not prose. A written link shows its text: prose.
        if (source[start] === "[") appendSpan(node.children, builder, source, alts);
        else builder.opaque(start, end);
        break;
      case "break":
        builder.append("\n", [start], [end]);
        break;
      case "image":
      case "imageReference":
        if (node.type === "image") alts.push(node);
        builder.opaque(start, end);
        break;
      default:
        // inlineCode, html, footnoteReference…
        builder.opaque(start, end);
    }
  }
}

function appendSpan(nodes: PhrasingContent[], builder: BlockBuilder, source: string, alts: Image[]): void {
  const from = builder.text.length;
  appendPhrasing(nodes, builder, source, alts);
  builder.spans.push([from, builder.text.length]);
}

/** Alt text sits between `![` and `]`: its own block, at its own place. */
function altText(image: Image, source: string): BlockBuilder | undefined {
  if (!image.alt || !image.position) return undefined;
  const start = (image.position.start.offset ?? 0) + 2;
  const close = source.lastIndexOf("](", image.position.end.offset ?? start);
  if (close < start) return undefined;
  const builder = new BlockBuilder();
  const map = alignValue(image.alt, source, start, close);
  builder.append(image.alt, map.starts, map.ends);
  return builder;
}

/** A front matter text value written on its key's line, quotes excluded; escapes make it opaque. */
function frontMatterValue(post: ParsedPost, key: string): BlockBuilder | undefined {
  const frontMatter = post.frontMatter;
  if (frontMatter.kind !== "present" || frontMatter.error) return undefined;
  const field = frontMatter.fields.find((candidate) => candidate.key === key);
  if (!field || typeof frontMatter.data[key] !== "string") return undefined;
  let start = field.valueStart;
  let end = field.valueEnd;
  const written = post.source.slice(start, end);
  const quote = written[0];
  if (quote === '"' || quote === "'") {
    // A quoted value that goes on below its line is not worth mapping unit by unit.
    if (!written.endsWith(quote) || written.length < 2) return undefined;
    start++;
    end--;
  } else if (/^[|>]/.test(written) || written.includes(" #")) {
    return undefined; // Block scalars and trailing comments: not worth guessing.
  }
  const value = post.source.slice(start, end);
  if (quote === '"' && value.includes("\\")) return undefined;
  const builder = new BlockBuilder();
  const starts: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < value.length; index++) {
    starts.push(start + index);
    ends.push(start + index + 1);
  }
  builder.append(value, starts, ends);
  return builder;
}

/** Replaces the units whose source lies in a never-prose range; ranges are sorted by start. */
function maskRanges(builder: BlockBuilder, ranges: [number, number][]): string {
  const first = builder.starts[0] ?? 0;
  const last = builder.ends[builder.ends.length - 1] ?? 0;
  const relevant = ranges.filter(([from, to]) => to > first && from < last);
  if (relevant.length === 0) return builder.text;
  const units = builder.text.split("");
  for (let index = 0; index < units.length; index++) {
    const start = builder.starts[index] as number;
    if (relevant.some(([from, to]) => start >= from && start < to)) units[index] = OPAQUE;
  }
  return units.join("");
}
