import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { liquidBlocks } from "../liquid-blocks.js";
import type { RuleContext } from "../types.js";

/** Offsets `[start, end)` in the post's source. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Jekyll renders `{% highlight %}` blocks before Markdown: their content is code, although remark sees
 * headings, lists or blank lines in it.
 */

const codeSpansByTree = new WeakMap<Root, Span[]>();

/**
 * Where code sits: code blocks (fenced, indented; whole lines), inline code and Liquid `{% highlight %}`
 * blocks (whole lines). Computed once per post.
 */
export function codeSpans(context: RuleContext): Span[] {
  const cached = codeSpansByTree.get(context.tree);
  if (cached) return cached;
  const spans: Span[] = [];
  visit(context.tree, (node) => {
    if (node.type === "code") spans.push(lineSpanOf(context, node));
    else if (node.type === "inlineCode") spans.push(spanOf(node));
  });
  for (const [start, end] of liquidBlocks(context.post.source, ["highlight"]))
    spans.push(wholeLines(context, start, end));
  codeSpansByTree.set(context.tree, spans);
  return spans;
}

/** True when the offset lies in one of the spans. */
export function isInside(spans: readonly Span[], offset: number): boolean {
  return spans.some((span) => span.start <= offset && offset < span.end);
}

/** True when a node starts inside code (see `codeSpans`). */
export function isInCode(context: RuleContext, node: Node): boolean {
  return isInside(codeSpans(context), node.position?.start.offset ?? 0);
}

export function spanOf(node: Node): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * The 1-based lines of a node's start and end, counted by the post's line index: from offsets, so that
 * a lone `\r` (a line break to remark, not to the index) cannot shift them.
 */
export function linesOf(context: RuleContext, node: Node): { first: number; last: number } | undefined {
  if (!node.position) return undefined;
  const { start, end } = spanOf(node);
  return { first: context.post.lines.pointAt(start).line, last: context.post.lines.pointAt(end).line };
}

/** A node's span widened to whole lines (line breaks excluded). */
export function lineSpanOf(context: RuleContext, node: Node): Span {
  const { start, end } = spanOf(node);
  return wholeLines(context, start, end);
}

function wholeLines(context: RuleContext, start: number, end: number): Span {
  const { lines } = context.post;
  return {
    start: lines.lineStart(lines.pointAt(start).line),
    end: lines.lineEnd(lines.pointAt(end).line),
  };
}

/** A short quote of a node's source: its first line, trimmed, cut at 60 characters. */
export function excerpt(context: RuleContext, node: Node): string {
  const { start, end } = spanOf(node);
  return shorten(context.post.source.slice(start, end).split(/\r?\n/)[0]?.trim() ?? "");
}

export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The line break that ends a 1-based line (`\n` or `\r\n`); `\n` for the last line. */
export function lineBreakAfter(context: RuleContext, line: number): string {
  const { lines, source } = context.post;
  if (line >= lines.lineCount) return "\n";
  return source.slice(lines.lineEnd(line), lines.lineStart(line + 1)) || "\n";
}

/** Offset just after a 1-based line's break, or the end of the source for the last line. */
export function offsetAfterLine(context: RuleContext, line: number): number {
  const { lines, source } = context.post;
  return line >= lines.lineCount ? source.length : lines.lineStart(line + 1);
}

export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}
