import type { Rule } from "../types.js";
import { findField, frontMatterStartRange, parsedFrontMatter } from "./present-front-matter.js";

export const requiredField: Rule = {
  id: "frontmatter/required-field",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Champ obligatoire absent ou vide",
    rationale:
      "Les champs listés dans `frontmatter.required` (par défaut `title`) sont nécessaires à la page de l’article, au flux et au partage. Un champ vide vaut un champ absent.",
    wrong: [
      {
        source: "---\nauthors: [jdupont]\n---\n\nTexte.\n",
        findings: [
          { message: "Champ obligatoire «\u00a0title\u00a0» absent de l’en-tête", line: 1, column: 1 },
        ],
      },
      {
        source: "---\ntitle:\n---\n\nTexte.\n",
        findings: [{ message: "Champ obligatoire «\u00a0title\u00a0» vide", line: 2, column: 1 }],
      },
      {
        source: '---\ntitle: "  "\n---\n\nTexte.\n',
        findings: [{ message: "Champ obligatoire «\u00a0title\u00a0» vide", line: 2, column: 8 }],
      },
      {
        config: { frontmatter: { required: ["title", "description"] } },
        source: "---\ntitle: Bonjour\n---\n\nTexte.\n",
        findings: [
          { message: "Champ obligatoire «\u00a0description\u00a0» absent de l’en-tête", line: 1, column: 1 },
        ],
      },
    ],
    right: [
      { source: "---\ntitle: Bonjour\n---\n\nTexte.\n" },
      { source: '---\n"title": "Bonjour"\n---\n\nTexte.\n' },
      { source: "---\nbase: &base\n  title: Bonjour\n<<: *base\n---\n\nTexte.\n" },
      { config: { frontmatter: { required: [] } }, source: "---\nlayout: post\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    if (!frontMatter) return;
    for (const key of context.config.frontmatter.required) {
      const value = frontMatter.data[key];
      const field = findField(frontMatter, key);
      // A key YAML found but this line scan did not (a merge key `<<: *base`) is present all the same.
      if (value === undefined) {
        context.report({
          message: {
            fr: `Champ obligatoire «\u00a0${key}\u00a0» absent de l’en-tête`,
            en: `Required field « ${key} » missing from the front matter`,
          },
          range: frontMatterStartRange(context),
        });
      } else if (isEmpty(value)) {
        context.report({
          message: {
            fr: `Champ obligatoire «\u00a0${key}\u00a0» vide`,
            en: `Required field « ${key} » is empty`,
          },
          range: !field
            ? frontMatterStartRange(context)
            : field.valueEnd > field.valueStart
              ? context.rangeAt(field.valueStart, field.valueEnd)
              : context.rangeAt(field.keyStart, field.keyEnd),
        });
      }
    }
  },
};

function isEmpty(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
