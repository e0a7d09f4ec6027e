import type { Heading, Nodes, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown } from "../review/parse-post.js";

/**
 * The ids a page built by Jekyll carries, so that a link's `#fragment` can be checked without building it.
 *
 * Jekyll's kramdown reads Markdown with the GFM parser by default (`kramdown: input: GFM`), whose header ids
 * come from kramdown-parser-gfm's `generate_gfm_header_id`: the heading's text (its rendered text, markup
 * removed: kramdown's `auto_id_stripping`, forced by the GFM parser), downcased, every character that is not
 * a Unicode word character (`\p{Word}`: letters of any script, accents kept, marks, digits, `_`), a hyphen,
 * a space or a tab removed, then each space and tab turned into one hyphen; no `section` fallback. Repeats
 * get `-1`, `-2`…
 *
 * Plain kramdown (`input: kramdown`) uses `basic_generate_id` instead: leading characters up to the first
 * ASCII letter removed (digits and accented capitals included: « 2. Été » → `t`), then every character
 * outside `[a-zA-Z0-9 -]` removed (accents are dropped, not transliterated, unless
 * `transliterated_header_ids`), spaces to hyphens, downcased, `section` when nothing is left.
 *
 * Both skip a heading with an explicit id: `## Titre {#id}` or a block IAL `{: #id}` on the next line.
 */
export type HeaderIdStyle = "gfm" | "kramdown";

/** What a page is known to hold; `isComplete` is false when Liquid or an include may add ids we cannot see. */
export interface AnchorSet {
  ids: ReadonlySet<string>;
  isComplete: boolean;
}

