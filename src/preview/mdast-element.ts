import type { ElementContent, Properties } from "hast";
import type { PhrasingContent, RootContent } from "mdast";

/**
 * A Markdown tree node that stands for an HTML element kramdown makes and Markdown has no node for
 * (`<dl>`, `<abbr>`, footnote marks, rouge's code blocks): remark-rehype turns it into `hName`.
 */
export interface ElementNode {
  type: "relecteurElement";
  data: { hName: string; hProperties?: Properties; hChildren?: ElementContent[] };
  children: (RootContent | PhrasingContent)[];
}

/**
 * The node, typed as Markdown content to sit in a tree; mdast's types are not widened for it, so that the
 * review engine's exhaustive switches stay as they are.
 */
export function elementNode(
  hName: string,
  hProperties: Properties,
  children: (RootContent | PhrasingContent)[] = [],
): RootContent & PhrasingContent {
  const node: ElementNode = { type: "relecteurElement", data: { hName, hProperties }, children };
  return node as unknown as RootContent & PhrasingContent;
}

/** The element data of a node made by `elementNode`. */
export function elementData(node: RootContent | PhrasingContent): ElementNode["data"] {
  return (node as unknown as ElementNode).data;
}

/** Adds attributes to a node's element: classes are appended, other attributes replace. */
export function addAttributes(node: { data?: { hProperties?: Properties } }, attributes: Properties): void {
  node.data ??= {};
  const properties = { ...(node.data.hProperties ?? {}) };
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") {
      const before = Array.isArray(properties.className) ? properties.className.map(String) : [];
      const added = Array.isArray(value) ? value.map(String) : [];
      properties.className = [...before, ...added];
    } else {
      properties[name] = value;
    }
  }
  node.data.hProperties = properties;
}
