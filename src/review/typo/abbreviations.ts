import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse, startsWord } from "./french-prose.js";

/** French abbreviations as the Lexique des règles typographiques writes them. */
const ABBREVIATIONS: { pattern: RegExp; expected: string }[] = [
  { pattern: /Mr\.?(?= \p{Lu})/gu, expected: "M." },
  { pattern: /Mme\.(?= \p{Lu})/gu, expected: "Mme" },
  { pattern: /Mlle\.(?= \p{Lu})/gu, expected: "Mlle" },
  { pattern: /[Nn]o\.?(?= ?\d)/gu, expected: "n°" },
  { pattern: /c\.f\.?(?![\p{L}])/gu, expected: "cf." },
  { pattern: /cf(?= )/gu, expected: "cf." },
];

export const abbreviations: Rule = {
  id: "typo/abbreviations",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Abréviations françaises",
    rationale:
      "«\u00a0Monsieur\u00a0» s’abrège «\u00a0M.\u00a0» («\u00a0Mr\u00a0» est anglais), «\u00a0Madame\u00a0» «\u00a0Mme\u00a0» sans point (la dernière lettre est celle du mot), «\u00a0numéro\u00a0» «\u00a0n°\u00a0», «\u00a0confer\u00a0» «\u00a0cf.\u00a0».",
    wrong: [
      {
        source: "Mr Dupont et Mme. Martin, no 12 et c.f. page 3, cf le rapport.\n",
        findings: [
          { message: "«\u00a0Mr\u00a0»\u00a0: «\u00a0M.\u00a0» est attendu", line: 1, column: 1 },
          { message: "«\u00a0Mme.\u00a0»\u00a0: «\u00a0Mme\u00a0» est attendu", line: 1, column: 14 },
          { message: "«\u00a0no\u00a0»\u00a0: «\u00a0n°\u00a0» est attendu", line: 1, column: 27 },
          { message: "«\u00a0c.f.\u00a0»\u00a0: «\u00a0cf.\u00a0» est attendu", line: 1, column: 36 },
          { message: "«\u00a0cf\u00a0»\u00a0: «\u00a0cf.\u00a0» est attendu", line: 1, column: 49 },
        ],
        fixed: "M. Dupont et Mme Martin, n° 12 et cf. page 3, cf. le rapport.\n",
      },
    ],
    right: [
      { source: "M. Dupont, Mme Martin, Mlle Durand, n° 12, cf. page 3, Mrs, `Mr X`.\n" },
      { source: "Mr Smith said no 2 projects are alike, and we will do it again with them.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const { pattern, expected } of ABBREVIATIONS) {
        for (const match of frenchMatches(
          block,
          pattern,
          (previous) => startsWord(previous) && previous !== ".",
        )) {
          const written = match[0];
          reportInProse(
            context,
            block,
            match.index,
            match.index + written.length,
            {
              fr: `«\u00a0${written}\u00a0»\u00a0: «\u00a0${expected}\u00a0» est attendu`,
              en: `« ${written} »: « ${expected} » is expected`,
            },
            { from: match.index, to: match.index + written.length, text: expected },
          );
        }
      }
    }
  },
};
