import type { Rule } from "../types.js";
import { parsedFrontMatter } from "./present-front-matter.js";

const site = { "_config.yml": "excerpt_separator: <!--more-->\n" };
const required = { frontmatter: { excerptSeparator: "required" } };

export const excerptSeparator: Rule = {
  id: "frontmatter/excerpt-separator",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Séparateur d’extrait manquant",
    rationale:
      "Quand `frontmatter.excerptSeparator` vaut `required`, chaque article doit marquer la fin de son extrait (l’`excerpt_separator` de `_config.yml`, par exemple `<!--more-->`)\u00a0: sans lui, la page d’accueil du blog montre l’article entier.",
    wrong: [
      {
        site,
        config: required,
        source: "---\ntitle: Bilan\n---\n\nChapeau.\n\nSuite.\n",
        findings: [
          {
            message:
              "Séparateur d’extrait «\u00a0<!--more-->\u00a0» absent\u00a0: placez-le après le chapeau de l’article",
            line: 5,
            column: 1,
          },
        ],
      },
    ],
    right: [
      { site, config: required, source: "---\ntitle: Bilan\n---\n\nChapeau.\n\n<!--more-->\n\nSuite.\n" },
      {
        site,
        config: required,
        source: "---\ntitle: Bilan\nexcerpt: Un chapeau écrit à part.\n---\n\nSuite.\n",
      },
      { site, source: "---\ntitle: Bilan\n---\n\nChapeau.\n\nSuite.\n" },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    if (context.config.frontmatter.excerptSeparator !== "required" || !frontMatter) return;
    if (typeof frontMatter.data.excerpt === "string") return;
    const ownSeparator = frontMatter.data.excerpt_separator;
    const separator = typeof ownSeparator === "string" ? ownSeparator : context.site.jekyll.excerptSeparator;
    // Jekyll's default separator is a blank line: every post with two paragraphs has it.
    if (separator.trim() === "") return;
    if (context.post.source.includes(separator, frontMatter.bodyStart)) return;
    const bodyStart = firstNonBlank(context.post.source, frontMatter.bodyStart);
    context.report({
      message: {
        fr: `Séparateur d’extrait «\u00a0${separator}\u00a0» absent\u00a0: placez-le après le chapeau de l’article`,
        en: `Excerpt separator « ${separator} » missing: put it after the post's lead paragraph`,
      },
      range: context.rangeAt(bodyStart, bodyStart),
    });
  },
};

function firstNonBlank(text: string, from: number): number {
  const match = /\S/.exec(text.slice(from));
  return match ? from + match.index : from;
}
