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
      "Les mainteneurs listent dans `lexicon` les termes de leur charte : chaque graphie à éviter est signalée avec la bonne, en mots entiers, dans le texte seulement (jamais dans le code, les adresses ou le Liquid). Sans `avoid`, toute autre casse du terme est signalée.",
    wrong: [
      {
        config: { lexicon: [{ use: "Pôle emploi", avoid: ["Pôle Emploi", "Pole emploi"] }] },
        source: "Avec Pôle Emploi et Pole emploi.\n",
        findings: [
          { message: "« Pôle Emploi » : la charte éditoriale écrit « Pôle emploi »", line: 1, column: 6 },
          { message: "« Pole emploi » : la charte éditoriale écrit « Pôle emploi »", line: 1, column: 21 },
        ],
        fixed: "Avec Pôle emploi et Pôle emploi.\n",
      },
      {
        config: { lexicon: [{ use: "DevOps", message: "Graphie de la charte éditoriale" }] },
        source: "## Le devops\n\nDes DEVOPS et des DevOps.\n",
        findings: [
          { message: "« devops » : Graphie de la charte éditoriale (« DevOps »)", line: 1, column: 7 },
          { message: "« DEVOPS » : Graphie de la charte éditoriale (« DevOps »)", line: 3, column: 5 },
        ],
        fixed: "## Le DevOps\n\nDes DevOps et des DevOps.\n",
      },
      {
        config: { lexicon: [{ use: "startup d'État", avoid: ["start-up d'Etat"] }] },
        source: "---\ntitle: Une start-up d’Etat\n---\n\nUne start-up d'Etat.\n",
        findings: [
          {
            message: "« start-up d’Etat » : la charte éditoriale écrit « startup d’État »",
            line: 2,
            column: 12,
          },
          {
            message: "« start-up d'Etat » : la charte éditoriale écrit « startup d'État »",
            line: 5,
            column: 5,
          },
        ],
        fixed: "---\ntitle: Une startup d’État\n---\n\nUne startup d'État.\n",
      },
      {
        config: { lexicon: [{ use: "e-mail", avoid: ["mail", "email"] }] },
        source: "Un e-mail, un mail.\n",
        findings: [{ message: "« mail » : la charte éditoriale écrit « e-mail »", line: 1, column: 15 }],
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
                  fr: `« ${shownWritten} » : ${entry.message} (« ${preferred} »)`,
                  en: `« ${shownWritten} »: ${entry.message} (« ${preferred} »)`,
                }
              : {
                  fr: `« ${shownWritten} » : la charte éditoriale écrit « ${preferred} »`,
                  en: `« ${shownWritten} »: the house style writes « ${preferred} »`,
                },
            { from: match.from, to: match.to, text: preferred },
          );
        }
      }
    }
  },
};
