import type { ElementContent } from "hast";
import type { Heading, List, Root, Text } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { headerId, rawText } from "../links/kramdown-ids.js";
import type { KramdownOptions } from "./kramdown-options.js";
import { addAttributes } from "./mdast-element.js";

/** kramdown's `{#id}` at the end of a header's text. */
const HEADER_ID = /[\t ]+\{#([A-Za-z][\w:-]*)\}[\t ]*$/;

/**
 * Header ids as kramdown gives them, with the function the anchor rule uses: an explicit `{#id}` (removed
 * from the text) or an IAL id wins, else the id made from the header's text, repeats numbered.
 */
export function assignHeaderIds(tree: Root, options: KramdownOptions): void {
  const used = new Map<string, number>();
  visit(tree, "heading", (heading: Heading) => {
    const explicit = takeExplicitId(heading);
    if (explicit !== undefined) {
      addAttributes(heading, { id: explicit });
      return;
    }
    if (heading.data?.hProperties?.id !== undefined || !options.autoIds) return;
    const base = headerId(rawText(heading), options.headerIdStyle);
    const count = used.get(base);
    used.set(base, (count ?? -1) + 1);
    const id = count === undefined ? base : `${base}-${count + 1}`;
    if (id !== "") addAttributes(heading, { id: `${options.autoIdPrefix}${id}` });
  });
}

function takeExplicitId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return undefined;
  const match = HEADER_ID.exec(last.value);
  if (!match) return undefined;
  (last as Text).value = last.value.slice(0, match.index);
  return match[1];
}

/**
 * `{:toc}`: the marked list becomes kramdown's table of contents, `<ul id="markdown-toc">` of links to
 * every header with an id within `toc_levels`, nested by level.
 */
export function buildTableOfContents(tree: Root, tocLists: readonly List[], options: KramdownOptions): void {
  if (tocLists.length === 0) return;
  const headings: { level: number; id: string; text: string }[] = [];
  visit(tree, "heading", (heading: Heading) => {
    const id = heading.data?.hProperties?.id;
    if (typeof id === "string" && options.tocLevels.has(heading.depth)) {
      headings.push({ level: heading.depth, id, text: mdastToString(heading, { includeImageAlt: false }) });
    }
  });
  for (const list of tocLists) {
    const tagName = list.ordered ? "ol" : "ul";
    const entries = nest(headings, tagName);
    const properties = { ...(list.data?.hProperties ?? {}) };
    properties.id ??= "markdown-toc";
    list.data = { ...list.data, hName: tagName, hProperties: properties, hChildren: entries };
    list.children = [];
  }
}

function nest(headings: { level: number; id: string; text: string }[], tagName: string): ElementContent[] {
  const root: ElementContent[] = [];
  const stack: { level: number; children: ElementContent[] }[] = [{ level: 0, children: root }];
  for (const heading of headings) {
    while (stack.length > 1 && (stack.at(-1)?.level ?? 0) >= heading.level) stack.pop();
    const nested: ElementContent[] = [];
    const item: ElementContent = {
      type: "element",
      tagName: "li",
      properties: {},
      children: [
        {
          type: "element",
          tagName: "a",
          properties: { href: `#${heading.id}`, id: `markdown-toc-${heading.id}` },
          children: [{ type: "text", value: heading.text }],
        },
      ],
    };
    stack.at(-1)?.children.push(item);
    // The sub-list is added only if a deeper header comes; an empty <ul> would show a stray bullet gap.
    stack.push({
      level: heading.level,
      get children() {
        if (!item.children.some((child) => child.type === "element" && child.tagName === tagName)) {
          item.children.push({ type: "element", tagName, properties: {}, children: nested });
        }
        return nested;
      },
    });
  }
  return root;
}
