import type { Rule } from "../types.js";
import { reportInProse } from "../typo/french-prose.js";
import { isInsideAny, lexiconMatcher } from "./matcher.js";

const sameApostrophes = (text: string) => text.replace(/’/g, "'").replace(/\s+/g, " ");

/** The preferred form, written with the apostrophe and line breaks of the text it replaces. */
function preferredLike(use: string, written: string): string {
  const apostrophe = written.includes("’") ? "’" : written.includes("'") ? "'" : undefined;
  return apostrophe ? use.replace(/['’]/g, apostrophe) : use;
}

export const houseStyle: Rule = {
  id: "lexicon/house-style",
  category: "lexicon",
  severity: "warning",
  docs: {
    title: "Charte éditoriale",
    rationale:
      "Les mainteneurs listent dans `lexicon` les termes de leur charte\u00a0: chaque graphie à éviter est signalée avec la bonne, en mots entiers, dans le texte seulement (jamais dans le code, les adresses ou le Liquid). Sans `avoid`, toute autre casse du terme est signalée.",
    wrong: [
      {
        config: { lexicon: [{ use: "Pôle emploi", avoid: ["Pôle Emploi", "Pole emploi"] }] },
        source: "Avec Pôle Emploi et Pole emploi.\n",
        findings: [
          {
            message: "«\u00a0Pôle Emploi\u00a0»\u00a0: la charte éditoriale écrit «\u00a0Pôle emploi\u00a0»",
            line: 1,
            column: 6,
          },
          {
            message: "«\u00a0Pole emploi\u00a0»\u00a0: la charte éditoriale écrit «\u00a0Pôle emploi\u00a0»",
            line: 1,
            column: 21,
          },
        ],
        fixed: "Avec Pôle emploi et Pôle emploi.\n",
      },
      {
        config: { lexicon: [{ use: "DevOps", message: "Graphie de la charte éditoriale" }] },
        source: "## Le devops\n\nDes DEVOPS et des DevOps.\n",
        findings: [
          {
            message: "«\u00a0devops\u00a0»\u00a0: Graphie de la charte éditoriale («\u00a0DevOps\u00a0»)",
            line: 1,
            column: 7,
          },
          {
            message: "«\u00a0DEVOPS\u00a0»\u00a0: Graphie de la charte éditoriale («\u00a0DevOps\u00a0»)",
            line: 3,
            column: 5,
          },
        ],
        fixed: "## Le DevOps\n\nDes DevOps et des DevOps.\n",
      },
      {
        config: { lexicon: [{ use: "startup d'État", avoid: ["start-up d'Etat"] }] },
        source: "---\ntitle: Une start-up d’Etat\n---\n\nUne start-up d'Etat.\n",
        findings: [
          {
            message:
              "«\u00a0start-up d’Etat\u00a0»\u00a0: la charte éditoriale écrit «\u00a0startup d’État\u00a0»",
            line: 2,
            column: 12,
          },
          {
            message:
              "«\u00a0start-up d'Etat\u00a0»\u00a0: la charte éditoriale écrit «\u00a0startup d'État\u00a0»",
            line: 5,
            column: 5,
          },
        ],
        fixed: "---\ntitle: Une startup d’État\n---\n\nUne startup d'État.\n",
      },
      {
        config: { lexicon: [{ use: "e-mail", avoid: ["mail", "email"] }] },
        source: "Un e-mail, un mail.\n",
        findings: [
          {
            message: "«\u00a0mail\u00a0»\u00a0: la charte éditoriale écrit «\u00a0e-mail\u00a0»",
            line: 1,
            column: 15,
          },
        ],
        fixed: "Un e-mail, un e-mail.\n",
      },
    ],
    right: [
      {
        config: { lexicon: [{ use: "Pôle emploi", avoid: ["Pôle Emploi"] }, { use: "DevOps" }] },
        source:
          "Pôle emploi, `Pôle Emploi`, [lien](https://a.fr/Pôle Emploi), {{ 'Pôle Emploi' }}, DevOpsDays, Pôle Emplois.\n",
      },
    ],
  },
  check(context) {
    const lexicon = context.config.lexicon;
    if (lexicon.length === 0) return;
    const matcher = lexiconMatcher(lexicon);
    for (const block of context.prose) {
      for (const { entry, matches, preferredRanges, isCaseOnly } of matcher.find(block.text)) {
        for (const match of matches) {
          const written = block.text.slice(match.from, match.to);
          if (isCaseOnly && sameApostrophes(written) === sameApostrophes(entry.use)) continue;
          if (isInsideAny(preferredRanges, match.from, match.to)) continue;
          const preferred = preferredLike(entry.use, written);
          const shownWritten = written.replace(/\s+/g, " ");
          reportInProse(
            context,
            block,
            match.from,
            match.to,
            entry.message
              ? {
                  fr: `«\u00a0${shownWritten}\u00a0»\u00a0: ${entry.message} («\u00a0${preferred}\u00a0»)`,
                  en: `« ${shownWritten} »: ${entry.message} (« ${preferred} »)`,
                }
              : {
                  fr: `«\u00a0${shownWritten}\u00a0»\u00a0: la charte éditoriale écrit «\u00a0${preferred}\u00a0»`,
                  en: `« ${shownWritten} »: the house style writes « ${preferred} »`,
                },
            { from: match.from, to: match.to, text: preferred },
          );
        }
      }
    }
  },
};
