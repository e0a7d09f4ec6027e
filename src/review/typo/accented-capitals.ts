import type { Rule } from "../types.js";
import { frenchBlocks, frenchMatches, reportInProse, startsWord } from "./french-prose.js";

/**
 * A closed list: capitals that lose their accent on a keyboard. « Corrige l'accent d'Etat », wrote an
 * editor of the corpus. Words, not prefixes, so that « Etats » and « Equipes » are caught but not « Est ».
 */
const ACCENTED: Record<string, string> = {
  Etat: "État",
  Etats: "États",
  "Etats-Unis": "États-Unis",
  Ecole: "École",
  Ecoles: "Écoles",
  Eglise: "Église",
  Eglises: "Églises",
  Economie: "Économie",
  Economies: "Économies",
  Economique: "Économique",
  Equipe: "Équipe",
  Equipes: "Équipes",
  Egalité: "Égalité",
  Egalement: "Également",
  Elysée: "Élysée",
  Education: "Éducation",
  Energie: "Énergie",
  Evaluation: "Évaluation",
  Evènement: "Événement",
  Evénement: "Événement",
  Evenement: "Événement",
  Etude: "Étude",
  Etudes: "Études",
  Etudiant: "Étudiant",
  Etudiants: "Étudiants",
  Etape: "Étape",
  Etapes: "Étapes",
  Election: "Élection",
  Elections: "Élections",
  Edition: "Édition",
  Evidemment: "Évidemment",
  Ecrire: "Écrire",
  Electricité: "Électricité",
  Epargne: "Épargne",
};

const WORDS = new RegExp(
  `(${Object.keys(ACCENTED)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** `A` opening a sentence: « A partir de », « A noter ». Not plan A, A/B, A. Dupont, A-t-il. */
const SENTENCE_A = /A(?=\s+\p{Ll})/gu;
const SENTENCE_END_BEFORE = /(?:^|[.!?…]\s+|«\s?|\n)$/;

/** « A et B sont… », « A ou B » : the letter A, not the preposition. */
const LETTER_A = /^A (?:et|ou) \p{Lu}\b/u;

function opensSentence(previous: string, text: string, index: number): boolean {
  if (LETTER_A.test(text.slice(index, index + 10))) return false;
  return previous === "" || SENTENCE_END_BEFORE.test(text.slice(Math.max(0, index - 3), index));
}

export const accentedCapitals: Rule = {
  id: "typo/accented-capitals",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Majuscules accentuées",
    rationale:
      "En français, les majuscules gardent leurs accents : État, École, Équipe, et « À partir de » en début de phrase. Sans accent, « Etat » n'est pas un mot, et les lecteurs d'écran le prononcent mal.",
    wrong: [
      {
        source: "Les startups d'Etat et les Etats-Unis.\n",
        findings: [
          { message: "« Etat » : la majuscule garde son accent, « État »", line: 1, column: 16 },
          { message: "« Etats-Unis » : la majuscule garde son accent, « États-Unis »", line: 1, column: 28 },
        ],
        fixed: "Les startups d'État et les États-Unis.\n",
      },
      {
        source: "Bilan. A partir de mai, nous changeons.\n",
        findings: [
          { message: "« A » en début de phrase : la majuscule garde son accent, « À »", line: 1, column: 8 },
        ],
        fixed: "Bilan. À partir de mai, nous changeons.\n",
      },
    ],
    right: [
      { source: "A et B sont deux versions. A ou B ?\n" },
      {
        source:
          "L'État, l'École, le plan A, un test A/B, A. Dupont, A-t-il fini ? Est-ce que EtatCivil.fr ?\n",
      },
      { source: "The Etat team works with us, and we will continue to ship it with them.\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) {
      for (const match of frenchMatches(
        block,
        WORDS,
        (previous) => startsWord(previous) && previous !== "-",
      )) {
        const word = match[1] as string;
        const accented = ACCENTED[word] as string;
        reportInProse(
          context,
          block,
          match.index,
          match.index + word.length,
          {
            fr: `« ${word} » : la majuscule garde son accent, « ${accented} »`,
            en: `« ${word} »: the capital keeps its accent, « ${accented} »`,
          },
          { from: match.index, to: match.index + 1, text: accented[0] as string },
        );
      }
      for (const match of frenchMatches(block, SENTENCE_A, opensSentence)) {
        reportInProse(
          context,
          block,
          match.index,
          match.index + 1,
          {
            fr: "« A » en début de phrase : la majuscule garde son accent, « À »",
            en: "« A » opening a sentence: the capital keeps its accent, « À »",
          },
          { from: match.index, to: match.index + 1, text: "À" },
        );
      }
    }
  },
};
