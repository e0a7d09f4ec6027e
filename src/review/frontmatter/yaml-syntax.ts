import type { Rule } from "../types.js";

export const yamlSyntax: Rule = {
  id: "frontmatter/yaml-syntax",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "En-tête YAML illisible",
    rationale:
      "Un en-tête que YAML ne sait pas lire fait échouer la construction du site ou perd ses champs (titre, auteurs). Les deux-points dans un titre, les crochets non fermés et les tabulations en sont les causes habituelles.",
    wrong: [
      {
        source: "---\ntitle: Bonjour\nauthors: [jdupont\n---\n\nTexte.\n",
        findings: [
          {
            message: "En-tête YAML illisible : unexpected end of the stream within a flow collection",
            line: 4,
            column: 1,
          },
        ],
      },
      {
        source: "---\ntitle: Bonjour\ntitle: Re-bonjour\n---\n\nTexte.\n",
        findings: [{ message: "En-tête YAML illisible : clé « title » en double", line: 3, column: 1 }],
      },
    ],
    right: [{ source: '---\ntitle: "Bilan : un an de beta"\nauthors: [jdupont]\n---\n\nTexte.\n' }],
  },
  check(context) {
    const frontMatter = context.post.frontMatter;
    if (frontMatter.kind !== "present" || !frontMatter.error) return;
    const { line, column, message } = frontMatter.error;
    const lineStart = context.post.lines.lineStart(line);
    const start = Math.min(lineStart + column - 1, context.post.lines.lineEnd(line));
    context.report({
      message: { fr: `En-tête YAML illisible : ${message}`, en: `Unreadable YAML front matter: ${message}` },
      range: context.rangeAt(start, context.post.lines.lineEnd(line)),
    });
  },
};
