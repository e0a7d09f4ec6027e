import type { ProseBlock } from "../prose/prose-block.js";
import type { Rule, RuleContext } from "../types.js";
import { fixSpace, frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

/** `87%`, `87 %` with an ordinary space: the percent sign takes a no-break space. */
const PERCENT = /( ?)%/g;
/** `12€`, `12 €`: the euro sign follows the amount, after a no-break space. */
const EURO_AFTER = /( ?)€/g;
const DIGIT = /\d/;
const followsDigit = (previous: string) => DIGIT.test(previous);
/** `€40`, `€ 40`: the euro sign comes after the amount in French. */
const EURO_BEFORE = /€ ?(\d+(?:[,.]\d+)?)(?![\d\p{L}])/gu;
/**
 * A number of five digits or more, not grouped. Not a postal code (followed by a capitalized word), a
 * phone number (leading 0), a reference (after « n° », « article », a letter or a sign).
 */
const UNGROUPED = /(?<!\d)([1-9]\d{4,})(?![\p{L}\p{N}.,/_-]|\s\p{Lu})/gu;
/**
 * Five digits are a postal code as often as a quantity (« le 75001 est… »): they are grouped only before
 * a unit or a counted noun. Six digits and more always are.
 */
const COUNTED_AFTER =
  /^\s?(?:€|%|euros?|personnes|habitants|usagers|utilisateurs|visite(?:ur)?s|résultats|dossiers|demandes|agents|emplois|entreprises|heures|km)\b/u;
const NOT_BEFORE_NUMBER = /[\p{L}\p{N}.,/#§°_-]/u;
const REFERENCE_BEFORE = /(?:n°|article|art\.|no) ?$/i;

function startsFreeNumber(previous: string, text: string, index: number): boolean {
  if (NOT_BEFORE_NUMBER.test(previous)) return false;
  return !REFERENCE_BEFORE.test(text.slice(Math.max(0, index - 9), index));
}
/** `5km`, `2Go`: a unit symbol is separated from its number by a no-break space. */
const GLUED_UNIT = /(km|kg|cm|mm|Go|Mo|Ko|To|kWh|MWh|MW|GW|°C)(?![\p{L}\p{N}])/gu;
/** `3.5 millions`: the decimal separator is a comma in French. */
const DECIMAL_POINT = /(?<![\d.])(\d+)\.(\d+)(?=\s?(?:millions?|milliards?|%|€|euros?)(?![\p{L}]))/gu;

export const numbers: Rule = {
  id: "typo/numbers",
  category: "typo",
  severity: "info",
  docs: {
    title: "Nombres, pourcentages et montants",
    rationale:
      "En français\u00a0: «\u00a087\u202f%\u00a0» et «\u00a012\u00a0€\u00a0» avec une espace insécable, le symbole après le nombre, les grands nombres groupés par trois («\u00a0324\u202f000\u00a0»), la virgule décimale («\u00a03,5 millions\u00a0»). Ce ne sont que des indications\u00a0: versions, années, codes postaux et numéros d’articles sont laissés tels quels.",
    wrong: [
      {
        source: "Taux de 87%, budget de 12 € ou €40, 324000 résultats, 3.5 millions, 5km et 2Go.\n",
        findings: [
          {
            message: "«\u00a087%\u00a0»\u00a0: une espace fine insécable est attendue avant «\u00a0%\u00a0»",
            line: 1,
            column: 9,
          },
          {
            message: "«\u00a012 €\u00a0»\u00a0: une espace insécable est attendue avant «\u00a0€\u00a0»",
            line: 1,
            column: 24,
          },
          {
            message: "«\u00a0€40\u00a0»\u00a0: en français, le symbole suit le montant, «\u00a040 €\u00a0»",
            line: 1,
            column: 32,
          },
          {
            message:
              "«\u00a0324000\u00a0»\u00a0: les grands nombres se groupent par trois chiffres, «\u00a0324 000\u00a0»",
            line: 1,
            column: 37,
          },
          {
            message: "«\u00a03.5\u00a0»\u00a0: la virgule décimale est attendue, «\u00a03,5\u00a0»",
            line: 1,
            column: 55,
          },
          {
            message:
              "«\u00a05km\u00a0»\u00a0: une espace insécable sépare le nombre de l’unité, «\u00a05 km\u00a0»",
            line: 1,
            column: 69,
          },
          {
            message:
              "«\u00a02Go\u00a0»\u00a0: une espace insécable sépare le nombre de l’unité, «\u00a02 Go\u00a0»",
            line: 1,
            column: 76,
          },
        ],
        fixed:
          "Taux de 87\u202f%, budget de 12\u00a0€ ou 40\u00a0€, 324\u202f000 résultats, 3,5 millions, 5\u00a0km et 2\u00a0Go.\n",
      },
      {
        // `typography.nbsp: off`: no spacing hint, and fixes write ordinary spaces.
        config: { typography: { nbsp: "off" } },
        source: "Budget de €40 pour 87% et 3.5 millions.\n",
        findings: [
          {
            message: "«\u00a0€40\u00a0»\u00a0: en français, le symbole suit le montant, «\u00a040 €\u00a0»",
            line: 1,
            column: 11,
          },
          {
            message: "«\u00a03.5\u00a0»\u00a0: la virgule décimale est attendue, «\u00a03,5\u00a0»",
            line: 1,
            column: 27,
          },
        ],
        fixed: "Budget de 40 € pour 87% et 3,5 millions.\n",
      },
    ],
    right: [
      { source: "Le code 75001 est celui du Louvre ; le 13001 aussi.\n" },
      {
        source:
          "En 2018, 87\u202f% pour 12\u00a0€ ; 75001 Paris ; version 2.5.1 ; article 12345 ; n° 12345 ; 0612345678 ; 324\u202f000 ; `12345` ; #12345 ; 5\u00a0km, la 4G, 2 Go, un kg.\n",
      },
    ],
  },
  check(context) {
    const narrow = fixSpace(context.config, "narrow");
    const wide = fixSpace(context.config, "wide");
    // With `typography.nbsp: off`, spacing is nobody's business: only order and the decimal comma remain.
    const checksSpacing = context.config.typography.nbsp !== "off";
    for (const block of frenchBlocks(context)) {
      if (!checksSpacing) {
        checkOrderAndDecimals(context, block, wide);
        continue;
      }
      for (const match of frenchMatches(block, PERCENT, followsDigit)) {
        const spaceLength = (match[1] as string).length;
        const start = startOfNumber(block.text, match.index);
        reportInProse(
          context,
          block,
          start,
          match.index + match[0].length,
          {
            fr: `«\u00a0${block.text.slice(start, match.index + match[0].length)}\u00a0»\u00a0: une espace ${narrow === "\u202f" ? "fine " : ""}insécable est attendue avant «\u00a0%\u00a0»`,
            en: `« ${block.text.slice(start, match.index + match[0].length)} »: a no-break space is expected before « % »`,
          },
          { from: match.index, to: match.index + spaceLength, text: narrow },
        );
      }
      for (const match of frenchMatches(block, EURO_AFTER, followsDigit)) {
        const spaceLength = (match[1] as string).length;
        const start = startOfNumber(block.text, match.index);
        const written = block.text.slice(start, match.index + match[0].length);
        reportInProse(
          context,
          block,
          start,
          match.index + match[0].length,
          {
            fr: `«\u00a0${written}\u00a0»\u00a0: une espace insécable est attendue avant «\u00a0€\u00a0»`,
            en: `« ${written} »: a no-break space is expected before « € »`,
          },
          { from: match.index, to: match.index + spaceLength, text: wide },
        );
      }
      for (const match of frenchMatches(block, GLUED_UNIT, followsDigit)) {
        const unit = match[0];
        const start = startOfNumber(block.text, match.index);
        const written = block.text.slice(start, match.index + unit.length);
        reportInProse(
          context,
          block,
          start,
          match.index + unit.length,
          {
            fr: `«\u00a0${written}\u00a0»\u00a0: une espace insécable sépare le nombre de l’unité, «\u00a0${written.replace(unit, ` ${unit}`)}\u00a0»`,
            en: `« ${written} »: a no-break space separates the number from its unit, « ${written.replace(unit, ` ${unit}`)} »`,
          },
          { from: match.index, to: match.index, text: wide },
        );
      }
      for (const match of frenchMatches(block, UNGROUPED, startsFreeNumber)) {
        const digits = match[1] as string;
        const after = block.text.slice(match.index + digits.length, match.index + digits.length + 16);
        if (digits.length === 5 && !COUNTED_AFTER.test(after)) continue;
        const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, narrow);
        reportInProse(
          context,
          block,
          match.index,
          match.index + digits.length,
          {
            fr: `«\u00a0${digits}\u00a0»\u00a0: les grands nombres se groupent par trois chiffres, «\u00a0${grouped.replaceAll(narrow, " ")}\u00a0»`,
            en: `« ${digits} »: large numbers are grouped by three digits, « ${grouped.replaceAll(narrow, " ")} »`,
          },
          { from: match.index, to: match.index + digits.length, text: grouped },
        );
      }
      checkOrderAndDecimals(context, block, wide);
    }
  },
};

/** `€40` → `40 €` and `3.5 millions` → `3,5 millions`: French order and decimal comma, whatever the spacing. */
function checkOrderAndDecimals(context: RuleContext, block: ProseBlock, wide: string): void {
  for (const match of frenchMatches(block, EURO_BEFORE)) {
    const amount = match[1] as string;
    reportInProse(
      context,
      block,
      match.index,
      match.index + match[0].length,
      {
        fr: `«\u00a0${match[0]}\u00a0»\u00a0: en français, le symbole suit le montant, «\u00a0${amount} €\u00a0»`,
        en: `« ${match[0]} »: in French the symbol follows the amount, « ${amount} € »`,
      },
      { from: match.index, to: match.index + match[0].length, text: `${amount}${wide}€` },
    );
  }
  for (const match of frenchMatches(
    block,
    DECIMAL_POINT,
    (previous) => !DIGIT.test(previous) && previous !== ".",
  )) {
    const written = `${match[1]}.${match[2]}`;
    const expected = `${match[1]},${match[2]}`;
    reportInProse(
      context,
      block,
      match.index,
      match.index + written.length,
      {
        fr: `«\u00a0${written}\u00a0»\u00a0: la virgule décimale est attendue, «\u00a0${expected}\u00a0»`,
        en: `« ${written} »: the decimal comma is expected, « ${expected} »`,
      },
      { from: match.index, to: match.index + written.length, text: expected },
    );
  }
}

function startOfNumber(text: string, end: number): number {
  let start = end;
  while (start > 0 && /[\d,.\u202f\u00a0]/.test(text[start - 1] as string)) start--;
  while (start < end && !/\d/.test(text[start] as string)) start++;
  return start;
}
