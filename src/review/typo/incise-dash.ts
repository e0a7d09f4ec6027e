import { type PublishedTypography, publishedTypography } from "../../site/published-typography.js";
import type { Localized, Rule, Severity } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

/** A hyphen or a double hyphen standing alone between words: an incise, or a range « 9 h - 18 h ». */
const LONE_HYPHEN = /(--?)(?= [\p{L}\p{N}«(\uFFFC])/gu;
const BEFORE_INCISE = /[\p{L}\p{N},.;:!?»)\uFFFC]/u;

function followsWordAndSpace(previous: string, text: string, index: number): boolean {
  return previous === " " && BEFORE_INCISE.test(text[index - 2] ?? "");
}

/** A variable: one letter alone, not the French words « a » and « y » (« il y a - dit-on - »). */
const VARIABLE = /^[B-Zb-xz]$/;
const LETTER = /^[A-Za-z]$/;
const NUMBER = /^\d+(?:[.,]\d+)?$/;
const OPERAND = /[\p{L}\p{N}.,]+$/u;
const RIGHT_OPERAND = /^[\p{L}\p{N}]+(?:[.,]\d+)?/u;
/** What follows a number that ends an expression: not a word (« 9 h - 18 h », « 2 - quatre ans »). */
const ENDS_EXPRESSION = /^\s*(?:$|[.,;:!?)\]=+*/<>×÷≤≥≠])/;
const OPERATOR_AHEAD = /^ [-+*/×÷=<>≤≥≠] /;
const LOWERCASE_START = /^\p{Ll}/u;
const SENTENCE_REST = /^[^.!?…]*/;

/**
 * An arithmetic minus, not an incise: « N - 2 », « x - y = 3 », « (année - 2) », « l'année - 2 puis ».
 * A range of numbers (« 2010 - 2012 ») and an incise that opens on a number and closes (« le projet - 2 ans
 * de travail - a abouti ») stay dashes to fix.
 */
function isMinus(text: string, index: number, hyphen: string): boolean {
  if (hyphen !== "-") return false;
  const left = OPERAND.exec(text.slice(Math.max(0, index - 40), index - 1))?.[0] ?? "";
  const afterHyphen = text.slice(index + 2, index + 200);
  const right = RIGHT_OPERAND.exec(afterHyphen)?.[0] ?? "";
  const rest = afterHyphen.slice(right.length);
  const isOperand = (word: string) => NUMBER.test(word) || LETTER.test(word);
  if (isOperand(left) && isOperand(right) && OPERATOR_AHEAD.test(rest)) return true;
  if (VARIABLE.test(left) && isOperand(right)) return true;
  if (!NUMBER.test(right) || NUMBER.test(left)) return false;
  if (ENDS_EXPRESSION.test(rest)) return true;
  const sentence = SENTENCE_REST.exec(rest)?.[0] ?? "";
  // The closing dash of an incise follows a word: « de travail - a abouti », not « x - y ».
  return LOWERCASE_START.test(left) && !/\p{L}{2} [-–—] /u.test(sentence);
}

export const inciseDash: Rule = {
  id: "typo/incise-dash",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Tiret d’incise",
    rationale:
      "Une incise s’ouvre et se ferme par un tiret demi-cadratin «\u00a0–\u00a0» entouré d’espaces, pas par le trait d’union «\u00a0-\u00a0» du clavier («\u00a0Use proper typographic dashes\u00a0», corrigeaient les relecteurs). Sur un site Jekyll, kramdown publie `--` en «\u00a0–\u00a0»\u00a0: le lecteur voit le bon tiret, et le double trait d’union du texte source n’est plus qu’une note (`info`).",
    wrong: [
      {
        source: "L'équipe - quatre personnes - livre vite. Une page -- enfin.\n",
        findings: [
          {
            message:
              "Trait d’union «\u00a0-\u00a0» entre deux mots\u00a0: le tiret d’incise «\u00a0–\u00a0» est attendu",
            line: 1,
            column: 10,
          },
          {
            message:
              "Trait d’union «\u00a0-\u00a0» entre deux mots\u00a0: le tiret d’incise «\u00a0–\u00a0» est attendu",
            line: 1,
            column: 29,
          },
          {
            message:
              "Trait d’union «\u00a0--\u00a0» entre deux mots\u00a0: le tiret d’incise «\u00a0–\u00a0» est attendu",
            line: 1,
            column: 52,
          },
        ],
        fixed: "L'équipe – quatre personnes – livre vite. Une page – enfin.\n",
      },
      {
        site: { "_config.yml": "title: Blog\n" },
        source: "Une page -- enfin.\n",
        findings: [
          {
            message:
              "Double trait d’union «\u00a0--\u00a0»\u00a0: kramdown le publie bien en «\u00a0–\u00a0», mais le texte source devrait porter ce caractère",
            line: 1,
            column: 10,
            severity: "info",
          },
        ],
        fixed: "Une page – enfin.\n",
      },
    ],
    right: [
      {
        source:
          "L'équipe – quatre personnes – livre. Un porte-parole, -5 %, `a - b`.\n\n- une liste\n- à puces\n",
      },
      { source: "Score: 3 - 2 for the team, and we will do it again with them.\n" },
      // An arithmetic minus is no incise.
      { source: "Les revenus de l'année N - 2 (année - 2), soit x - y = 3 et 5 - 3 = 2.\n" },
      { source: "Calculez l'année - 2 puis n - 1 ; enfin a - b + c.\n" },
    ],
  },
  check(context) {
    const published = publishedTypography(context.site);
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(block, LONE_HYPHEN, followsWordAndSpace)) {
        const hyphen = match[1] as string;
        if (isMinus(block.text, match.index, hyphen)) continue;
        const report = hyphenReport(hyphen, published);
        reportInProse(
          context,
          block,
          match.index,
          match.index + hyphen.length,
          report.message,
          { from: match.index, to: match.index + hyphen.length, text: "–" },
          report.severity,
        );
      }
    }
  },
};

/**
 * What to say of a lone hyphen. kramdown's typographic symbols (and cmark's smart punctuation) publish `--` as
 * « – »: the reader sees the right dash, so the source is only worth a note, like `...` (typo/ellipsis).
 */
function hyphenReport(
  hyphen: string,
  published: PublishedTypography,
): { message: Localized; severity?: Severity } {
  if (hyphen === "--" && published.enDash === "–") {
    return {
      message: {
        fr: `Double trait d’union «\u00a0--\u00a0»\u00a0: ${published.converter} le publie bien en «\u00a0–\u00a0», mais le texte source devrait porter ce caractère`,
        en: `Double hyphen « -- »: ${published.converter} publishes it as « – », but the source should hold that character`,
      },
      severity: "info",
    };
  }
  return {
    message: {
      fr: `Trait d’union «\u00a0${hyphen}\u00a0» entre deux mots\u00a0: le tiret d’incise «\u00a0–\u00a0» est attendu`,
      en: `Hyphen « ${hyphen} » between words: the en dash « – » is expected`,
    },
  };
}
