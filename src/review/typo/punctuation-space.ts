import type { Config } from "../../config/schema.js";
import type { ProseBlock } from "../prose/prose-block.js";
import type { Localized, Rule, RuleDocs } from "../types.js";
import {
  frenchBlocks,
  frenchMatches,
  isNoBreakSpace,
  isSpace,
  nameOf,
  reportInProse,
} from "./french-prose.js";
import { isGluedToNextWord, isNotPunctuation } from "./not-punctuation.js";

/** The French spacing of one punctuation mark: before `; : ! ?` and `»`, after `«`. */
export interface SpacedMark {
  id: string;
  mark: string;
  /** The no-break space the fix inserts, from `typography.nbsp`. */
  space(config: Config): string;
  docs: RuleDocs;
}

const FOLLOWS_PROSE_MARK = /[\s)\]»"”’'.,;:!?…\uFFFC]/;

/**
 * One rule per mark: a missing space is an error (the fix inserts the no-break space `typography.nbsp`
 * chooses), a breaking space a warning (the fix makes it no-break). Either no-break space is accepted.
 */
export function spacedMarkRule(mark: SpacedMark): Rule {
  return {
    id: mark.id,
    category: "typo",
    severity: "error",
    docs: mark.docs,
    check(context) {
      if (context.config.typography.nbsp === "off") return;
      const space = mark.space(context.config);
      for (const block of frenchBlocks(context)) {
        const pattern = new RegExp(escapeRegExp(mark.mark), "g");
        for (const match of frenchMatches(block, pattern)) {
          if (mark.mark === "«") checkAfterOpening(block, match.index, space, context);
          else checkBefore(block, match.index, mark.mark, space, context);
        }
      }
    },
  };
}

function checkBefore(
  block: ProseBlock,
  index: number,
  mark: string,
  space: string,
  context: Parameters<Rule["check"]>[0],
) {
  const text = block.text;
  const before = text[index - 1];
  const after = text[index + 1];
  if (before === undefined || before === "\n" || isNoBreakSpace(before)) return;
  // `:tada:`, `#!`, `« ? »`: not punctuation that ends a clause.
  if (mark !== "»" && isNotPunctuation(text, index)) return;
  // A group such as `?!` or `!!` takes one space, before its first mark.
  if (mark !== ":" && mark !== "»" && (before === "!" || before === "?")) return;
  // `10:30`, `16:9`, `localhost:3000`, `?lang=fr`: not French punctuation; `merci !Rendez-vous` is.
  if (
    mark !== "»" &&
    after !== undefined &&
    !FOLLOWS_PROSE_MARK.test(after) &&
    !isGluedToNextWord(text, index)
  )
    return;
  if (mark === "?" && (before === "(" || before === "[")) return;
  const shown = nameOf(space);
  if (isSpace(before)) {
    let from = index - 1;
    while (from > 0 && isSpace(text[from - 1])) from--;
    if (from === 0 || text[from - 1] === "\n") return;
    reportInProse(
      context,
      block,
      from,
      index + 1,
      breakingMessage(mark, shown),
      { from, to: index, text: space },
      "warning",
    );
    return;
  }
  reportInProse(
    context,
    block,
    index - 1,
    index + 1,
    {
      fr: `Espace manquante avant «\u00a0${mark}\u00a0»\u00a0: une ${shown.fr} est attendue`,
      en: `Missing space before « ${mark} »: a ${shown.en} is expected`,
    },
    { from: index, to: index, text: space },
  );
}

function checkAfterOpening(
  block: ProseBlock,
  index: number,
  space: string,
  context: Parameters<Rule["check"]>[0],
) {
  const text = block.text;
  const after = text[index + 1];
  if (after === undefined || after === "\n" || isNoBreakSpace(after)) return;
  const shown = nameOf(space);
  if (isSpace(after)) {
    let to = index + 2;
    while (isSpace(text[to])) to++;
    reportInProse(
      context,
      block,
      index,
      to,
      {
        fr: `Espace ordinaire après «\u00a0«\u00a0»\u00a0: une ${shown.fr} est attendue, pour que le guillemet ne reste pas seul en fin de ligne`,
        en: `Ordinary space after « « »: a ${shown.en} is expected, so that the guillemet never ends a line alone`,
      },
      { from: index + 1, to, text: space },
      "warning",
    );
    return;
  }
  reportInProse(
    context,
    block,
    index,
    index + 2,
    {
      fr: `Espace manquante après «\u00a0«\u00a0»\u00a0: une ${shown.fr} est attendue`,
      en: `Missing space after « « »: a ${shown.en} is expected`,
    },
    { from: index + 1, to: index + 1, text: space, side: "after-previous" },
  );
}

function breakingMessage(mark: string, shown: Localized): Localized {
  return {
    fr: `Espace ordinaire avant «\u00a0${mark}\u00a0»\u00a0: une ${shown.fr} est attendue, pour que «\u00a0${mark}\u00a0» ne passe pas seul à la ligne`,
    en: `Ordinary space before « ${mark} »: a ${shown.en} is expected, so that « ${mark} » never starts a line`,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `narrow` (default): U+202F before `; ! ?`; U+00A0 before `:` and inside guillemets. `regular`: U+00A0. */
export const NARROW_MARKS = (config: Config) => (config.typography.nbsp === "regular" ? "\u00a0" : "\u202f");
export const WIDE_MARKS = () => "\u00a0";
