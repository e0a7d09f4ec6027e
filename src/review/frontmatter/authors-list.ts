import type { Rule } from "../types.js";
import { findField, parsedFrontMatter } from "./present-front-matter.js";

const SIMPLE_ID = /^[\w.-]+$/;

/** The ids a contributor meant in `authors: a, b et c`. */
export function splitAuthorIds(text: string): string[] {
  return text.split(/\s*(?:,|\bet\b|\band\b|&)\s*|\s+/).filter(Boolean);
}

export const authorsList: Rule = {
  id: "frontmatter/authors-list",
  category: "frontmatter",
  severity: "warning",
  docs: {
    title: "«\u00a0authors\u00a0» doit être une liste",
    rationale:
      "Les gabarits et jekyll-feed parcourent `authors` comme une liste\u00a0: un texte seul donne des auteurs manquants ou mal affichés. Même pour un seul auteur, écrivez `authors: [id]`.",
    wrong: [
      {
        source: "---\ntitle: Bonjour\nauthors: jdupont\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "«\u00a0authors\u00a0» doit être une liste, même pour un seul auteur\u00a0: «\u00a0authors: [jdupont]\u00a0»",
            line: 3,
            column: 10,
            endLine: 3,
            endColumn: 17,
          },
        ],
        fixed: "---\ntitle: Bonjour\nauthors: [jdupont]\n---\n\nTexte.\n",
      },
      {
        source: "---\ntitle: Bonjour\nauthors: jdupont # l'auteur principal\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "«\u00a0authors\u00a0» doit être une liste, même pour un seul auteur\u00a0: «\u00a0authors: [jdupont]\u00a0»",
            line: 3,
            column: 10,
            endColumn: 17,
          },
        ],
        fixed: "---\ntitle: Bonjour\nauthors: [jdupont] # l'auteur principal\n---\n\nTexte.\n",
      },
      {
        source: "---\ntitle: Bonjour\nauthors: jdupont et mmartin\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "«\u00a0authors\u00a0» doit être une liste, même pour un seul auteur\u00a0: «\u00a0authors: [jdupont, mmartin]\u00a0»",
            line: 3,
            column: 10,
          },
        ],
      },
    ],
    right: [
      { source: "---\ntitle: Bonjour\nauthors: [jdupont]\n---\n\nTexte.\n" },
      { source: "---\ntitle: Bonjour\nauthors:\n  - jdupont\n  - mmartin\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    const field = frontMatter && findField(frontMatter, "authors");
    const value = frontMatter?.data.authors;
    if (!field || typeof value !== "string" || value.trim() === "") return;
    const written = value.trim();
    const ids = splitAuthorIds(written);
    const listForm = `[${ids.join(", ")}]`;
    context.report({
      message: {
        fr: `«\u00a0authors\u00a0» doit être une liste, même pour un seul auteur\u00a0: «\u00a0authors: ${listForm}\u00a0»`,
        en: `« authors » must be a list, even for one author: « authors: ${listForm} »`,
      },
      range: context.rangeAt(field.valueStart, field.valueEnd),
      // Only a lone plain id is rewritten: anything else needs a human to say who the authors are.
      fix: SIMPLE_ID.test(written)
        ? { start: field.valueStart, end: field.valueEnd, text: `[${written}]` }
        : undefined,
      expected: [`authors: ${listForm}`],
    });
  },
};
