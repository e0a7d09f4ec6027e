import type { Rule } from "../types.js";

export const noFrontMatter: Rule = {
  id: "frontmatter/no-front-matter",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Article sans en-tête",
    rationale:
      "Jekyll ne publie comme article qu’un fichier qui commence par un en-tête YAML entre deux lignes «\u00a0---\u00a0». Sans lui, le fichier est copié tel quel et n’apparaît pas sur le blog.",
    wrong: [
      {
        source: "Bonjour à tous.\n",
        findings: [
          {
            message:
              "En-tête manquant\u00a0: l’article doit commencer par un bloc «\u00a0---\u00a0» (title, authors…)",
            line: 1,
            column: 1,
          },
        ],
      },
      {
        source: "",
        findings: [
          {
            message: "Fichier vide\u00a0: un article doit contenir un en-tête et un texte",
            line: 1,
            column: 1,
          },
        ],
      },
    ],
    right: [{ source: "---\ntitle: Bonjour\n---\n\nBonjour à tous.\n" }],
  },
  check(context) {
    if (context.post.frontMatter.kind !== "absent") return;
    const isEmpty = context.post.source.trim() === "";
    const firstLineEnd = context.post.lines.lineEnd(1);
    context.report({
      message: isEmpty
        ? {
            fr: "Fichier vide\u00a0: un article doit contenir un en-tête et un texte",
            en: "Empty file: a post needs front matter and a body",
          }
        : {
            fr: "En-tête manquant\u00a0: l’article doit commencer par un bloc «\u00a0---\u00a0» (title, authors…)",
            en: "Missing front matter: the post must start with a « --- » block (title, authors…)",
          },
      range: context.rangeAt(0, firstLineEnd),
    });
  },
};
