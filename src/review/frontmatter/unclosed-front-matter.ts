import type { Rule } from "../types.js";

export const unclosedFrontMatter: Rule = {
  id: "frontmatter/unclosed-front-matter",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "En-tête jamais fermé",
    rationale:
      "Un en-tête ouvert par «\u00a0---\u00a0» doit être fermé par une seconde ligne «\u00a0---\u00a0»\u202f; sinon Jekyll lit tout l’article comme de l’en-tête, ou ne le publie pas.",
    wrong: [
      {
        source: "---\ntitle: Bonjour\n\nBonjour à tous.\n",
        findings: [
          {
            message: "En-tête jamais fermé\u00a0: ajoutez une ligne «\u00a0---\u00a0» après le dernier champ",
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 4,
          },
        ],
      },
    ],
    right: [{ source: "---\ntitle: Bonjour\n---\n\nBonjour à tous.\n" }],
  },
  check(context) {
    if (context.post.frontMatter.kind !== "unclosed") return;
    context.report({
      message: {
        fr: "En-tête jamais fermé\u00a0: ajoutez une ligne «\u00a0---\u00a0» après le dernier champ",
        en: "Front matter never closed: add a « --- » line after the last field",
      },
      range: context.rangeAt(0, 3),
    });
  },
};
