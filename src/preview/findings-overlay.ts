import type { Element, ElementContent, Parents, Root, Text } from "hast";
import type { Finding, Severity } from "../review/types.js";

/**
 * `?relecture=1`: the review's findings shown at their place in the rendered page, without script. A
 * finding is placed by text, not by position: the words around it in the Markdown source (the word it is
 * in, or the word before a wrong space or punctuation) are cleaned of Markdown syntax, folded like the
 * rendered text (spaces, quotes, dashes), and looked for in the page's body from the place of the previous
 * finding. The first match is wrapped in `<mark title="message">`. It is approximate on purpose: a phrase
 * that occurs twice may be marked at the wrong one, and a finding in the front matter, in Liquid, or whose
 * words the rendering changed is listed in a box under the banner instead.
 */

const SEVERITY_COLORS: Record<Severity, string> = {
  error: "#ffb3b3",
  warning: "#ffe08a",
  info: "#cfe3ff",
};
const SEVERITY_LABELS: Record<Severity, string> = { error: "erreur", warning: "avertissement", info: "info" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Elements whose text is not the post's reading text. */
const SKIPPED = new Set(["head", "script", "style", "noscript", "template", "textarea", "title"]);

export interface OverlayResult {
  placed: Finding[];
  unplaced: Finding[];
}

interface Slot {
  node: Text;
  offset: number;
}

interface Span {
  start: number;
  end: number;
  findings: Finding[];
}

export function markFindings(tree: Root, source: string, findings: readonly Finding[]): OverlayResult {
  const { text, slots } = foldedBodyText(tree);
  const bodyStart = frontMatterEnd(source);
  const spans = new Map<Text, Span[]>();
  const placed: Finding[] = [];
  const unplaced: Finding[] = [];
  // The layout's own text (the title again, a menu) comes before the post's: the search starts at the post.
  const contentStart = Math.max(0, firstBodyLineAt(text, source, bodyStart));
  let cursor = contentStart;
  const ordered = [...findings].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const finding of ordered) {
    const needle = finding.range.start.offset < bodyStart ? undefined : needleOf(source, finding);
    let at = needle === undefined ? -1 : text.indexOf(needle, cursor);
    if (at === -1 && needle !== undefined) at = text.indexOf(needle, contentStart);
    if (needle === undefined || at === -1) {
      unplaced.push(finding);
      continue;
    }
    placed.push(finding);
    cursor = at;
    addSpans(spans, slots, at, at + needle.length, finding);
  }
  for (const parent of parentsOf(tree)) {
    if (!parent.children.some((child) => child.type === "text" && spans.has(child))) continue;
    parent.children = parent.children.flatMap((child) =>
      child.type === "text" && spans.has(child) ? split(child, spans.get(child) ?? []) : [child],
    ) as typeof parent.children;
  }
  return { placed, unplaced };
}

/** The box under the banner: how many findings are marked, and those that could not be. */
export function findingsBox(result: OverlayResult): Element {
  const total = result.placed.length + result.unplaced.length;
  const summary =
    total === 0
      ? "Relecture\u00a0: rien à signaler."
      : `Relecture\u00a0: ${total} remarque${total > 1 ? "s" : ""}, ${result.placed.length} surlignée${result.placed.length > 1 ? "s" : ""} dans le texte (survolez un passage pour lire la remarque).`;
  const children: ElementContent[] = [textNode(summary)];
  if (result.unplaced.length > 0) {
    children.push({
      type: "element",
      tagName: "ul",
      properties: { style: "margin:4px 0 0 20px;padding:0;" },
      children: result.unplaced.map(
        (finding): ElementContent => ({
          type: "element",
          tagName: "li",
          properties: {},
          children: [textNode(`ligne ${finding.range.start.line}\u00a0: ${describe(finding)}`)],
        }),
      ),
    });
  }
  return {
    type: "element",
    tagName: "div",
    properties: {
      dataRelecteur: "findings",
      lang: "fr",
      style:
        "all:initial;display:block;box-sizing:border-box;width:100%;margin:0;padding:6px 16px;" +
        "background:#fff8db;color:#1d2b44;font:14px/1.5 system-ui,-apple-system,sans-serif;",
    },
    children,
  };
}

function describe(finding: Finding): string {
  return `${SEVERITY_LABELS[finding.severity]}\u00a0: ${finding.message} (${finding.ruleId})`;
}

/** The body's text folded, with where each of its characters comes from. */
function foldedBodyText(tree: Root): { text: string; slots: Slot[] } {
  let text = "";
  const slots: Slot[] = [];
  const walk = (node: Root | ElementContent) => {
    if (node.type === "text") {
      for (let offset = 0; offset < node.value.length; offset++) {
        const folded = foldChar(node.value[offset] as string);
        if (folded === " " && (text === "" || text.endsWith(" "))) continue;
        text += folded;
        slots.push({ node, offset });
      }
      return;
    }
    if (node.type === "element") {
      if (SKIPPED.has(node.tagName) || node.properties.dataRelecteur !== undefined) return;
      for (const child of node.children) walk(child);
      return;
    }
    if (node.type === "root") for (const child of node.children) walk(child as ElementContent);
  };
  walk(tree);
  return { text, slots };
}

