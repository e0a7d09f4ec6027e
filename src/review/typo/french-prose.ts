import type { Config } from "../../config/schema.js";
import type { ProseBlock } from "../prose/prose-block.js";
import { isEnglishAt, isVerbatim, OPAQUE, sourceRange } from "../prose/prose-block.js";
import type { Localized, RuleContext, Severity } from "../types.js";

/**
 * The prose blocks that French rules read: none for a post that is not in French (see `postLanguage`), and
 * English units of a French post are left out match by match.
 */
export function frenchBlocks(context: RuleContext): readonly ProseBlock[] {
  return context.language.code === "fr" ? context.prose : [];
}

/**
 * Every match of a global regex in the French parts of a block. `after` tests the unit before the match
 * (empty at the start): patterns start with a literal and leave that test to code, because a leading
 * lookbehind makes the regex engine try every position of every post.
 */
export function* frenchMatches(
  block: ProseBlock,
  pattern: RegExp,
  after?: (previous: string, text: string, index: number) => boolean,
): Generator<RegExpExecArray> {
  for (const match of block.text.matchAll(pattern)) {
    if (after && !after(block.text[match.index - 1] ?? "", block.text, match.index)) continue;
    if (!isEnglishAt(block, match.index)) yield match;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The previous unit is not part of a word: the match starts a word. */
export const startsWord = (previous: string) => !LETTER_OR_DIGIT.test(previous);
/** The previous unit is a letter or a digit. */
export const followsWordCharacter = (previous: string) => LETTER_OR_DIGIT.test(previous);

export interface ProseFix {
  /** Range of the block's text to replace (end exclusive); an insertion when from === to. */
  from: number;
  to: number;
  text: string;
  /**
   * Where an insertion goes when Markdown markers separate the two units around it: `before-next`
   * (default: a no-break space before `:` goes after a closing `**`) or `after-previous` (a space after
   * `«` or `,` goes before an opening `*`, or the emphasis would break).
   */
  side?: "before-next" | "after-previous";
}

/**
 * Reports `text[from..to)` of a block at its place in the source. The fix is kept only when the replaced
 * text is written verbatim in the source (not through an entity, an escape or Markdown markers).
 */
export function reportInProse(
  context: RuleContext,
  block: ProseBlock,
  from: number,
  to: number,
  message: Localized,
  fix?: ProseFix,
  severity?: Severity,
): void {
  const whole = wholeCodePoints(block.text, from, to);
  const range = sourceRange(block, whole.from, whole.to);
  const sourceFix = fix ? fixInSource(context, block, fix) : undefined;
  const start = Math.min(range.start, sourceFix?.start ?? range.start);
  const end = Math.max(range.end, sourceFix?.end ?? range.end);
  context.report({ message, range: context.rangeAt(start, end), fix: sourceFix, severity });
}

function fixInSource(context: RuleContext, block: ProseBlock, fix: ProseFix) {
  const source = context.post.source;
  if (fix.from !== fix.to) {
    return isVerbatim(block, source, fix.from, fix.to)
      ? { ...sourceRange(block, fix.from, fix.to), text: fix.text }
      : undefined;
  }
  const afterPrevious = fix.side === "after-previous" || fix.from >= block.text.length;
  const anchor = afterPrevious ? fix.from - 1 : fix.from;
  if (anchor < 0 || !isVerbatim(block, source, anchor, anchor + 1)) return undefined;
  const at = afterPrevious ? (block.ends[anchor] as number) : (block.starts[anchor] as number);
  return { start: at, end: at, text: fix.text };
}

/** Widens `[from, to)` so that it never splits a surrogate pair (an emoji is one character, two units). */
function wholeCodePoints(text: string, from: number, to: number): { from: number; to: number } {
  const isLow = (index: number) => /[\uDC00-\uDFFF]/.test(text[index] ?? "");
  const isHigh = (index: number) => /[\uD800-\uDBFF]/.test(text[index] ?? "");
  return {
    from: from > 0 && isLow(from) && isHigh(from - 1) ? from - 1 : from,
    to: to > 0 && isHigh(to - 1) && isLow(to) ? to + 1 : to,
  };
}

/**
 * The space a fix writes, from `typography.nbsp`: `narrow` (U+202F before `; ! ?`, around units…) or `wide`
 * (U+00A0 before `:`, inside « »); `regular` makes both U+00A0; `off` writes an ordinary space.
 */
export function fixSpace(config: Config, kind: "narrow" | "wide"): string {
  const setting = config.typography.nbsp;
  if (setting === "off") return " ";
  return kind === "narrow" && setting === "narrow" ? "\u202f" : "\u00a0";
}

/** Shows invisible and look-alike characters in messages: a suggestion does not show them. */
export function nameOf(character: string): Localized {
  switch (character) {
    case "\u202f":
      return { fr: "espace fine insécable", en: "narrow no-break space" };
    case "\u00a0":
      return { fr: "espace insécable", en: "no-break space" };
    case " ":
      return { fr: "espace ordinaire", en: "ordinary space" };
    default:
      return { fr: `«\u00a0${character}\u00a0»`, en: `« ${character} »` };
  }
}

export function isSpace(character: string | undefined): boolean {
  return character === " " || character === "\t";
}

export function isNoBreakSpace(character: string | undefined): boolean {
  return character === "\u00a0" || character === "\u202f" || character === "\u2009";
}

export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && (character === OPAQUE || /[\p{L}\p{N}]/u.test(character));
}
