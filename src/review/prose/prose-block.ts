/** Stands for a piece that is not prose (code, URL, HTML, Liquid…): opaque, neither space nor punctuation. */
export const OPAQUE = "\uFFFC";

export type ProseKind = "paragraph" | "heading" | "table-cell" | "alt" | "title" | "description";

/**
 * A run of prose as a reader reads it: Markdown markers removed, escapes and entities resolved (`&nbsp;` is a
 * no-break space), what is never prose replaced by {@link OPAQUE}. Each UTF-16 unit of `text` knows its
 * place in the source, so findings land at their true line and column.
 */
export interface ProseBlock {
  kind: ProseKind;
  text: string;
  starts: number[];
  ends: number[];
  /** Ranges of `text` written in English, where French rules stay silent. */
  englishRanges: [number, number][];
}

/** Source offsets of `text[from..to)`. */
export function sourceRange(block: ProseBlock, from: number, to: number): { start: number; end: number } {
  const start = block.starts[from] ?? block.ends[block.ends.length - 1] ?? 0;
  if (to <= from) return { start, end: start };
  return { start, end: block.ends[to - 1] ?? start };
}

/**
 * True when `text[from..to)` is written in the source exactly as it reads: only then can a fix replace it
 * character for character (not across an entity, an escape, a marker or a line prefix).
 */
export function isVerbatim(block: ProseBlock, source: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const start = block.starts[index] as number;
    if ((block.ends[index] as number) - start !== 1) return false;
    if (source[start] !== block.text[index]) return false;
    if (index > from && start !== (block.ends[index - 1] as number)) return false;
  }
  return true;
}

export function isEnglishAt(block: ProseBlock, index: number): boolean {
  return block.englishRanges.some(([start, end]) => index >= start && index < end);
}
