import { toHtml } from "hast-util-to-html";
import type { Parent, PhrasingContent, Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { remarkKramdownGfm } from "../review/remark-kramdown-gfm.js";
import { applyAbbreviations, extractAbbreviations } from "./abbreviations.js";
import { applyRougeCodeBlocks } from "./code-blocks.js";
import { applyDefinitionLists } from "./definition-lists.js";
import { applyFootnotes } from "./footnotes.js";
import { assignHeaderIds, buildTableOfContents } from "./header-ids.js";
import { applyAttributeLists } from "./kramdown-ial.js";
import type { KramdownOptions } from "./kramdown-options.js";
import { expandMarkdownInHtml } from "./markdown-in-html.js";
import { wrapSpanHtmlInParagraphs } from "./span-html.js";
import { applyTypography } from "./typography.js";

/** The parser the review engine uses: GFM as kramdown reads it, bare URLs left as text. */
const parser = unified().use(remarkParse).use(remarkKramdownGfm).freeze();

function parseBlocks(markdown: string): Root {
  const tree = parser.parse(markdown);
  expandMarkdownInHtml(tree, parseBlocks);
  return tree;
}

/**
 * A post's Markdown (after Liquid) to HTML as Jekyll's kramdown writes it, as far as a CommonMark parser
 * allows: header ids, attribute lists, `{:toc}`, footnotes, abbreviations, definition lists,
 * `markdown="1"`, rouge's code block markup, smart quotes and typographic symbols. Raw HTML is kept as
 * written: the page is sanitized as a whole once its layouts are applied.
 */
export function markdownToHtml(markdown: string, options: KramdownOptions): string {
  const { markdown: text, abbreviations } = extractAbbreviations(markdown);
  const tree = parseBlocks(text);
  wrapSpanHtmlInParagraphs(tree);
  const tocLists = applyAttributeLists(tree, text);
  assignHeaderIds(tree, options);
  applyDefinitionLists(tree);
  applyFootnotes(tree, options);
  applyRougeCodeBlocks(tree);
  applyTypography(tree, text, options);
  applyAbbreviations(tree, abbreviations);
  if (options.hardWrap) applyHardWrap(tree);
  buildTableOfContents(tree, tocLists, options);
  return toHtml(toHast(tree, { allowDangerousHtml: true }), { allowDangerousHtml: true });
}

/** `hard_wrap: true`: each line break inside a paragraph becomes `<br />`. */
function applyHardWrap(tree: Root): void {
  visit(tree, "text", (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || !node.value.includes("\n")) return;
    const pieces: PhrasingContent[] = [];
    node.value.split("\n").forEach((part, partIndex) => {
      if (partIndex > 0) pieces.push({ type: "break" });
      if (part !== "") pieces.push({ type: "text", value: part });
    });
    parent.children.splice(index, 1, ...(pieces as typeof parent.children));
    return index + pieces.length;
  });
}