function foldChar(character: string): string {
  if (/\s|\u00a0|\u202f|\u2009|\u2007/.test(character)) return " ";
  if (/[’‘‚′]/.test(character)) return "'";
  if (/[“”„«»″]/.test(character)) return '"';
  if (/[–—]/.test(character)) return "-";
  return character;
}

/** The text to look for: the finding's words (and the word before a wrong space or sign), folded. */
export function needleOf(source: string, finding: Finding): string | undefined {
  const lineStart = source.lastIndexOf("\n", finding.range.start.offset - 1) + 1;
  const newline = source.indexOf("\n", finding.range.end.offset);
  const lineEnd = newline === -1 ? source.length : newline;
  let start = Math.max(lineStart, finding.range.start.offset);
  let end = Math.min(lineEnd, Math.max(finding.range.end.offset, start));
  const isWordChar = (index: number) => /\S/.test(source[index] ?? " ");
  while (start > lineStart && isWordChar(start - 1)) start--;
  while (end < lineEnd && isWordChar(end)) end++;
  // A wrong space or a sign alone says nothing: take the word before it too (« choses : »).
  const letters = (from: number, to: number) => (source.slice(from, to).match(/\p{L}/gu) ?? []).length;
  if (letters(start, end) < 4) {
    while (start > lineStart && !isWordChar(start - 1)) start--;
    while (start > lineStart && isWordChar(start - 1)) start--;
  }
  if (letters(start, end) < 4) {
    while (end < lineEnd && !isWordChar(end)) end++;
    while (end < lineEnd && isWordChar(end)) end++;
  }
  const raw = source.slice(start, end);
  if (/\{[{%]|[}%]\}/.test(raw)) return undefined; // Liquid: its output is not its source.
  const cleaned = fold(stripMarkdown(raw)).trim();
  return cleaned.replace(/[^\p{L}\p{N}]/gu, "").length < 3 ? undefined : cleaned;
}

/** Where the post's first line of prose is in the page's text; -1 when it cannot be found. */
function firstBodyLineAt(text: string, source: string, bodyStart: number): number {
  for (const line of source.slice(bodyStart).split("\n")) {
    if (/\{[{%]|^\s*(?:<|\{:|```|~~~|\||!\[)/.test(line)) continue;
    const words = fold(stripMarkdown(line))
      .trim()
      .slice(0, 40)
      .replace(/\s\S*$/, "");
    if ((words.match(/\p{L}/gu) ?? []).length < 8) continue;
    return text.indexOf(words);
  }
  return -1;
}

function stripMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\]\([^)]*\)?/g, "")
    .replace(/\{:[^}]*\}/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/[*_`[\]]/g, "")
    .replace(/---/g, "—")
    .replace(/--/g, "–")
    .replace(/\.\.\./g, "…")
    .replace(/<</g, "«")
    .replace(/>>/g, "»");
}

function fold(text: string): string {
  let folded = "";
  for (const character of text) {
    const next = foldChar(character);
    if (next === " " && folded.endsWith(" ")) continue;
    folded += next;
  }
  return folded;
}

function addSpans(
  spans: Map<Text, Span[]>,
  slots: readonly Slot[],
  from: number,
  to: number,
  finding: Finding,
) {
  for (let index = from; index < to; index++) {
    const slot = slots[index];
    if (!slot) continue;
    const list = spans.get(slot.node) ?? [];
    spans.set(slot.node, list);
    const last = list.at(-1);
    if (last && last.end >= slot.offset && last.findings.includes(finding)) {
      last.end = slot.offset + 1;
    } else {
      list.push({ start: slot.offset, end: slot.offset + 1, findings: [finding] });
    }
  }
}

/** A text node cut into plain text and `<mark>`s; overlapping spans merge into one mark with every message. */
function split(node: Text, spans: readonly Span[]): ElementContent[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      for (const finding of span.findings) if (!last.findings.includes(finding)) last.findings.push(finding);
    } else merged.push({ ...span, findings: [...span.findings] });
  }
  const out: ElementContent[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) out.push(textNode(node.value.slice(at, span.start)));
    const worst = span.findings.reduce((a, b) =>
      SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a,
    );
    out.push({
      type: "element",
      tagName: "mark",
      properties: {
        dataRelecteurFinding: span.findings.map((finding) => finding.ruleId).join(" "),
        title: span.findings.map(describe).join("\n"),
        style: `background:${SEVERITY_COLORS[worst.severity]};color:inherit;border-bottom:2px solid #b35c00;cursor:help;`,
      },
      children: [textNode(node.value.slice(span.start, span.end))],
    });
    at = span.end;
  }
  if (at < node.value.length) out.push(textNode(node.value.slice(at)));
  return out;
}

function parentsOf(tree: Root): Parents[] {
  const parents: Parents[] = [];
  const walk = (node: Parents) => {
    parents.push(node);
    for (const child of node.children) if (child.type === "element") walk(child);
  };
  walk(tree);
  return parents;
}

/** Where the front matter ends (0 without one): findings before it have no place in the page. */
function frontMatterEnd(source: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.exec(source);
  return match ? match[0].length : 0;
}

function textNode(value: string): Text {
  return { type: "text", value };
}
