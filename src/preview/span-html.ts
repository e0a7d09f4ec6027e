import type { Html, Paragraph, Parent, Root } from "mdast";
import { visit } from "unist-util-visit";

/** kramdown's HTML_SPAN_ELEMENTS: a line that opens with one of them starts a paragraph, not an HTML block. */
const SPAN_ELEMENTS = new Set(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split(
    " ",
  ),
);

/**
 * CommonMark reads any tag alone on its line as an HTML block, kramdown only a block-level one: `<br/>` or
 * `<img …>` alone on a line, or a comment not at the line's start, is a paragraph's text there (`<p><br
 * /></p>`), which the site's styles for `p` then reach.
 */
export function wrapSpanHtmlInParagraphs(tree: Root): void {
  visit(tree, "html", (node: Html, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || parent.type === "paragraph") return;
    const text = node.value.trimStart();
    if (!startsAsSpan(text, text.length < node.value.length)) return;
    const paragraph: Paragraph = { type: "paragraph", children: [{ ...node, value: text }] };
    if (node.position) paragraph.position = node.position;
    parent.children.splice(index, 1, paragraph as never);
  });
}

function startsAsSpan(text: string, indented: boolean): boolean {
  const tag = /^<([a-z][a-z0-9]*)[\s/>]/i.exec(text)?.[1];
  if (tag !== undefined) return SPAN_ELEMENTS.has(tag.toLowerCase());
  return text.startsWith("<!--") && indented;
}
