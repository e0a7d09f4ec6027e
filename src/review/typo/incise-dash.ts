import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

/** A hyphen or a double hyphen standing alone between words: an incise, or a range « 9 h - 18 h ». */
const LONE_HYPHEN = /(--?)(?= [\p{L}\p{N}«(\uFFFC])/gu;
const BEFORE_INCISE = /[\p{L}\p{N},.;:!?»)\uFFFC]/u;

function followsWordAndSpace(previous: string, text: string, index: number): boolean {
  return previous === " " && BEFORE_INCISE.test(text[index - 2] ?? "");
}

export const inciseDash: Rule = {
  id: "typo/incise-dash",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Tiret d'incise",
    rationale:
      "Une incise s'ouvre et se ferme par un tiret demi-cadratin « – » entouré d'espaces, pas par le trait d'union « - » du clavier (« Use proper typographic dashes », corrigeaient les relecteurs).",
    wrong: [
      {
        source: "L'équipe - quatre personnes - livre vite. Une page -- enfin.\n",
        findings: [
          {
            message: "Trait d'union « - » entre deux mots : le tiret d'incise « – » est attendu",
            line: 1,
            column: 10,
          },
          {
            message: "Trait d'union « - » entre deux mots : le tiret d'incise « – » est attendu",
            line: 1,
            column: 29,
          },
          {
            message: "Trait d'union « -- » entre deux mots : le tiret d'incise « – » est attendu",
            line: 1,
            column: 52,
          },
        ],
        fixed: "L'équipe – quatre personnes – livre vite. Une page – enfin.\n",
      },
    ],
    right: [
      {
        source:
          "L'équipe – quatre personnes – livre. Un porte-parole, -5 %, `a - b`.\n\n- une liste\n- à puces\n",
      },
      { source: "Score: 3 - 2 for the team, and we will do it again with them.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(block, LONE_HYPHEN, followsWordAndSpace)) {
        const hyphen = match[1] as string;
        reportInProse(
          context,
          block,
          match.index,
          match.index + hyphen.length,
          {
            fr: `Trait d'union « ${hyphen} » entre deux mots : le tiret d'incise « – » est attendu`,
            en: `Hyphen « ${hyphen} » between words: the en dash « – » is expected`,
          },
          { from: match.index, to: match.index + hyphen.length, text: "–" },
        );
      }
    }
  },
};
