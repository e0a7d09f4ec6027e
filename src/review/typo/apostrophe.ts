import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

/** An apostrophe between two letters (l'État, aujourd'hui), not a quote around a word. */
const STRAIGHT = /'(?=\p{L})/gu;
const TYPOGRAPHIC = /’(?=\p{L})/gu;
const LETTER = /\p{L}/u;

export const apostrophe: Rule = {
  id: "typo/apostrophe",
  category: "typo",
  severity: "info",
  docs: {
    title: "Apostrophe typographique",
    rationale:
      "L'apostrophe française est `’` (U+2019), pas le guillemet droit `'` de la machine à écrire. `typography.apostrophe` choisit : `typographic` (par défaut), `straight` (le site préfère `'`) ou `any` (aucune vérification).",
    wrong: [
      {
        source: "L'équipe d'aujourd'hui.\n",
        findings: [
          {
            message: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
            line: 1,
            column: 2,
          },
          {
            message: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
            line: 1,
            column: 11,
          },
          {
            message: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
            line: 1,
            column: 19,
          },
        ],
        fixed: "L’équipe d’aujourd’hui.\n",
      },
      {
        config: { typography: { apostrophe: "straight" } },
        source: "L’équipe.\n",
        findings: [
          {
            message: "Apostrophe typographique « ’ » : ce site écrit l'apostrophe droite « ' »",
            line: 1,
            column: 2,
          },
        ],
        fixed: "L'équipe.\n",
      },
    ],
    right: [
      {
        source:
          "L’équipe d’aujourd’hui. Le mot 'test' entre apostrophes, `l'code` et [l’ancre](https://a.fr/l'x).\n",
      },
      { config: { typography: { apostrophe: "any" } }, source: "L'équipe et l’équipe.\n" },
      { source: "We don't mind, it's the team's way of working and we will do it again.\n" },
    ],
  },
  check(context) {
    const style = context.config.typography.apostrophe;
    if (style === "any") return;
    for (const block of frenchBlocks(context)) {
      const pattern = style === "typographic" ? STRAIGHT : TYPOGRAPHIC;
      for (const match of frenchMatches(block, pattern, (previous) => LETTER.test(previous))) {
        const message =
          style === "typographic"
            ? {
                fr: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
                en: "Straight apostrophe « ' »: the typographic apostrophe « ’ » is expected",
              }
            : {
                fr: "Apostrophe typographique « ’ » : ce site écrit l'apostrophe droite « ' »",
                en: "Typographic apostrophe « ’ »: this site writes the straight apostrophe « ' »",
              };
        const replacement = style === "typographic" ? "’" : "'";
        reportInProse(context, block, match.index, match.index + 1, message, {
          from: match.index,
          to: match.index + 1,
          text: replacement,
        });
      }
    }
  },
};
