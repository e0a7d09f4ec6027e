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
/** `Ca` opening a sentence: « Ca va », « Ca marche », « Ca l'a… ». Not `Ca2+`, `CA`, `Ca.` (California). */
const SENTENCE_CA = /Ca(?=\s+\p{Ll})/gu;
const SENTENCE_END_BEFORE = /(?:^|[.!?…]\s+|«\s?|\n)$/;

/** « A et B sont… », « A ou B » : the letter A, not the preposition. */
const LETTER_A = /^A (?:et|ou) \p{Lu}\b/u;

/**
 * The words that follow « À » opening a French sentence. A closed list, because « A » opens English
 * sentences too (« A new tool », « A large-scale evaluation ») and French ones where it is the verb
 * (« A choisi de devenir… » in a biography): a word not listed gets no finding rather than a wrong accent.
 */
const AFTER_A =
  /^(?:l['’]\p{L}*|la|ce|cet|cette|ces|ceux|celles?|celui|cela|ça|chaque|chacun|chacune|tout|toute|tous|toutes|quoi|qui|quel|quelle|quels|quelles|quand|combien|lequel|laquelle|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|nous|vous|eux|elle|elles|lui|moi|toi|un|une|deux|trois|plusieurs|quelques|partir|compter|propos|noter|retenir|suivre|venir|savoir|lire|voir|découvrir|terme|titre|peine|priori|posteriori|travers|côté|force|cause|défaut|condition|moins|présent|nouveau|bientôt|demain|mesure|choix|date|jour|distance|première|vrai|grande|petite|haute|droite|gauche|plein|temps|table|part(?! of\b)|(?:long|court|moyen) terme)\b/u;

function opensSentence(previous: string, text: string, index: number): boolean {
  if (LETTER_A.test(text.slice(index, index + 10))) return false;
  return previous === "" || SENTENCE_END_BEFORE.test(text.slice(Math.max(0, index - 3), index));
}

/** The French preposition « À », not the English article: the next words are listed in {@link AFTER_A}. */
function opensFrenchSentenceWithA(previous: string, text: string, index: number): boolean {
  if (!opensSentence(previous, text, index)) return false;
  return AFTER_A.test(text.slice(index + 1, index + 40).trimStart());
}

/**
 * Words of the list that English writes the same way: after a capitalised word, they are part of an English
 * name (« Community Edition », « Enterprise Edition », « Higher Education »), not French words that lost an
 * accent. A French determiner or preposition before them does not make a name (« La Edition… » is French).
 */
const ENGLISH_TOO = new Set(["Edition", "Education", "Evaluation", "Election", "Elections"]);
const CAPITALISED_WORD_BEFORE = /(\p{Lu}[\p{L}\p{N}]*) $/u;
const FRENCH_WORD_BEFORE_A_CAPITAL =
  /^(?:Le|La|Les|Une?|Des|Du|De|En|Et|Ou|Ce|Cet|Cette|Ces|Notre|Nos|Votre|Vos|Leur|Leurs|Sa|Son|Ses|Ma|Mon|Mes|Pour|Par|Sur|Dans|Avec|Sans|Chaque|Toute?s?|Nouvelle?s?|Première?s?|Dernière?s?|Grande?s?|Petite?s?|Seconde?s?|Deuxième|Troisième)$/u;

function isInEnglishName(word: string, text: string, index: number): boolean {
  if (!ENGLISH_TOO.has(word)) return false;
  const before = CAPITALISED_WORD_BEFORE.exec(text.slice(Math.max(0, index - 30), index))?.[1];
  return before !== undefined && !FRENCH_WORD_BEFORE_A_CAPITAL.test(before);
}

export const accentedCapitals: Rule = {
  id: "typo/accented-capitals",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Majuscules accentuées",
    rationale:
      "En français, les majuscules gardent leurs accents\u00a0: État, École, Équipe, «\u00a0À partir de\u00a0» et «\u00a0Ça\u00a0» en début de phrase. Sans accent, `Etat` n’est pas un mot, et les lecteurs d’écran le prononcent mal.",
    wrong: [
      {
        source: "Les startups d'Etat et les Etats-Unis.\n",
        findings: [
          {
            message: "«\u00a0Etat\u00a0»\u00a0: la majuscule garde son accent, «\u00a0État\u00a0»",
            line: 1,
            column: 16,
          },
          {
            message:
              "«\u00a0Etats-Unis\u00a0»\u00a0: la majuscule garde son accent, «\u00a0États-Unis\u00a0»",
            line: 1,
            column: 28,
          },
        ],
        fixed: "Les startups d'État et les États-Unis.\n",
      },
      {
        source: "Bilan. A partir de mai, nous changeons.\n",
        findings: [
          {
            message:
              "«\u00a0A\u00a0» en début de phrase\u00a0: la majuscule garde son accent, «\u00a0À\u00a0»",
            line: 1,
            column: 8,
          },
        ],
        fixed: "Bilan. À partir de mai, nous changeons.\n",
      },
      {
        source: "Ca marche. Ca l'a convaincu.\n",
        findings: [
          {
            message:
              "«\u00a0Ca\u00a0» en début de phrase\u00a0: la cédille reste sous la majuscule, «\u00a0Ça\u00a0»",
            line: 1,
            column: 1,
          },
          {
            message:
              "«\u00a0Ca\u00a0» en début de phrase\u00a0: la cédille reste sous la majuscule, «\u00a0Ça\u00a0»",
            line: 1,
            column: 12,
          },
        ],
        fixed: "Ça marche. Ça l'a convaincu.\n",
      },
    ],
    right: [
      { source: "A et B sont deux versions. A ou B ?\n" },
      {
        source:
          "L'État, l'École, le plan A, un test A/B, A. Dupont, A-t-il fini ? Est-ce que EtatCivil.fr ?\n",
      },
      { source: "The Etat team works with us, and we will continue to ship it with them.\n" },
      { source: "A new tool. A choisi de devenir développeur. Nous utilisons GitLab Community Edition.\n" },
      { source: "Le Ca2+ et le CA. Ca. Les startups d'État à Vue.Etat ou sur etat.Edition.fr.\n" },
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
        if (isInEnglishName(word, block.text, match.index)) continue;
        reportInProse(
          context,
          block,
          match.index,
          match.index + word.length,
          {
            fr: `«\u00a0${word}\u00a0»\u00a0: la majuscule garde son accent, «\u00a0${accented}\u00a0»`,
            en: `« ${word} »: the capital keeps its accent, « ${accented} »`,
          },
          { from: match.index, to: match.index + 1, text: accented[0] as string },
        );
      }
      for (const match of frenchMatches(block, SENTENCE_CA, opensSentence)) {
        reportInProse(
          context,
          block,
          match.index,
          match.index + 2,
          {
            fr: "«\u00a0Ca\u00a0» en début de phrase\u00a0: la cédille reste sous la majuscule, «\u00a0Ça\u00a0»",
            en: "« Ca » opening a sentence: the capital keeps its cedilla, « Ça »",
          },
          { from: match.index, to: match.index + 1, text: "Ç" },
        );
      }
      for (const match of frenchMatches(block, SENTENCE_A, opensFrenchSentenceWithA)) {
        reportInProse(
          context,
          block,
          match.index,
          match.index + 1,
          {
            fr: "«\u00a0A\u00a0» en début de phrase\u00a0: la majuscule garde son accent, «\u00a0À\u00a0»",
            en: "« A » opening a sentence: the capital keeps its accent, « À »",
          },
          { from: match.index, to: match.index + 1, text: "À" },
        );
      }
    }
  },
};
