import type { Code, Root } from "mdast";
import { visit } from "unist-util-visit";
import { elementData, elementNode } from "./mdast-element.js";

/**
 * Code blocks as Jekyll's kramdown writes them with rouge: the block's attributes and
 * `language-x highlighter-rouge` on a `<div>`, then `<div class="highlight"><pre class="highlight"><code>`.
 * Jekyll sets `guess_lang`, so a block without language is highlighted as plain text, in the same markup.
 * Tokens are not coloured.
 */
export function applyRougeCodeBlocks(tree: Root): void {
  visit(tree, "code", (code: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const properties = { ...(code.data?.hProperties ?? {}) };
    const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
    const fromClass = classes.find((name) => name.startsWith("language-"))?.slice("language-".length);
    const language = code.lang ?? fromClass;
    const kept = classes.filter((name) => !name.startsWith("language-"));
    properties.className = [...(language ? [`language-${language}`] : []), ...kept, "highlighter-rouge"];
    const block = elementNode("div", properties);
    elementData(block).hChildren = [rougeHighlight(code.value)];
    parent.children.splice(index, 1, block as never);
  });
}

/** Rouge's HTML formatter output for a block: `<div class="highlight"><pre class="highlight"><code>`. */
export function rougeHighlight(value: string) {
  return {
    type: "element" as const,
    tagName: "div",
    properties: { className: ["highlight"] },
    children: [
      {
        type: "element" as const,
        tagName: "pre",
        properties: { className: ["highlight"] },
        children: [
          {
            type: "element" as const,
            tagName: "code",
            properties: {},
            children: [{ type: "text" as const, value: value.endsWith("\n") ? value : `${value}\n` }],
          },
        ],
      },
    ],
  };
}
