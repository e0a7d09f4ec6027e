import type { Rule } from "../types.js";
import { splitAuthorIds } from "./authors-list.js";
import { closestIds, knownAuthorIds } from "./authors-site.js";
import { findField, parsedFrontMatter } from "./present-front-matter.js";

const site = {
  "_config.yml": "collections:\n  authors:\n    output: true\n",
  "_authors/jean.dupont.md": "---\nfullname: Jean Dupont\n---\n",
  "_authors/marie.martin.md": "---\nfullname: Marie Martin\n---\n",
};

export const unknownAuthor: Rule = {
  id: "frontmatter/unknown-author",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Auteur inconnu",
    rationale:
      "Chaque id de `authors` doit nommer une fiche de la collection des auteurs (`_authors/<id>.md`)\u00a0: sinon le nom et le lien de l’auteur manquent sous l’article. Ajoutez la fiche dans la même pull request, ou corrigez l’id.",
    wrong: [
      {
        site,
        source: "---\ntitle: Bonjour\nauthors: [jean.dupond]\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Auteur inconnu «\u00a0jean.dupond\u00a0»\u00a0: aucune fiche _authors/jean.dupond.md (voulez-vous dire «\u00a0jean.dupont\u00a0»\u202f?)",
            line: 3,
            column: 11,
            endLine: 3,
            endColumn: 22,
          },
        ],
      },
      {
        site,
        source: "---\ntitle: Bonjour\nauthors:\n  - marie.martin\n  - paul\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Auteur inconnu «\u00a0paul\u00a0»\u00a0: aucune fiche _authors/paul.md (ajoutez-la dans cette pull request)",
            line: 5,
            column: 5,
          },
        ],
      },
      {
        site,
        source: "---\ntitle: Bonjour\nauthors: jean.dupond et marie.martin\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Auteur inconnu «\u00a0jean.dupond\u00a0»\u00a0: aucune fiche _authors/jean.dupond.md (voulez-vous dire «\u00a0jean.dupont\u00a0»\u202f?)",
            line: 3,
            column: 10,
            endColumn: 21,
          },
        ],
      },
    ],
    right: [
      { site, source: "---\ntitle: Bonjour\nauthors: [jean.dupont, marie.martin]\n---\n\nTexte.\n" },
      { site, source: "---\ntitle: Bonjour\nauthors: jean.dupont et marie.martin\n---\n\nTexte.\n" },
      { source: "---\ntitle: Bonjour\nauthors: [inconnu]\n---\n\nSans site, la règle se tait.\n" },
    ],
  },
  check(context) {
    const known = knownAuthorIds(context);
    const frontMatter = parsedFrontMatter(context);
    const field = frontMatter && findField(frontMatter, "authors");
    const value = frontMatter?.data.authors;
    if (!known || !field) return;
    const ids = Array.isArray(value) ? value : typeof value === "string" ? splitAuthorIds(value) : [];
    const entryText = context.post.source.slice(field.valueStart, field.entryEnd);
    const folder = context.config.frontmatter.authorsCollection;
    let searchFrom = 0;
    for (const id of ids) {
      if (typeof id !== "string" || id === "" || known.has(id)) continue;
      const at = findWord(entryText, id, searchFrom);
      if (at !== -1) searchFrom = at + id.length;
      const start = at === -1 ? field.keyStart : field.valueStart + at;
      const end = at === -1 ? field.keyEnd : start + id.length;
      const suggestions = closestIds(id, known);
      const hint =
        suggestions.length > 0
          ? {
              fr: `voulez-vous dire ${suggestions.map((item) => `«\u00a0${item}\u00a0»`).join(" ou ")}\u202f?`,
              en: `did you mean ${suggestions.map((item) => `« ${item} »`).join(" or ")}?`,
            }
          : { fr: "ajoutez-la dans cette pull request", en: "add it in this pull request" };
      context.report({
        message: {
          fr: `Auteur inconnu «\u00a0${id}\u00a0»\u00a0: aucune fiche ${folder}/${id}.md (${hint.fr})`,
          en: `Unknown author « ${id} »: no file ${folder}/${id}.md (${hint.en})`,
        },
        range: context.rangeAt(start, end),
        expected: suggestions,
      });
    }
  },
};

/** Index of `word` in `text` from `from`, not inside a longer id. */
function findWord(text: string, word: string, from: number): number {
  let index = text.indexOf(word, from);
  while (index !== -1) {
    const before = text[index - 1] ?? " ";
    const after = text[index + word.length] ?? " ";
    if (!/[\w.-]/.test(before) && !/[\w-]/.test(after)) return index;
    index = text.indexOf(word, index + 1);
  }
  return -1;
}
