import type { Parent, PhrasingContent, Root, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import { elementNode } from "./mdast-element.js";

const DEFINITION = /^ {0,3}\*\[([^\]\n]+)\]:[ \t]*(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * kramdown's abbreviations: `*[HTML]: HyperText Markup Language` lines are definitions (taken out of
 * the text before it is parsed, outside fenced code), and every whole-word use of `HTML` in the text
 * becomes `<abbr title="…">HTML</abbr>`.
 */
export function extractAbbreviations(markdown: string): {
  markdown: string;
  abbreviations: Map<string, string>;
} {
  const abbreviations = new Map<string, string>();
  let fence: string | undefined;
  const lines = markdown.split("\n").map((line) => {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] as string;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return line;
    }
    const definition = fence === undefined ? DEFINITION.exec(line) : null;
    if (!definition) return line;
    abbreviations.set((definition[1] as string).trim(), (definition[2] ?? "").trim());
    return "";
  });
  return { markdown: lines.join("\n"), abbreviations };
}

export function applyAbbreviations(tree: Root, abbreviations: ReadonlyMap<string, string>): void {
  if (abbreviations.size === 0) return;
  const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type === "inlineCode" || node.type === "code" || node.type === "html") return SKIP;
    if (node.type !== "text" || parent === undefined || index === undefined) return;
    const { value } = node as Text;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      if (match.index > last) pieces.push({ type: "text", value: value.slice(last, match.index) });
      const title = abbreviations.get(match[0]) ?? "";
      pieces.push(elementNode("abbr", title === "" ? {} : { title }, [{ type: "text", value: match[0] }]));
      last = match.index + match[0].length;
    }
    if (pieces.length === 0) return;
    if (last < value.length) pieces.push({ type: "text", value: value.slice(last) });
    parent.children.splice(index, 1, ...(pieces as typeof parent.children));
    return index + pieces.length;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
