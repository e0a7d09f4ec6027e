import type { Rule } from "../types.js";
import { knownAuthorIds } from "./authors-site.js";
import { findField, parsedFrontMatter } from "./present-front-matter.js";

const site = {
  "_config.yml": "collections:\n  authors:\n    output: true\n",
  "_authors/jean.dupont.md": "---\nfullname: Jean Dupont\n---\n",
};

export const authorKey: Rule = {
  id: "frontmatter/author-key",
  category: "frontmatter",
  severity: "warning",
  docs: {
    title: "«\u00a0author\u00a0» au lieu de «\u00a0authors\u00a0»",
    rationale:
      "Ce site décrit ses auteurs dans une collection et lit le champ `authors` (une liste d’ids). Un champ `author` est ignoré par ses gabarits\u00a0: l’article paraît sans auteur.",
    wrong: [
      {
        site,
        source: "---\ntitle: Bonjour\nauthor: jean.dupont\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Champ «\u00a0author\u00a0»\u00a0: ce site attend «\u00a0authors\u00a0», une liste d’ids («\u00a0authors: [jean.dupont]\u00a0»)",
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 20,
          },
        ],
      },
      {
        site,
        source: "---\ntitle: Bonjour\nauthor: Jean Dupont\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Champ «\u00a0author\u00a0»\u00a0: ce site attend «\u00a0authors\u00a0», une liste d’ids",
            line: 3,
            column: 1,
          },
        ],
      },
    ],
    right: [
      { site, source: "---\ntitle: Bonjour\nauthors: [jean.dupont]\n---\n\nTexte.\n" },
      {
        source:
          "---\ntitle: Bonjour\nauthor: Jean Dupont\n---\n\nUn site sans collection d'auteurs lit « author ».\n",
      },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    const field = frontMatter && findField(frontMatter, "author");
    if (!frontMatter || !field || !knownAuthorIds(context)) return;
    const value = frontMatter.data.author;
    const isSimpleId = typeof value === "string" && /^[\w.-]+$/.test(value.trim());
    const example = isSimpleId ? ` («\u00a0authors: [${String(value).trim()}]\u00a0»)` : "";
    context.report({
      message: {
        fr: `Champ «\u00a0author\u00a0»\u00a0: ce site attend «\u00a0authors\u00a0», une liste d’ids${example}`,
        en: `Field « author »: this site expects « authors », a list of ids${example}`,
      },
      // No fix: `--fix` never renames a front matter key; the message shows the line to write.
      range: context.rangeAt(field.keyStart, Math.max(field.keyEnd, field.valueEnd)),
    });
  },
};