/** kramdown's `{#id}` at the end of a header's text (HEADER_ID in parser/kramdown/header.rb). */
const HEADER_ID = /[\t ]\{#([A-Za-z][\w:-]*)\}$/;
/** An inline attribute list, `{: #id .class key="v"}`, anywhere: each `#id` in it names an element. */
const IAL = /\{:(?!:)([^}\n]*)\}/g;
const IAL_ID = /(?:^|\s)#([A-Za-z][\w:-]*)/g;
const TAG = /<[A-Za-z][^>]*>/g;
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const LIQUID = /\{\{|\{%/;
const INCLUDE = /\{%-?\s*include(?:_relative)?\s/;

/** One header id, the first time this text is seen in a page. */
export function headerId(text: string, style: HeaderIdStyle = "gfm"): string {
  if (style === "gfm") {
    return text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, "")
      .replace(/[ \t]/g, "-");
  }
  const id = text
    .replace(/^[^a-zA-Z]+/, "")
    .replace(/[^a-zA-Z0-9 -]/g, "")
    .replace(/ /g, "-")
    .toLowerCase();
  return id === "" ? "section" : id;
}

/** The ids of a Markdown page, in the order kramdown gives them, as a set. */
export function markdownAnchorIds(source: string, style: HeaderIdStyle = "gfm", tree?: Root): AnchorSet {
  const root = tree ?? parseMarkdown(source);
  const ids = new Set<string>();
  const used = new Map<string, number>();
  let isComplete = !INCLUDE.test(source);
  const explicitAfter = headingsWithBlockIal(root);
  const loops = liquidLoops(source);
  visit(root, (node) => {
    if (node.type === "heading") {
      const text = rawText(node);
      const explicit = HEADER_ID.exec(text)?.[1] ?? explicitAfter.get(node);
      // A heading written with Liquid (`## {{ tag }}`, `{#{{ slug }}}`) or repeated by a loop gets ids
      // that only the build knows: the page may hold more than what is seen here.
      const offset = node.position?.start.offset ?? 0;
      if (LIQUID.test(text) || loops.some(([start, end]) => offset > start && offset < end)) {
        isComplete = false;
        if (explicit === undefined) return;
      }
      if (explicit !== undefined) {
        ids.add(explicit);
        return;
      }
      const base = headerId(text, style);
      const count = used.get(base);
      used.set(base, (count ?? -1) + 1);
      const id = count === undefined ? base : `${base}-${count + 1}`;
      if (id !== "") ids.add(id);
    } else if (node.type === "footnoteDefinition") {
      const name = node.label ?? node.identifier;
      ids.add(`fn:${name}`);
      ids.add(`fnref:${name}`);
    } else if (node.type === "html") {
      const found = htmlAnchorIds(node.value);
      for (const id of found.ids) ids.add(id);
      if (!found.isComplete) isComplete = false;
    }
  });
  for (const match of source.matchAll(IAL)) {
    if (/^\s*toc\s*$/.test(match[1] ?? "")) ids.add("markdown-toc");
    for (const id of (match[1] ?? "").matchAll(IAL_ID)) ids.add(id[1] as string);
  }
  return { ids, isComplete };
}

/** `id` and `name` attributes of HTML tags; an attribute built with Liquid makes the set incomplete. */
export function htmlAnchorIds(html: string): AnchorSet {
  const ids = new Set<string>();
  let isComplete = !INCLUDE.test(html);
  for (const tag of html.replace(/<!--[\s\S]*?-->/g, "").matchAll(TAG)) {
    for (const attribute of tag[0].matchAll(ID_ATTRIBUTE)) {
      const value = attribute[1] ?? attribute[2] ?? attribute[3] ?? "";
      if (LIQUID.test(value)) isComplete = false;
      else if (value !== "") ids.add(value);
    }
  }
  return { ids, isComplete };
}

/** True when an HTML tag of the text takes its `id` or `name` from Liquid (`id="{{ tag[0] | slugify }}"`). */
export function hasLiquidIds(html: string): boolean {
  for (const tag of html.replace(/<!--[\s\S]*?-->/g, "").matchAll(TAG)) {
    for (const attribute of tag[0].matchAll(ID_ATTRIBUTE)) {
      if (LIQUID.test(attribute[1] ?? attribute[2] ?? attribute[3] ?? "")) return true;
    }
  }
  return false;
}

const LOOP_TAG = /\{%-?\s*(end)?(for|tablerow)\b[^%]{0,500}%\}/g;

/** The `{% for %}…{% endfor %}` and `{% tablerow %}` blocks of a text, nested ones included, found in one pass. */
function liquidLoops(source: string): [number, number][] {
  const loops: [number, number][] = [];
  const open: number[] = [];
  for (const tag of source.matchAll(LOOP_TAG)) {
    if (tag[1] === undefined) open.push(tag.index);
    else {
      const start = open.pop();
      if (start !== undefined) loops.push([start, tag.index + tag[0].length]);
    }
  }
  // A loop never closed runs to the end of the page, as far as ids are concerned.
  for (const start of open) loops.push([start, source.length]);
  return loops;
}

/**
 * kramdown's raw text of a header after `auto_id_stripping`: text, code spans and entities, without markup,
 * image alt texts or footnote marks. Its typographic symbols (`--`, `---`, `...`) become dashes and an
 * ellipsis, which ids then drop: « A -- B » gives `a--b`, not `a----b`.
 */
export function rawText(node: Nodes): string {
  switch (node.type) {
    case "text":
      return node.value.replace(/-{2,3}|\.\.\./g, "\u2014");
    case "inlineCode":
      return node.value;
    case "image":
    case "imageReference":
    case "footnoteReference":
    case "html":
    case "break":
      return "";
    default:
      return "children" in node ? node.children.map((child) => rawText(child)).join("") : "";
  }
}

/** Headings followed, on the next line, by a paragraph that is only a block IAL with an `#id`. */
function headingsWithBlockIal(root: Root): Map<Heading, string> {
  const explicit = new Map<Heading, string>();
  visit(root, (node) => {
    if (!("children" in node)) return;
    const children = node.children as RootContent[];
    for (const [index, child] of children.entries()) {
      const next = children[index + 1];
      if (child.type !== "heading" || next?.type !== "paragraph") continue;
      if (next.position?.start.line !== (child.position?.end.line ?? 0) + 1) continue;
      const only = next.children.length === 1 ? next.children[0] : undefined;
      if (only?.type !== "text") continue;
      const ial = /^\{:([^}]*)\}$/.exec(only.value.trim());
      const id = ial ? [...(ial[1] ?? "").matchAll(IAL_ID)][0]?.[1] : undefined;
      if (id !== undefined) explicit.set(child, id);
    }
  });
  return explicit;
}

/**
 * The id kramdown gives the heading written in `markdown` (the source of one heading), explicit or generated,
 * or undefined when that source is not a heading. Fixes use it to leave a heading's id as it was.
 */
export function headingIdOfSource(markdown: string, style: HeaderIdStyle = "gfm"): string | undefined {
  const heading = parseMarkdown(markdown).children.find((node) => node.type === "heading");
  if (!heading) return undefined;
  const text = rawText(heading);
  return HEADER_ID.exec(text)?.[1] ?? headerId(text, style);
}
