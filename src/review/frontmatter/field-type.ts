import type { Localized, Rule } from "../types.js";
import { fieldValueRange, parsedFrontMatter } from "./present-front-matter.js";

type ExpectedType = "text" | "boolean" | "list-or-text" | "date" | "text-or-mapping";

/** Jekyll's and the usual themes' fields, and the type their templates expect. */
const EXPECTED_TYPES: Record<string, ExpectedType> = {
  title: "text",
  description: "text",
  excerpt: "text",
  layout: "text",
  permalink: "text",
  slug: "text",
  lang: "text",
  // jekyll-seo-tag also reads `image: { path: …, alt: … }`.
  image: "text-or-mapping",
  category: "text",
  categories: "list-or-text",
  tags: "list-or-text",
  published: "boolean",
  date: "date",
};

const EXPECTED_NAMES: Record<ExpectedType, Localized> = {
  text: { fr: "un texte", en: "a text" },
  boolean: { fr: "true ou false", en: "true or false" },
  "list-or-text": { fr: "une liste ou un texte", en: "a list or a text" },
  "text-or-mapping": { fr: "un texte ou un dictionnaire", en: "a text or a mapping" },
  date: { fr: "une date AAAA-MM-JJ", en: "a date YYYY-MM-DD" },
};

export const fieldType: Rule = {
  id: "frontmatter/field-type",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Champ de l’en-tête d’un type inattendu",
    rationale:
      "Un titre lu comme un nombre, un `published: non` lu comme du texte ou une date illisible cassent les gabarits du site ou publient ce qui ne devait pas l’être.",
    wrong: [
      {
        source: "---\ntitle: 2048 # le jeu\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "«\u00a0title\u00a0» doit être un texte, pas un nombre (2048)\u00a0: mettez-le entre guillemets",
            line: 2,
            column: 8,
          },
        ],
        fixed: '---\ntitle: "2048" # le jeu\n---\n\nTexte.\n',
      },
      {
        source: "---\ntitle: Bonjour\npublished: non\n---\n\nTexte.\n",
        findings: [
          {
            message: "«\u00a0published\u00a0» doit être true ou false, pas un texte (non)",
            line: 3,
            column: 12,
          },
        ],
      },
      {
        source: "---\ntitle: Bonjour\ndate: demain\n---\n\nTexte.\n",
        findings: [
          {
            message: "«\u00a0date\u00a0» doit être une date AAAA-MM-JJ, pas un texte (demain)",
            line: 3,
            column: 7,
          },
        ],
      },
      {
        source: "---\ntitle:\n  fr: Bonjour\n---\n\nTexte.\n",
        findings: [
          { message: "«\u00a0title\u00a0» doit être un texte, pas un dictionnaire", line: 2, column: 1 },
        ],
      },
    ],
    right: [
      {
        source:
          "---\ntitle: Bonjour\npublished: false\ndate: 2024-03-05 10:00:00 +0100\ncategories: [blog, actualite]\ntags: produit\n---\n\nTexte.\n",
      },
      { source: "---\ntitle: Bonjour\ndate: '2024-03-05'\n---\n\nTexte.\n" },
      {
        source:
          "---\ntitle: Bonjour\ntags: [2024, bilan]\nimage:\n  path: /img/a.png\n  alt: Une photo\n---\n\nTexte.\n",
      },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    if (!frontMatter) return;
    for (const field of frontMatter.fields) {
      const expected = EXPECTED_TYPES[field.key];
      const value = frontMatter.data[field.key];
      if (!expected || value === undefined || value === null || matches(expected, value)) continue;
      const actual = describe(value);
      const written = context.post.source.slice(field.valueStart, field.valueEnd);
      const isQuotable = expected === "text" && (typeof value === "number" || typeof value === "boolean");
      context.report({
        message: {
          fr: `«\u00a0${field.key}\u00a0» doit être ${EXPECTED_NAMES[expected].fr}, pas ${actual.fr}${written ? ` (${written})` : ""}${isQuotable ? "\u00a0: mettez-le entre guillemets" : ""}`,
          en: `« ${field.key} » must be ${EXPECTED_NAMES[expected].en}, not ${actual.en}${written ? ` (${written})` : ""}${isQuotable ? ": quote it" : ""}`,
        },
        range: fieldValueRange(context, field),
        fix:
          isQuotable && written
            ? { start: field.valueStart, end: field.valueEnd, text: JSON.stringify(written) }
            : undefined,
      });
    }
  },
};

function matches(expected: ExpectedType, value: unknown): boolean {
  switch (expected) {
    case "text":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "list-or-text":
      // `tags: [2024, bilan]`: YAML reads 2024 as a number, Jekyll as the tag « 2024 ».
      return (
        typeof value === "string" ||
        (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
      );
    case "text-or-mapping":
      return (
        typeof value === "string" || (value !== null && typeof value === "object" && !Array.isArray(value))
      );
    case "date":
      return (
        (value instanceof Date && !Number.isNaN(value.getTime())) ||
        (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value))
      );
  }
}

function describe(value: unknown): Localized {
  if (typeof value === "number") return { fr: "un nombre", en: "a number" };
  if (typeof value === "boolean") return { fr: "un booléen", en: "a boolean" };
  if (typeof value === "string") return { fr: "un texte", en: "a text" };
  if (Array.isArray(value)) return { fr: "une liste", en: "a list" };
  if (value instanceof Date) return { fr: "une date", en: "a date" };
  return { fr: "un dictionnaire", en: "a mapping" };
}
