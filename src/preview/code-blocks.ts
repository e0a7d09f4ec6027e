import type { Code, InlineCode, Root } from "mdast";
import { visit } from "unist-util-visit";
import { elementData, elementNode } from "./mdast-element.js";

/**
 * Code as Jekyll's kramdown writes it with rouge. A block: its attributes and `language-x highlighter-rouge`
 * on a `<div>`, then `<div class="highlight"><pre class="highlight"><code>`. A code span: the same classes
 * on its `<code>`. Jekyll gives rouge `plaintext` as the default language, so code without one is
 * `language-plaintext`. Tokens are not coloured.
 */
export function applyRougeCodeBlocks(tree: Root): void {
  visit(tree, "code", (code: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const properties = { ...(code.data?.hProperties ?? {}) };
    properties.className = rougeClasses(properties.className, code.lang);
    const block = elementNode("div", properties);
    elementData(block).hChildren = [rougeHighlight(code.value)];
    parent.children.splice(index, 1, block as never);
  });
  visit(tree, "inlineCode", (code: InlineCode) => {
    code.data ??= {};
    code.data.hProperties ??= {};
    code.data.hProperties.className = rougeClasses(code.data.hProperties.className, undefined);
  });
}

/** `language-x` (from the fence, else from a class, else plaintext), the other classes, `highlighter-rouge`. */
function rougeClasses(className: unknown, lang: string | null | undefined): string[] {
  const classes = Array.isArray(className) ? className.map(String) : [];
  const fromClass = classes.find((name) => name.startsWith("language-"))?.slice("language-".length);
  const language = lang ?? fromClass ?? "plaintext";
  const kept = classes.filter((name) => !name.startsWith("language-"));
  return [`language-${language}`, ...kept, "highlighter-rouge"];
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
