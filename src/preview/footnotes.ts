import type { Properties } from "hast";
import type { FootnoteDefinition, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { KramdownOptions } from "./kramdown-options.js";
import { elementNode } from "./mdast-element.js";

/**
 * Footnotes as kramdown writes them: `<sup id="fnref:x"><a href="#fn:x" class="footnote">1</a></sup>`,
 * numbered in the order of first reference from `footnote_nr`, and at the end a
 * `<div class="footnotes"><ol><li id="fn:x">…&nbsp;<a href="#fnref:x" class="reversefootnote">↩</a>`.
 * A definition that nothing refers to is dropped, as kramdown does.
 */
export function applyFootnotes(tree: Root, options: KramdownOptions): void {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, "footnoteDefinition", (definition, index, parent) => {
    if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  const order: { name: string; definition: FootnoteDefinition; references: number }[] = [];
  const byIdentifier = new Map<string, (typeof order)[number]>();
  visit(tree, "footnoteReference", (reference, index, parent: Parent | undefined) => {
    const definition = definitions.get(reference.identifier);
    if (!parent || index === undefined) return;
    if (!definition) {
      parent.children.splice(index, 1, {
        type: "text",
        value: `[^${reference.label ?? reference.identifier}]`,
      } as never);
      return;
    }
    let entry = byIdentifier.get(reference.identifier);
    if (!entry) {
      entry = { name: reference.label ?? reference.identifier, definition, references: 0 };
      byIdentifier.set(reference.identifier, entry);
      order.push(entry);
    }
    const number = options.footnoteNumber + order.indexOf(entry);
    const id = entry.references === 0 ? `fnref:${entry.name}` : `fnref:${entry.name}:${entry.references}`;
    entry.references += 1;
    const mark = elementNode("sup", { id, role: "doc-noteref" }, [
      elementNode("a", { href: `#fn:${entry.name}`, className: ["footnote"], rel: ["footnote"] }, [
        { type: "text", value: String(number) },
      ]),
    ]);
    parent.children.splice(index, 1, mark as never);
  });
  if (order.length === 0) return;
  const items = order.map((entry) => footnoteItem(entry, options));
  const listProperties: Properties = options.footnoteNumber === 1 ? {} : { start: options.footnoteNumber };
  tree.children.push(
    elementNode("div", { className: ["footnotes"], role: "doc-endnotes" }, [
      elementNode("ol", listProperties, items),
    ]),
  );
}

function footnoteItem(
  entry: { name: string; definition: FootnoteDefinition; references: number },
  options: KramdownOptions,
): RootContent {
  const backlinks: PhrasingContent[] = [];
  for (let repeat = 0; repeat < entry.references; repeat += 1) {
    const target = repeat === 0 ? `fnref:${entry.name}` : `fnref:${entry.name}:${repeat}`;
    const label: PhrasingContent[] = [{ type: "text", value: options.footnoteBacklink }];
    if (repeat > 0) label.push(elementNode("sup", {}, [{ type: "text", value: String(repeat + 1) }]));
    backlinks.push(
      { type: "text", value: "\u00a0" },
      elementNode("a", { href: `#${target}`, className: ["reversefootnote"], role: "doc-backlink" }, label),
    );
  }
  const children = [...entry.definition.children] as RootContent[];
  const last = children.at(-1);
  if (last?.type === "paragraph")
    children[children.length - 1] = { ...last, children: [...last.children, ...backlinks] };
  else children.push({ type: "paragraph", children: backlinks });
  return elementNode("li", { id: `fn:${entry.name}`, role: "doc-endnote" }, children);
}
