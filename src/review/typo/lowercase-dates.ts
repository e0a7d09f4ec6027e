import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

const NAMES =
  "Janvier|Février|Fevrier|Mars|Avril|Mai|Juin|Juillet|Août|Aout|Septembre|Octobre|Novembre|Décembre|Decembre|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche";

/**
 * A month or weekday with a capital in the middle of a sentence: after a word, a number or a comma,
 * never at the start of a sentence, a heading, a list item or a quotation.
 */
const MONTH_OR_DAY = new RegExp(`(${NAMES})(?![\\p{L}\\p{N}])`, "gu");
const MID_SENTENCE_BEFORE = /[\p{L}\p{N},;:]/u;

/** Names, not dates: the holidays written with a capital when no year follows, Bruno Mars. */
const PROPER_NOUN_BEFORE = /Bruno $/;
const HOLIDAY = /(?:^|\s)(?:14 Juillet|1er Mai|8 Mai|11 Novembre)(?!\s*\d)/;
/**
 * « Mars » is the month only where a date is written: after a day (« le 3 Mars »), « en », « mois de »,
 * « début », « fin », « depuis », « courant », « dès ». Anywhere else it is the planet or a mission
 * (« sur Mars », « la planète Mars », « Mars 2020 »), a proper noun that keeps its capital.
 */
const MONTH_MARS_BEFORE = /(?:\d(?:er)?|\ben|\bmois de|\bdébut|\bfin|\bdepuis|\bcourant|\bdès) $/iu;

function isMidSentence(previous: string, text: string, index: number): boolean {
  if (previous !== " " || !MID_SENTENCE_BEFORE.test(text[index - 2] ?? "")) return false;
  const before = text.slice(Math.max(0, index - 12), index);
  if (PROPER_NOUN_BEFORE.test(before)) return false;
  if (text.startsWith("Mars", index) && !MONTH_MARS_BEFORE.test(before)) return false;
  return !HOLIDAY.test(text.slice(Math.max(0, index - 5), index + 12));
}

export const lowercaseDates: Rule = {
  id: "typo/lowercase-dates",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Mois et jours en minuscules",
    rationale:
      "En français, les noms de mois et de jours s’écrivent en minuscules\u00a0: «\u00a0le mardi 12 décembre\u00a0».",
    wrong: [
      {
        source: "Rendez-vous le Mardi 12 Décembre, à 9 h.\n",
        findings: [
          {
            message:
              "«\u00a0Mardi\u00a0»\u00a0: les jours et les mois s’écrivent en minuscules, «\u00a0mardi\u00a0»",
            line: 1,
            column: 16,
          },
          {
            message:
              "«\u00a0Décembre\u00a0»\u00a0: les jours et les mois s’écrivent en minuscules, «\u00a0décembre\u00a0»",
            line: 1,
            column: 25,
          },
        ],
        fixed: "Rendez-vous le mardi 12 décembre, à 9 h.\n",
      },
      {
        source: "Livré le 3 Mars, et en Mars 2021.\n",
        findings: [
          {
            message:
              "«\u00a0Mars\u00a0»\u00a0: les jours et les mois s’écrivent en minuscules, «\u00a0mars\u00a0»",
            line: 1,
            column: 12,
          },
          {
            message:
              "«\u00a0Mars\u00a0»\u00a0: les jours et les mois s’écrivent en minuscules, «\u00a0mars\u00a0»",
            line: 1,
            column: 24,
          },
        ],
        fixed: "Livré le 3 mars, et en mars 2021.\n",
      },
    ],
    right: [
      { source: "La planète Mars, le défilé du 14 Juillet et le 1er Mai.\n" },
      { source: "Un robot sur Mars, la mission Mars 2020 et Bruno Mars.\n" },
      { source: "Mardi, nous livrons. Le 12 décembre. « Lundi ? » Le Printemps. Avril : bilan.\n\n## Mai\n" },
      { source: "We ship on Monday and on Mardi Gras, and we will do it again with them.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(block, MONTH_OR_DAY, isMidSentence)) {
        const word = match[1] as string;
        const lower = word.toLowerCase();
        reportInProse(
          context,
          block,
          match.index,
          match.index + word.length,
          {
            fr: `«\u00a0${word}\u00a0»\u00a0: les jours et les mois s’écrivent en minuscules, «\u00a0${lower}\u00a0»`,
            en: `« ${word} »: days and months are written in lowercase, « ${lower} »`,
          },
          { from: match.index, to: match.index + 1, text: lower[0] as string },
        );
      }
    }
  },
};
