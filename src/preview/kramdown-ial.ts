import type { Properties } from "hast";
import type { List, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";
import {
  ALD_ONLY,
  attributeProperties,
  EXTENSION_ONLY,
  IAL_ONLY,
  parseAttributeList,
} from "./attribute-list.js";
import { addAttributes } from "./mdast-element.js";

/**
 * kramdown's attribute lists on a Markdown tree: block IALs (`{: .note}` on the line after a block, or
 * alone before one), span IALs (`[lien](url){:target="_blank"}`), ALDs (`{:name: .cls}`, used by name),
 * and `{:toc}`, which marks the list to replace with the table of contents. Returns the marked lists.
 */
export function applyAttributeLists(tree: Root, source: string): List[] {
  const lines = source.split("\n");
  const definitions = new Map<string, Properties>();
  const tocLists: List[] = [];
  const resolve = (text: string): { properties: Properties; toc: boolean } => {
    const list = parseAttributeList(text);
    const properties: Properties = {};
    for (const reference of list.references) {
      const defined = definitions.get(reference);
      if (defined) mergeInto(properties, defined);
    }
    mergeInto(properties, attributeProperties(list));
    return { properties, toc: list.references.includes("toc") };
  };
  const apply = (target: Nodes | undefined, text: string) => {
    if (target === undefined) return;
    const { properties, toc } = resolve(text);
    addAttributes(target as { data?: { hProperties?: Properties } }, properties);
    if (toc && target.type === "list") tocLists.push(target);
  };

  const walk = (parent: Parent, ancestors: Parent[]) => {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as RootContent;
      if (child.type === "paragraph") {
        const blockLines = ialLines(child);
        if (blockLines !== undefined) {
          for (const line of blockLines) {
            const ald = ALD_ONLY.exec(line);
            if (ald) definitions.set(ald[1] as string, resolve(ald[2] ?? "").properties);
          }
          const previous = children[index - 1];
          const directlyAfter =
            previous?.position &&
            child.position &&
            previous.position.end.line === child.position.start.line - 1;
          const target = directlyAfter ? previous : children[index + 1];
          for (const line of blockLines) {
            const ial = ALD_ONLY.test(line) ? null : IAL_ONLY.exec(line);
            if (ial) apply(target, ial[1] ?? "");
          }
          children.splice(index, 1);
          index -= 1;
          continue;
        }
        const leading = takeFirstLine(child);
        if (leading !== undefined) apply(child, leading);
        const trailing = takeLastLine(child);
        if (trailing !== undefined)
          apply(trailingTarget(child, trailing.column, [...ancestors, parent]), trailing.text);
        applySpanIals(child);
      } else if (child.type === "heading" || child.type === "tableCell") {
        applySpanIals(child);
      }
      if ("children" in child && child.type !== "paragraph") walk(child as Parent, [...ancestors, parent]);
      else if (child.type === "paragraph") walkPhrasing(child);
    }
  };
  const walkPhrasing = (node: Parent) => {
    for (const child of node.children as RootContent[]) {
      if ("children" in child) {
        applySpanIals(child as Parent);
        walkPhrasing(child as Parent);
      }
    }
  };
  walk(tree, []);
  return tocLists;

  /** The IAL that ends the last item of a list, unindented, belongs to the list (kramdown's list end). */
  function trailingTarget(paragraph: Paragraph, column: number, ancestors: Parent[]): Nodes {
    const fallback: Nodes = paragraph;
    for (let depth = ancestors.length - 1; depth >= 1; depth -= 1) {
      const item = ancestors[depth];
      const list = ancestors[depth - 1];
      if (item?.type !== "listItem" || list?.type !== "list") continue;
      const isLast = list.children.at(-1) === item && lastDescendantParagraph(item) === paragraph;
      const listColumn = list.position?.start.column ?? 1;
      if (isLast && column <= listColumn) return list as List;
    }
    return fallback;
  }

  function takeLastLine(paragraph: Paragraph): { text: string; column: number } | undefined {
    const last = paragraph.children.at(-1);
    if (last?.type !== "text") return undefined;
    const cut = last.value.lastIndexOf("\n");
    if (cut === -1) return undefined;
    const line = last.value.slice(cut + 1).trim();
    const ial = IAL_ONLY.exec(line);
    if (!ial) return undefined;
    last.value = last.value.slice(0, cut);
    const lineNumber = paragraph.position?.end.line;
    const sourceLine = lineNumber === undefined ? "" : (lines[lineNumber - 1] ?? "");
    return { text: ial[1] ?? "", column: sourceLine.length - sourceLine.trimStart().length + 1 };
  }
}

/** A paragraph made only of attribute lists and extensions, one a line: its lines. */
function ialLines(paragraph: Paragraph): string[] | undefined {
  if (paragraph.children.length !== 1 || paragraph.children[0]?.type !== "text") return undefined;
  const lines = paragraph.children[0].value.split("\n").map((line) => line.trim());
  const allAttributes = lines.every(
    (line) => IAL_ONLY.test(line) || ALD_ONLY.test(line) || EXTENSION_ONLY.test(line),
  );
  return allAttributes ? lines : undefined;
}

/** `{: .cls}` on a paragraph's first line, followed by its text: the IAL applies to that paragraph. */
function takeFirstLine(paragraph: Paragraph): string | undefined {
  const first = paragraph.children[0];
  if (first?.type !== "text") return undefined;
  const cut = first.value.indexOf("\n");
  if (cut === -1) return undefined;
  const ial = IAL_ONLY.exec(first.value.slice(0, cut).trim());
  if (!ial) return undefined;
  first.value = first.value.slice(cut + 1);
  return ial[1] ?? "";
}

function lastDescendantParagraph(node: Parent): Paragraph | undefined {
  const last = node.children.at(-1) as RootContent | undefined;
  if (last === undefined) return undefined;
  if (last.type === "paragraph") return last;
  return "children" in last ? lastDescendantParagraph(last as Parent) : undefined;
}

const SPAN_IAL = /\{:(?![:/])((?:\\\}|[^}\n])*)\}/g;

/** `{: …}` right after a span element applies to it; anywhere else kramdown drops it. */
function applySpanIals(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child?.type !== "text" || !child.value.includes("{:")) continue;
    const previous = children[index - 1];
    const text = child as Text;
    text.value = text.value.replace(SPAN_IAL, (_whole, content: string, offset: number) => {
      if (offset === 0 && previous !== undefined && previous.type !== "text") {
        addAttributes(
          previous as { data?: { hProperties?: Properties } },
          attributeProperties(parseAttributeList(content)),
        );
      }
      return "";
    });
  }
}

function mergeInto(target: Properties, source: Properties): void {
  for (const [name, value] of Object.entries(source)) {
    if (name === "className" && Array.isArray(target.className) && Array.isArray(value)) {
      target.className = [...target.className.map(String), ...value.map(String)];
    } else {
      target[name] = value;
    }
  }
}
