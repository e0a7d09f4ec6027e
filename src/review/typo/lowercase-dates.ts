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

/** Names, not dates: the planet, and the holidays written with a capital when no year follows. */
const PROPER_NOUN_BEFORE = /(?:planète|Bruno) $/;
const HOLIDAY = /(?:^|\s)(?:14 Juillet|1er Mai|8 Mai|11 Novembre)(?!\s*\d)/;

function isMidSentence(previous: string, text: string, index: number): boolean {
  if (previous !== " " || !MID_SENTENCE_BEFORE.test(text[index - 2] ?? "")) return false;
  const before = text.slice(Math.max(0, index - 12), index);
  if (PROPER_NOUN_BEFORE.test(before)) return false;
  return !HOLIDAY.test(text.slice(Math.max(0, index - 5), index + 12));
}

export const lowercaseDates: Rule = {
  id: "typo/lowercase-dates",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Mois et jours en minuscules",
    rationale:
      "En français, les noms de mois et de jours s'écrivent en minuscules : « le mardi 12 décembre ».",
    wrong: [
      {
        source: "Rendez-vous le Mardi 12 Décembre, à 9 h.\n",
        findings: [
          {
            message: "« Mardi » : les jours et les mois s'écrivent en minuscules, « mardi »",
            line: 1,
            column: 16,
          },
          {
            message: "« Décembre » : les jours et les mois s'écrivent en minuscules, « décembre »",
            line: 1,
            column: 25,
          },
        ],
        fixed: "Rendez-vous le mardi 12 décembre, à 9 h.\n",
      },
    ],
    right: [
      { source: "La planète Mars, le défilé du 14 Juillet et le 1er Mai.\n" },
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
            fr: `« ${word} » : les jours et les mois s'écrivent en minuscules, « ${lower} »`,
            en: `« ${word} »: days and months are written in lowercase, « ${lower} »`,
          },
          { from: match.index, to: match.index + 1, text: lower[0] as string },
        );
      }
    }
  },
};
