import type { Element, Nodes, Parents, Root } from "hast";

/**
 * A page from a pull request is untrusted, its layouts included: the preview runs no script of it. Walks
 * the whole document and removes what can run code or take the reader elsewhere by itself, keeping the
 * rest (classes, ids, styles, SVG) so that the page looks as published:
 * - `<script>`, `<noscript>` (its content is for readers without scripts: trackers mostly), `<template>`,
 *   `<object>`, `<embed>`, `<applet>`, `<base>`, `<frame>`, `<frameset>`, `<portal>`;
 * - `<iframe>` (an embedded page runs its own scripts): replaced by a link to what it showed;
 * - `<meta http-equiv>` other than the content type (a refresh can redirect);
 * - `<link>` that loads code (`import`, `modulepreload`, `serviceworker`, preloads of scripts);
 * - event handler attributes (`on…`), `srcdoc`, and any attribute whose value is a `javascript:`,
 *   `vbscript:` or (outside images) `data:` URL.
 * Returns what was removed, for the banner.
 */
export function sanitizePage(root: Root): Set<string> {
  const removed = new Set<string>();
  walk(root, removed);
  return removed;
}

const DROPPED = new Set([
  "script",
  "noscript",
  "template",
  "object",
  "embed",
  "applet",
  "base",
  "frame",
  "frameset",
  "portal",
]);
const CODE_LINKS = /\b(?:import|modulepreload|serviceworker|prerender)\b/i;
const DANGEROUS_URL = /^(?:javascript|vbscript|livescript):/i;
const URL_PROPERTIES = new Set([
  "href",
  "src",
  "srcSet",
  "action",
  "formAction",
  "poster",
  "data",
  "background",
  "cite",
  "longDesc",
  "xLinkHref",
  "ping",
  "manifest",
  "icon",
  "codeBase",
  "archive",
  "lowsrc",
  "dynsrc",
]);

function walk(parent: Parents, removed: Set<string>): void {
  const kept: typeof parent.children = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === "element") {
      const replacement = sanitizeElement(child, removed);
      if (replacement === undefined) continue;
      kept.push(replacement as never);
      walk(replacement, removed);
    } else if (child.type !== "doctype" || parent.type === "root") {
      kept.push(child as never);
    }
  }
  parent.children = kept;
}

function sanitizeElement(element: Element, removed: Set<string>): Element | undefined {
  const name = element.tagName.toLowerCase();
  if (DROPPED.has(name)) {
    removed.add(
      name === "script" || name === "noscript"
        ? "scripts du site (l’aperçu n’exécute aucun script)"
        : `éléments <${name}>`,
    );
    return undefined;
  }
  if (name === "iframe") {
    removed.add("contenus intégrés (<iframe>), remplacés par un lien");
    const src =
      typeof element.properties.src === "string" && isSafeUrl(element.properties.src)
        ? element.properties.src
        : undefined;
    return {
      type: "element",
      tagName: "a",
      properties: { href: src, className: ["relecteur-embed"], rel: ["noopener", "noreferrer"] },
      children: [{ type: "text", value: `Contenu intégré${src ? `\u00a0: ${src}` : ""}` }],
    };
  }
  if (name === "meta" && element.properties.httpEquiv !== undefined) {
    const kind = String(element.properties.httpEquiv).toLowerCase();
    if (kind !== "content-type") return undefined;
  }
  if (name === "link") {
    const rel = [element.properties.rel].flat().join(" ");
    const as = String(element.properties.as ?? "").toLowerCase();
    if (
      CODE_LINKS.test(rel) ||
      ((/\bpreload\b/i.test(rel) || /\bprefetch\b/i.test(rel)) && /script|worker|document/.test(as))
    )
      return undefined;
  }
  for (const [property, value] of Object.entries(element.properties)) {
    const lower = property.toLowerCase();
    const text = Array.isArray(value) ? value.join(" ") : String(value ?? "");
    // Browsers ignore control characters and spaces inside a URL's scheme (`java\tscript:`).
    const compact = [...text]
      .filter((char) => (char.codePointAt(0) ?? 0) > 0x20 && !isControl(char))
      .join("");
    const isDangerous =
      lower.startsWith("on") ||
      lower === "srcdoc" ||
      DANGEROUS_URL.test(compact) ||
      (URL_PROPERTIES.has(property) &&
        /^data:/i.test(compact) &&
        !(name === "img" && /^data:image\/(?!svg)/i.test(compact)));
    if (isDangerous) {
      delete element.properties[property];
      if (lower.startsWith("on")) removed.add("gestionnaires d’évènements (on…)");
    }
  }
  return element;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

function isSafeUrl(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url.trim());
}
