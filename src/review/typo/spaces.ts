import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";
import { isGluedToNextWord, isInsideDottedName } from "./not-punctuation.js";

/** Two spaces or more between two words (not at a line's start or end: indentation, hard breaks). */
// The lookbehinds try a run of spaces once, from its first space: otherwise a long run is quadratic.
const DOUBLE_SPACE = /(?<![ \u00a0\u202f])[ \u00a0\u202f]{2,}(?=[^\s])/g;
const NOT_SPACE = /[^\s]/;
/** A space before a comma or a full stop; not `.gitignore`, `.pdf`, `./src`, `.NET`, `,5`: no punctuation there. */
const SPACE_BEFORE_COMMA =
  /(?<![ \u00a0\u202f])[ \u00a0\u202f]+(?=[,.](?![.\d_/]|\p{Ll}|\p{Lu}(?!\p{Ll})))/gu;
const BEFORE_COMMA = /[\p{L}\p{N})»\uFFFC]/u;
/** Words glued by a comma, or a sentence starting right after a full stop (`fin.Début`), not `Vue.Js`. */
const GLUED = /[,!?](?=\p{L})|\.(?=\p{Lu}\p{Ll})/gu;
const LOWERCASE = /\p{Ll}/u;
const gluedBetweenWords = (previous: string, text: string, index: number) =>
  LOWERCASE.test(previous) &&
  LOWERCASE.test(text[index - 2] ?? "") &&
  !(text[index] === "." && isInsideDottedName(text, index));
/** A mark spaced from the word before but glued to the next: `merci !Rendez-vous`, `pourquoi ?Parce`. */
const SPACED_THEN_GLUED = /[!?:;](?=\p{L})/gu;

export const spaces: Rule = {
  id: "typo/spaces",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Espaces en trop ou manquantes",
    rationale:
      "Une seule espace entre deux mots («\u00a0Remove double spaces\u00a0», corrigeaient les relecteurs), aucune avant une virgule ou un point, une après\u00a0: le texte justifié et les lecteurs d’écran en dépendent.",
    wrong: [
      {
        source: "Nous  avons testé , puis appris .Ensuite,nous avons livré.Bravo.\n",
        findings: [
          {
            message: "Espaces multiples\u00a0: une seule espace est attendue entre deux mots",
            line: 1,
            column: 5,
          },
          {
            message:
              "Espace avant «\u00a0,\u00a0»\u00a0: la virgule et le point se collent au mot qui précède",
            line: 1,
            column: 18,
          },
          {
            message:
              "Espace avant «\u00a0.\u00a0»\u00a0: la virgule et le point se collent au mot qui précède",
            line: 1,
            column: 32,
          },
          { message: "Espace manquante après «\u00a0,\u00a0» entre deux mots", line: 1, column: 41 },
          { message: "Espace manquante après «\u00a0.\u00a0» entre deux mots", line: 1, column: 58 },
        ],
        fixed: "Nous avons testé, puis appris. Ensuite, nous avons livré. Bravo.\n",
      },
      {
        source: "On a fini,*ensuite* on part.\n",
        findings: [
          { message: "Espace manquante après «\u00a0,\u00a0» entre deux mots", line: 1, column: 10 },
        ],
        fixed: "On a fini, *ensuite* on part.\n",
      },
      {
        // Spaced before, as French punctuation is, but glued to the next word.
        source: "Merci !Rendez-vous demain. Pourquoi ?Parce que. Le plan :livrer.\n",
        findings: [
          { message: "Espace manquante après «\u00a0!\u00a0» entre deux mots", line: 1, column: 7 },
          { message: "Espace manquante après «\u00a0?\u00a0» entre deux mots", line: 1, column: 37 },
          { message: "Espace manquante après «\u00a0:\u00a0» entre deux mots", line: 1, column: 57 },
        ],
        fixed: "Merci ! Rendez-vous demain. Pourquoi ? Parce que. Le plan : livrer.\n",
      },
    ],
    right: [
      {
        source:
          "Un texte net, sans faute. Un site beta.gouv.fr, un nombre 1,5 et 3.14, M.Dupont ? `a  b`, un vers  \nbrisé, et…\n\n    code  indenté\n",
      },
      { source: "We ship it , and we  will do it again with them for the team.\n" },
      // Names, domains, versions and abbreviations: no sentence starts inside them.
      {
        source:
          "Node.Js, Vue.Js, Ember.Data, Socket.IO, ASP.NET, D3.Js, e.g. ici, i.e. là, gov.uk, beta.gouv.Fr, v1.2, 1.2.3 (etc.).\n",
      },
      // Not punctuation glued to a word: a query, a scope, an emoji, a time, code, Liquid.
      {
        source:
          "La page ?lang=fr, std::vector, le sélecteur ::before, bravo :tada: à 10:30, `a ?b` et {{ a }} ?{{ b }}.\n",
      },
      {
        source:
          "Le fichier .gitignore, le format .pdf, le dossier ./src, le framework .NET et les sites en .gouv.fr.\n",
      },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(block, DOUBLE_SPACE, (previous) => NOT_SPACE.test(previous))) {
        const end = match.index + match[0].length;
        reportInProse(
          context,
          block,
          match.index,
          end,
          {
            fr: "Espaces multiples\u00a0: une seule espace est attendue entre deux mots",
            en: "Several spaces: one space is expected between words",
          },
          { from: match.index + 1, to: end, text: "" },
        );
      }
      for (const match of frenchMatches(block, SPACE_BEFORE_COMMA, (previous) =>
        BEFORE_COMMA.test(previous),
      )) {
        const end = match.index + match[0].length;
        const mark = block.text[end] as string;
        reportInProse(
          context,
          block,
          match.index,
          end + 1,
          {
            fr: `Espace avant «\u00a0${mark}\u00a0»\u00a0: la virgule et le point se collent au mot qui précède`,
            en: `Space before « ${mark} »: commas and full stops stick to the preceding word`,
          },
          // `appris .Ensuite`: the space moves after the mark rather than vanishing.
          /\p{L}/u.test(block.text[end + 1] ?? "")
            ? { from: match.index, to: end + 1, text: `${mark} ` }
            : { from: match.index, to: end, text: "" },
        );
      }
      const glued = [
        ...frenchMatches(block, GLUED, gluedBetweenWords),
        ...frenchMatches(block, SPACED_THEN_GLUED, (_, text, index) => isGluedToNextWord(text, index)),
      ];
      for (const match of glued) {
        const mark = match[0];
        reportInProse(
          context,
          block,
          match.index,
          match.index + 2,
          {
            fr: `Espace manquante après «\u00a0${mark}\u00a0» entre deux mots`,
            en: `Missing space after « ${mark} » between words`,
          },
          { from: match.index + 1, to: match.index + 1, text: " ", side: "after-previous" },
        );
      }
    }
  },
};
