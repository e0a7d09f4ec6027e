import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { elementNode } from "./mdast-element.js";

/**
 * kramdown's definition lists, which CommonMark reads as paragraphs:
 *
 *     terme                 terme
 *     : définition          (blank line)
 *                           : définition, in its own paragraph
 */
export function applyDefinitionLists(tree: Root): void {
  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as RootContent;
      if (child.type === "paragraph") {
        const list = definitionListOf(child, children, index);
        if (list) {
          children.splice(index, list.consumed, list.node);
          continue;
        }
      }
      if ("children" in child && child.type !== "paragraph") walk(child as Parent);
    }
  };
  walk(tree);
}

type Line = PhrasingContent[];

function definitionListOf(
  paragraph: Paragraph,
  siblings: RootContent[],
  index: number,
): { node: RootContent; consumed: number } | undefined {
  const lines = splitLines(paragraph.children);
  const firstDefinition = lines.findIndex(isDefinitionLine);
  if (firstDefinition > 0) {
    const items: PhrasingContent[] = lines
      .slice(0, firstDefinition)
      .map((line) => elementNode("dt", {}, trimLine(line)));
    let current: Line | undefined;
    const definitions: Line[] = [];
    for (const line of lines.slice(firstDefinition)) {
      if (isDefinitionLine(line)) {
        current = stripMarker(line);
        definitions.push(current);
      } else {
        current?.push({ type: "text", value: "\n" }, ...line);
      }
    }
    items.push(...definitions.map((line) => elementNode("dd", {}, trimLine(line))));
    return { node: elementNode("dl", {}, items), consumed: 1 };
  }
  // Terms in this paragraph, definitions in the following paragraphs that start with `: `.
  if (firstDefinition === 0) return undefined;
  const definitions: Paragraph[] = [];
  for (let next = index + 1; next < siblings.length; next += 1) {
    const sibling = siblings[next];
    if (sibling?.type !== "paragraph" || !isDefinitionLine(splitLines(sibling.children)[0] ?? [])) break;
    definitions.push(sibling);
  }
  if (definitions.length === 0) return undefined;
  const items: PhrasingContent[] = lines.map((line) => elementNode("dt", {}, trimLine(line)));
  for (const definition of definitions) {
    const [first = [], ...rest] = splitLines(definition.children);
    const content = [
      ...stripMarker(first),
      ...rest.flatMap((line): Line => [{ type: "text", value: "\n" }, ...line]),
    ];
    items.push(elementNode("dd", {}, [{ type: "paragraph", children: content }]));
  }
  return { node: elementNode("dl", {}, items), consumed: 1 + definitions.length };
}

function isDefinitionLine(line: Line): boolean {
  const first = line[0];
  return first?.type === "text" && /^:[ \t]/.test(first.value);
}

function stripMarker(line: Line): Line {
  const [first, ...rest] = line;
  if (first?.type !== "text") return line;
  return [{ ...first, value: first.value.replace(/^:[ \t]+/, "") }, ...rest];
}

function trimLine(line: Line): Line {
  const copy = [...line];
  const last = copy.at(-1);
  if (last?.type === "text") copy[copy.length - 1] = { ...last, value: last.value.trimEnd() };
  return copy;
}

/** A paragraph's content cut at its line breaks (inside text nodes). */
function splitLines(children: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const child of children) {
    if (child.type !== "text" || !child.value.includes("\n")) {
      lines.at(-1)?.push(child);
      continue;
    }
    const parts = child.value.split("\n");
    for (const [partIndex, part] of parts.entries()) {
      if (partIndex > 0) lines.push([]);
      if (part !== "") lines.at(-1)?.push({ type: "text", value: part });
    }
  }
  return lines;
}
