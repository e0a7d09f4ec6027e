import type { ProseBlock } from "../prose/prose-block.js";
import { isEnglishAt, isVerbatim, OPAQUE, sourceRange } from "../prose/prose-block.js";
import type { Localized, RuleContext, Severity } from "../types.js";

/**
 * The prose blocks that French rules read: none for a post in English (`lang: en` in its front matter, or
 * `typography.lang: en`), and English sentences are left out match by match.
 */
export function frenchBlocks(context: RuleContext): readonly ProseBlock[] {
  if (context.config.typography.lang === "en") return [];
  const frontMatter = context.post.frontMatter;
  const lang = frontMatter.kind === "present" ? frontMatter.data.lang : undefined;
  if (typeof lang === "string" && /^en\b/i.test(lang)) return [];
  return context.prose;
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
  const range = sourceRange(block, from, to);
  let sourceFix: { start: number; end: number; text: string } | undefined;
  if (fix) {
    const isInsertion = fix.from === fix.to;
    const anchor = isInsertion ? Math.min(fix.from, block.text.length - 1) : fix.from;
    const checkTo = isInsertion ? anchor + 1 : fix.to;
    if (anchor >= 0 && isVerbatim(block, context.post.source, anchor, checkTo)) {
      const fixRange = isInsertion
        ? fix.from < block.text.length
          ? { start: block.starts[fix.from] as number, end: block.starts[fix.from] as number }
          : { start: block.ends[anchor] as number, end: block.ends[anchor] as number }
        : sourceRange(block, fix.from, fix.to);
      sourceFix = { ...fixRange, text: fix.text };
    }
  }
  const start = Math.min(range.start, sourceFix?.start ?? range.start);
  const end = Math.max(range.end, sourceFix?.end ?? range.end);
  context.report({ message, range: context.rangeAt(start, end), fix: sourceFix, severity });
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
      return { fr: `« ${character} »`, en: `« ${character} »` };
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
