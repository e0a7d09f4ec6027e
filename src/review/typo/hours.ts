import type { Rule } from "../types.js";
import { fixSpace, frenchBlocks, frenchMatches, reportInProse, startsWord } from "./french-prose.js";

const HOUR = /(?<!\d)([01]?\d|2[0-4])([hH])([0-5]\d)?(?![\p{L}\p{N}])/gu;

export const hours: Rule = {
  id: "typo/hours",
  category: "typo",
  severity: "info",
  docs: {
    title: "Écriture des heures",
    rationale:
      "En français, on écrit «\u00a014 h 30\u00a0» et «\u00a09 h\u00a0», avec des espaces insécables autour du «\u00a0h\u00a0».",
    wrong: [
      {
        source: "De 9h à 14h30.\n",
        findings: [
          {
            message:
              "Heure «\u00a09h\u00a0»\u00a0: «\u00a09 h\u00a0» est attendu, avec des espaces insécables",
            line: 1,
            column: 4,
          },
          {
            message:
              "Heure «\u00a014h30\u00a0»\u00a0: «\u00a014 h 30\u00a0» est attendu, avec des espaces insécables",
            line: 1,
            column: 9,
          },
        ],
        fixed: "De 9\u00a0h à 14\u00a0h\u00a030.\n",
      },
      {
        config: { typography: { nbsp: "off" } },
        source: "À 14h30.\n",
        findings: [
          {
            message:
              "Heure «\u00a014h30\u00a0»\u00a0: «\u00a014 h 30\u00a0» est attendu, avec des espaces insécables",
            line: 1,
            column: 3,
          },
        ],
        fixed: "À 14 h 30.\n",
      },
    ],
    right: [
      { source: "De 9\u00a0h à 14\u00a0h\u00a030, en 4G, 10:30, le H2O, du HTML5, `5h`, 3.5h ou 200h.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(
        block,
        HOUR,
        (previous) => startsWord(previous) && !":.,".includes(previous || " "),
      )) {
        const [written, hour, , minutes] = match as unknown as [string, string, string, string | undefined];
        const space = fixSpace(context.config, "wide");
        const expected = minutes ? `${hour}${space}h${space}${minutes}` : `${hour}${space}h`;
        const shown = expected.replaceAll(space, " ");
        reportInProse(
          context,
          block,
          match.index,
          match.index + written.length,
          {
            fr: `Heure «\u00a0${written}\u00a0»\u00a0: «\u00a0${shown}\u00a0» est attendu, avec des espaces insécables`,
            en: `Time « ${written} »: « ${shown} » is expected, with no-break spaces`,
          },
          { from: match.index, to: match.index + written.length, text: expected },
        );
      }
    }
  },
};
