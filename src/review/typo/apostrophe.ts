import { publishedTypography } from "../../site/published-typography.js";
import { OPAQUE, type ProseBlock } from "../prose/prose-block.js";
import type { Rule, RuleContext } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

/**
 * An apostrophe between two letters (l'État, aujourd'hui), or after an elided word before code, a link or
 * Liquid (l'`enum`, d'{{ site.title }}); not a quote around a word.
 */
const STRAIGHT = /'(?=[\p{L}\uFFFC])/gu;
const TYPOGRAPHIC = /’(?=[\p{L}\uFFFC])/gu;
/** `l‘État`: the opening single quote typed, or autocorrected, for an apostrophe. */
const LEFT_QUOTE = /‘(?=[\p{L}\uFFFC])/gu;
const LETTER = /\p{L}/u;
/** The French words that elide before a vowel: l', d', qu', jusqu'… */
const ELIDED = /(?:^|[^\p{L}])(?:[cdjlmnst]|\p{L}*qu)$/iu;

function isApostrophe(previous: string, text: string, index: number): boolean {
  if (!LETTER.test(previous)) return false;
  return text[index + 1] !== OPAQUE || ELIDED.test(text.slice(Math.max(0, index - 12), index));
}

export const apostrophe: Rule = {
  id: "typo/apostrophe",
  category: "typo",
  severity: "info",
  docs: {
    title: "Apostrophe typographique",
    rationale:
      "L’apostrophe française est `’` (U+2019), pas le guillemet droit `'` de la machine à écrire. Mais kramdown, le convertisseur Markdown de Jekyll, change à la construction du site chaque apostrophe droite en `’` (son réglage `smart_quotes` par défaut)\u00a0: le lecteur ne voit jamais `'`, et la règle se tait sur un site dont le `_config.yml` ne change pas ce réglage. `typography.apostrophe` la remet en marche et choisit\u00a0: `typographic` (`’` attendue dans le texte source), `straight` (le site préfère `'`) ou `any` (aucune vérification)\u202f; un niveau donné dans `rules:` la remet aussi en marche. Sans `_config.yml`, le texte source est ce qui est publié\u00a0: la règle vérifie. Le guillemet ouvrant `‘` tapé pour une apostrophe (`l‘État`) est signalé dans tous les cas, sauf `any`\u00a0: aucun convertisseur ne le corrige.",
    wrong: [
      {
        source: "L'équipe d'aujourd'hui.\n",
        findings: [
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 2,
          },
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 11,
          },
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
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
            message:
              "Apostrophe typographique «\u00a0’\u00a0»\u00a0: ce site écrit l’apostrophe droite «\u00a0'\u00a0»",
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
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
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
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 2,
          },
        ],
        fixed: "L’équipe.\n",
      },
      {
        // Before code, a link or Liquid, an elided word still takes an apostrophe.
        source: "Le type de l'`enum`, les jeux d'[OpenData](https://data.gouv.fr) et l'{{ site.title }}.\n",
        findings: [
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 13,
          },
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 32,
          },
          {
            message:
              "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 70,
          },
        ],
        fixed: "Le type de l’`enum`, les jeux d’[OpenData](https://data.gouv.fr) et l’{{ site.title }}.\n",
      },
      {
        source: "L‘État et aujourd‘hui, mais un ‘mot’ cité.\n",
        findings: [
          {
            message:
              "Guillemet ouvrant «\u00a0‘\u00a0» en guise d’apostrophe\u00a0: l’apostrophe «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 2,
          },
          {
            message:
              "Guillemet ouvrant «\u00a0‘\u00a0» en guise d’apostrophe\u00a0: l’apostrophe «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 18,
          },
        ],
        fixed: "L’État et aujourd’hui, mais un ‘mot’ cité.\n",
      },
      {
        // kramdown leaves `‘` as it is: the reader sees it, whatever `smart_quotes` makes of `'`.
        site: { "_config.yml": "title: Blog\nmarkdown: kramdown\n" },
        source: "L‘État et l'équipe.\n",
        findings: [
          {
            message:
              "Guillemet ouvrant «\u00a0‘\u00a0» en guise d’apostrophe\u00a0: l’apostrophe «\u00a0’\u00a0» est attendue",
            line: 1,
            column: 2,
          },
        ],
        fixed: "L’État et l'équipe.\n",
      },
    ],
    right: [
      {
        source:
          "L’équipe d’aujourd’hui. Le mot 'test' entre apostrophes, `l'code` et [l’ancre](https://a.fr/l'x).\n",
      },
      { config: { typography: { apostrophe: "any" } }, source: "L'équipe et l’équipe.\n" },
      { site: { "_config.yml": "title: Blog\nmarkdown: kramdown\n" }, source: "L'équipe d'aujourd'hui.\n" },
      // A quote that closes before code is not an elision: `'x'` then a code span.
      { source: "Les mots 'simple'`code` et le pluriel des chefs'`x`.\n" },
      { source: "We don't mind, it's the team's way of working and we will do it again.\n" },
    ],
  },
  check(context) {
    if (context.config.typography.apostrophe === "any") return;
    const style = apostropheStyle(context);
    for (const block of frenchBlocks(context)) {
      if (style !== "any") checkStyle(context, block, style);
      // Whatever the converter makes of `'`, it leaves `‘` as it is: the reader sees it.
      for (const match of frenchMatches(block, LEFT_QUOTE, isApostrophe)) {
        const replacement = style === "straight" ? "'" : "’";
        reportInProse(
          context,
          block,
          match.index,
          match.index + 1,
          {
            fr: `Guillemet ouvrant «\u00a0‘\u00a0» en guise d’apostrophe\u00a0: l’apostrophe «\u00a0${replacement}\u00a0» est attendue`,
            en: `Opening quote « ‘ » used as an apostrophe: the apostrophe « ${replacement} » is expected`,
          },
          { from: match.index, to: match.index + 1, text: replacement },
        );
      }
    }
  },
};

function checkStyle(context: RuleContext, block: ProseBlock, style: "typographic" | "straight"): void {
  const pattern = style === "typographic" ? STRAIGHT : TYPOGRAPHIC;
  const message =
    style === "typographic"
      ? {
          fr: "Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
          en: "Straight apostrophe « ' »: the typographic apostrophe « ’ » is expected",
        }
      : {
          fr: "Apostrophe typographique «\u00a0’\u00a0»\u00a0: ce site écrit l’apostrophe droite «\u00a0'\u00a0»",
          en: "Typographic apostrophe « ’ »: this site writes the straight apostrophe « ' »",
        };
  const replacement = style === "typographic" ? "’" : "'";
  for (const match of frenchMatches(block, pattern, isApostrophe)) {
    reportInProse(context, block, match.index, match.index + 1, message, {
      from: match.index,
      to: match.index + 1,
      text: replacement,
    });
  }
}

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
