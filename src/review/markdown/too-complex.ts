import type { Config } from "../../config/schema.js";
import type { Finding, Localized, Range, Rule } from "../types.js";
import { type Excess, findExcess } from "./measure-complexity.js";

/** Why a post was not reviewed: a limit passed before parsing, or its review stopped by the worker pool. */
export type TooComplexReason =
  | Excess
  | { kind: "timeout"; seconds: number }
  | { kind: "memory"; megabytes: number };

/*
 * No check of its own on the parsed tree: its finding is made before parsing (the engine asks
 * `tooComplexBeforeParsing`) or by the worker pool when a review passes its deadline or its memory. It is
 * reported whatever `rules:` and `--only` say (at the level `rules:` sets, `off` aside): a post that was not
 * reviewed must not look clean.
 */
export const tooComplex: Rule = {
  id: "markdown/too-complex",
  category: "markdown",
  severity: "error",
  docs: {
    title: "Article trop complexe pour être relu",
    rationale:
      "Certaines formes de Markdown coûtent au lecteur de Markdown un temps qui croît bien plus vite que le texte\u00a0: des centaines de citations ou de listes imbriquées, des milliers de `*`, `_` ou `[` ouverts dans un même paragraphe. Aucun article réel n’en approche\u202f; un tel article n’est pas relu, pour que la relecture des autres ne l’attende pas. Il en va de même d’une relecture qui dépasse son délai (`review.timeoutSeconds`, 20 s par défaut) ou sa mémoire. L’article est signalé en erreur, quoi que disent `rules:` et `--only`\u00a0: un article non relu ne doit pas passer pour propre. Simplifiez-le (moins d’imbrications, emphases et liens fermés).",
    wrong: [
      {
        source: `${"> ".repeat(33)}Une citation dans 32 autres.\n`,
        findings: [
          {
            message:
              "Article trop complexe pour être relu\u00a0: 33 citations «\u00a0>\u00a0» imbriquées sur une ligne (au plus 32)\u202f; il n’a pas été relu",
            line: 1,
            column: 1,
          },
        ],
      },
    ],
    right: [
      {
        source:
          "---\ntitle: Entretien\n---\n\n> Elle nous a dit :\n>\n> > *Le service* doit rester **simple**, voir [le rapport](/rapport/).\n\n- Un point\n  - et son détail\n",
      },
    ],
  },
  check() {},
};

/** The finding of a post that passes a limit before parsing, or undefined for a real post. */
export function tooComplexBeforeParsing(source: string, config: Config): Finding | undefined {
  const excess = findExcess(source);
  if (!excess) return undefined;
  return tooComplexFinding(excess, pointRange(source, excess.offset), config);
}

export function tooComplexFinding(reason: TooComplexReason, range: Range, config: Config): Finding {
  const level = config.rules[tooComplex.id];
  const severity = level === undefined || level === "off" ? tooComplex.severity : level;
  // Not the engine's stampFinding: the engine imports this module, which must not import it back.
  const message = tooComplexMessage(reason)[config.locale];
  return { ruleId: tooComplex.id, category: tooComplex.category, severity, message, range };
}

/** The start of the post, where a finding about the whole post sits. */
export const POST_START: Range = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

function tooComplexMessage(reason: TooComplexReason): Localized {
  const what = describe(reason);
  return {
    fr: `Article trop complexe pour être relu\u00a0: ${what.fr}\u202f; il n’a pas été relu`,
    en: `Post too complex to be reviewed: ${what.en}; it was not reviewed`,
  };
}

function describe(reason: TooComplexReason): Localized {
  switch (reason.kind) {
    case "timeout":
      return {
        fr: `relecture interrompue après ${reason.seconds} s`,
        en: `review stopped after ${reason.seconds} s`,
      };
    case "memory":
      return {
        fr: `relecture interrompue, mémoire dépassée (plus de ${reason.megabytes} Mo)`,
        en: `review stopped, memory exceeded (over ${reason.megabytes} MB)`,
      };
    case "quoteDepth":
      return {
        fr: `${reason.count} citations «\u00a0>\u00a0» imbriquées sur une ligne (au plus ${reason.limit})`,
        en: `${reason.count} nested « > » quotes on one line (at most ${reason.limit})`,
      };
    case "nestingDepth":
      return {
        fr: `${reason.count} niveaux de listes et de citations imbriquées (au plus ${reason.limit})`,
        en: `${reason.count} levels of nested lists and quotes (at most ${reason.limit})`,
      };
    case "emphasisDelimiters":
      return {
        fr: `${reason.count} marques d’emphase «\u00a0*\u00a0» ou «\u00a0_\u00a0» dans un même paragraphe (au plus ${reason.limit})`,
        en: `${reason.count} emphasis marks « * » or « _ » in one paragraph (at most ${reason.limit})`,
      };
    case "bracketOpeners":
      return {
        fr: `${reason.count} crochets «\u00a0[\u00a0» dans un même paragraphe (au plus ${reason.limit})`,
        en: `${reason.count} brackets « [ » in one paragraph (at most ${reason.limit})`,
      };
  }
}

/** Line and column of an offset, counted once without building a line index of the whole post. */
function pointRange(source: string, offset: number): Range {
  let line = 1;
  let lineStart = 0;
  for (
    let index = source.indexOf("\n");
    index !== -1 && index < offset;
    index = source.indexOf("\n", index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  const point = { line, column: offset - lineStart + 1, offset };
  return { start: point, end: point };
}
