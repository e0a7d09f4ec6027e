import { publishedTypography } from "../../site/published-typography.js";
import type { Rule, RuleContext } from "../types.js";
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
      "L'apostrophe française est `’` (U+2019), pas le guillemet droit `'` de la machine à écrire. Mais kramdown, le convertisseur Markdown de Jekyll, change à la construction du site chaque apostrophe droite en `’` (son réglage `smart_quotes` par défaut) : le lecteur ne voit jamais `'`, et la règle se tait sur un site dont le `_config.yml` ne change pas ce réglage. `typography.apostrophe` la remet en marche et choisit : `typographic` (`’` attendue dans le texte source), `straight` (le site préfère `'`) ou `any` (aucune vérification) ; un niveau donné dans `rules:` la remet aussi en marche. Sans `_config.yml`, le texte source est ce qui est publié : la règle vérifie.",
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
      {
        site: { "_config.yml": "title: Blog\n" },
        config: { typography: { apostrophe: "typographic" } },
        source: "L'équipe.\n",
        findings: [
          {
            message: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
            line: 1,
            column: 2,
          },
        ],
        fixed: "L’équipe.\n",
      },
      {
        site: { "_config.yml": 'kramdown:\n  smart_quotes: ["apos", "apos", "laquo", "raquo"]\n' },
        source: "L'équipe.\n",
        findings: [
          {
            message: "Apostrophe droite « ' » : l'apostrophe typographique « ’ » est attendue",
            line: 1,
            column: 2,
          },
        ],
        fixed: "L’équipe.\n",
      },
    ],
    right: [
      {
        source:
          "L’équipe d’aujourd’hui. Le mot 'test' entre apostrophes, `l'code` et [l’ancre](https://a.fr/l'x).\n",
      },
      { config: { typography: { apostrophe: "any" } }, source: "L'équipe et l’équipe.\n" },
      { site: { "_config.yml": "title: Blog\nmarkdown: kramdown\n" }, source: "L'équipe d'aujourd'hui.\n" },
      { source: "We don't mind, it's the team's way of working and we will do it again.\n" },
    ],
  },
  check(context) {
    const style = apostropheStyle(context);
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

/**
 * The apostrophe the source should hold. Set in the config (`typography.apostrophe`), or the rule's level set
 * in `rules:`, the maintainer's choice wins. Unset, and when the site's converter (kramdown's default
 * `smart_quotes`) turns a straight apostrophe into `’`, the reader never sees `'`: the rule stays silent.
 */
function apostropheStyle(context: RuleContext): "typographic" | "straight" | "any" {
  const chosen = context.config.typography.apostrophe;
  if (chosen !== undefined) return chosen;
  const isLevelSet = context.config.rules["typo/apostrophe"] !== undefined;
  return !isLevelSet && publishedTypography(context.site).apostrophe === "’" ? "any" : "typographic";
}
