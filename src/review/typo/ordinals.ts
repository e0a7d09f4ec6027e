import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse, startsWord } from "./french-prose.js";

/**
 * Ordinal abbreviations: 1er, 1re, 2e, XIXe (Lexique des règles typographiques). Written 2ème, 2è, 2ième,
 * 1ère, 1ier, 2nd, or with `<sup>ème</sup>` around the suffix.
 */
const ORDINAL =
  /(?<![\dIVXLC])(\d+|[IVXLC]+)(\uFFFC?)(ièmes?|ème?s?|è|ier|ères?|ere|nde?s?)(\uFFFC?)(?![\p{L}\p{N}])/gu;

function expectedSuffix(number: string, suffix: string): string | undefined {
  const plural = suffix.endsWith("s") && suffix !== "ès" ? "s" : "";
  if (/^(ère|ere)s?$/.test(suffix)) return number === "1" ? `re${plural}` : undefined;
  if (suffix === "ier") return number === "1" ? "er" : undefined;
  if (/^nde?s?$/.test(suffix))
    return number === "2" ? `${suffix.replace(/^n/, "").replace(/s$/, "")}${plural}` : undefined;
  if (number === "1" && !/^[IVXLC]+$/.test(number)) return undefined; // « 1ème » is a typo this rule cannot guess.
  return `e${plural}`;
}

export const ordinals: Rule = {
  id: "typo/ordinals",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Abréviation des ordinaux",
    rationale:
      "Les ordinaux s’abrègent 1er, 1re, 2e, 3e, XIXe, 2d (pour «\u00a0second\u00a0»)\u00a0: `2ème`, `2è`, `1ère` et `2nd` sont des habitudes de clavier.",
    wrong: [
      {
        source:
          "Le 2ème atelier, la 1ère fois, le 3è jour, la 2nde édition, au XIXème siècle, les 10ièmes.\n",
        findings: [
          { message: "Ordinal «\u00a02ème\u00a0»\u00a0: «\u00a02e\u00a0» est attendu", line: 1, column: 4 },
          { message: "Ordinal «\u00a01ère\u00a0»\u00a0: «\u00a01re\u00a0» est attendu", line: 1, column: 21 },
          { message: "Ordinal «\u00a03è\u00a0»\u00a0: «\u00a03e\u00a0» est attendu", line: 1, column: 35 },
          { message: "Ordinal «\u00a02nde\u00a0»\u00a0: «\u00a02de\u00a0» est attendu", line: 1, column: 47 },
          {
            message: "Ordinal «\u00a0XIXème\u00a0»\u00a0: «\u00a0XIXe\u00a0» est attendu",
            line: 1,
            column: 64,
          },
          {
            message: "Ordinal «\u00a010ièmes\u00a0»\u00a0: «\u00a010es\u00a0» est attendu",
            line: 1,
            column: 83,
          },
        ],
        fixed: "Le 2e atelier, la 1re fois, le 3e jour, la 2de édition, au XIXe siècle, les 10es.\n",
      },
      {
        source: "Le 2<sup>ème</sup> étage.\n",
        findings: [
          { message: "Ordinal «\u00a02ème\u00a0»\u00a0: «\u00a02e\u00a0» est attendu", line: 1, column: 4 },
        ],
        fixed: "Le 2<sup>e</sup> étage.\n",
      },
    ],
    right: [
      { source: "Le 1er, la 1re, le 2e, le XIXe, les 1ers, 2d, Louis XIV, `2ème`, le 2ème.md, Mème.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(block, ORDINAL, startsWord)) {
        const [whole, number, opening, suffix] = match as unknown as [string, string, string, string];
        const expected = expectedSuffix(number, suffix);
        if (expected === undefined || expected === suffix) continue;
        if (/^[IVXLC]+$/.test(number) && !/^i?ème/.test(suffix)) continue; // « Cè », « Lier »: words, not ordinals.
        const suffixStart = match.index + number.length + opening.length;
        const next = block.text[match.index + whole.length];
        if (next === "." && /[\p{L}]/u.test(block.text[match.index + whole.length + 1] ?? "")) continue;
        reportInProse(
          context,
          block,
          match.index,
          match.index + whole.length,
          {
            fr: `Ordinal «\u00a0${number}${suffix}\u00a0»\u00a0: «\u00a0${number}${expected}\u00a0» est attendu`,
            en: `Ordinal « ${number}${suffix} »: « ${number}${expected} » is expected`,
          },
          { from: suffixStart, to: suffixStart + suffix.length, text: expected },
        );
      }
    }
  },
};
