import type { Rule } from "../types.js";

export const fileName: Rule = {
  id: "frontmatter/file-name",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Nom de fichier d’article invalide",
    rationale:
      "Jekyll ne publie un article que si son nom est `AAAA-MM-JJ-titre.md`\u00a0: la date et le titre de l’adresse en viennent. Un autre nom, et l’article n’apparaît pas.",
    wrong: [
      {
        path: "_posts/bilan-2024.md",
        source: "---\ntitle: Bilan\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Nom de fichier «\u00a0bilan-2024.md\u00a0»\u00a0: un article doit s’appeler AAAA-MM-JJ-titre.md pour être publié",
            line: 1,
            column: 1,
          },
        ],
      },
    ],
    right: [
      { path: "_posts/2024-03-05-bilan.md", source: "---\ntitle: Bilan\n---\n\nTexte.\n" },
      {
        path: "_posts/2024-3-5-bilan.md",
        source: "---\ntitle: Bilan\n---\n\nJekyll accepte aussi ce nom.\n",
      },
      { path: "blog/_posts/2024-03-05-bilan.markdown", source: "---\ntitle: Bilan\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const { fileName: name, dateText, isAnonymous } = context.post.pathInfo;
    if (dateText || isAnonymous) return;
    context.report({
      message: {
        fr: `Nom de fichier «\u00a0${name}\u00a0»\u00a0: un article doit s’appeler AAAA-MM-JJ-titre.md pour être publié`,
        en: `File name « ${name} »: a post must be named YYYY-MM-DD-title.md to be published`,
      },
      range: context.rangeAt(0, 0),
    });
  },
};
