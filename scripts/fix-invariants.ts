import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown } from "../src/review/parse-post.js";

/** Rules whose fixes change letters by design (an accent, an ordinal suffix, a casing, an abbreviation). */
const LETTER_CHANGING = /^(typo\/(accented-capitals|ordinals|lowercase-dates|abbreviations)|lexicon\/)/;

/** Letters and digits only: spaces and punctuation are what spacing and punctuation fixes may change. */
export function lettersOnly(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\u00a0\u202f]/gu, "");
}

/** What a fix must never touch: code, URLs and Liquid, in reading order. */
export function untouchable(text: string): string[] {
  const tree: Root = parseMarkdown(text);
  const kept: string[] = [];
  visit(tree, (node) => {
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") {
      kept.push(`${node.type}:${(node as { value: string }).value}`);
    }
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      kept.push(`url:${(node as { url: string }).url}`);
    }
  });
  for (const liquid of text.matchAll(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g)) kept.push(`liquid:${liquid[0]}`);
  return kept;
}

export { LETTER_CHANGING };
