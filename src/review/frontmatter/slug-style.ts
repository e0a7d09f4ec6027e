import type { Rule } from "../types.js";

export const slugStyle: Rule = {
  id: "frontmatter/slug-style",
  category: "frontmatter",
  severity: "warning",
  docs: {
    title: "Adresse de l’article avec majuscules, accents ou espaces",
    rationale:
      "La fin du nom du fichier devient l’adresse de l’article. Majuscules, accents et espaces y donnent des adresses fragiles (`%C3%A9`, `%20`) que l’on recopie mal\u00a0: des minuscules sans accents, séparées par des tirets, durent.",
    wrong: [
      {
        path: "_posts/2024-03-05-Bilan-de-l'été.md",
        source: "---\ntitle: Bilan\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Adresse «\u00a0Bilan-de-l'été\u00a0» tirée du nom du fichier\u00a0: préférez des minuscules sans accents ni espaces, «\u00a02024-03-05-bilan-de-l-ete.md\u00a0»",
            line: 1,
            column: 1,
          },
        ],
      },
      {
        path: "_posts/2024-03-05-mon bilan.md",
        source: "---\ntitle: Bilan\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Adresse «\u00a0mon bilan\u00a0» tirée du nom du fichier\u00a0: préférez des minuscules sans accents ni espaces, «\u00a02024-03-05-mon-bilan.md\u00a0»",
            line: 1,
            column: 1,
          },
        ],
      },
    ],
    right: [
      { path: "_posts/2024-03-05-bilan-de-l-ete-2024.md", source: "---\ntitle: Bilan\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const { slug, dateText, ext } = context.post.pathInfo;
    if (!slug || !dateText || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return;
    const suggested = `${dateText}-${slugify(slug)}${ext}`;
    context.report({
      message: {
        fr: `Adresse «\u00a0${slug}\u00a0» tirée du nom du fichier\u00a0: préférez des minuscules sans accents ni espaces, «\u00a0${suggested}\u00a0»`,
        en: `URL « ${slug} » comes from the file name: prefer lowercase without accents or spaces, « ${suggested} »`,
      },
      range: context.rangeAt(0, 0),
      expected: [suggested],
    });
  },
};

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
