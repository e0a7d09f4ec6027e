import type { Nodes, Parent, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";

const OPEN =
  /^(\s*)<([A-Za-z][\w-]*)(\s[^>]*?)??\s+markdown\s*=\s*(?:"(1|block|span)"|'(1|block|span)'|(1|block|span))(\s[^>]*)?>/;

/**
 * kramdown's `markdown="1"` on an HTML block: its content is Markdown. CommonMark already reads the
 * content as Markdown when blank lines separate it from the tags; when it does not, the whole block is one
 * HTML node, whose content is parsed here (and the attribute dropped, as kramdown drops it).
 */
export function expandMarkdownInHtml(tree: Root, parse: (markdown: string) => Root): void {
  visit(tree, "html", (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || parent.type === "paragraph") return;
    const match = OPEN.exec(node.value);
    if (!match) return;
    const tag = match[2] as string;
    const mode = match[4] ?? match[5] ?? match[6];
    const open = `<${tag}${match[3] ?? ""}${match[7] ?? ""}>`;
    let inner = node.value.slice(match[0].length);
    const close = new RegExp(`</${tag}\\s*>\\s*$`, "i").exec(inner);
    if (close) inner = inner.slice(0, close.index);
    const parsed = parse(inner);
    shiftPositions(parsed, node, match[0].length);
    let content = parsed.children;
    if (mode === "span" && content.length === 1 && content[0]?.type === "paragraph") {
      content = content[0].children as unknown as RootContent[];
    }
    const replacement: RootContent[] = [{ type: "html", value: open }, ...content];
    if (close) replacement.push({ type: "html", value: `</${tag}>` });
    parent.children.splice(index, 1, ...(replacement as typeof parent.children));
    // The content may hold more `markdown="1"` blocks: visit it too.
    return index + 1;
  });
}

/** The parsed content's positions, moved to where it sits in the whole text (for smart quotes' lookahead). */
function shiftPositions(tree: Root, html: Nodes, prefixLength: number): void {
  const start = html.position?.start;
  if (start?.offset === undefined) {
    visit(tree, (node) => {
      delete node.position;
    });
    return;
  }
  const prefix = "value" in html ? String(html.value).slice(0, prefixLength) : "";
  const lineShift = start.line - 1 + (prefix.match(/\n/g)?.length ?? 0);
  const offsetShift = start.offset + prefixLength;
  visit(tree, (node) => {
    if (!node.position) return;
    for (const point of [node.position.start, node.position.end]) {
      point.line += lineShift;
      if (point.offset !== undefined) point.offset += offsetShift;
    }
  });
}
