import type { Rule } from "../types.js";
import { excerpt, isBlank, isInCode, lineBreakAfter, linesOf } from "./source.js";

/*
 * Written by hand: no remark-lint plugin for it is installed, and it is a look at the line above and
 * the line below each top-level heading. Headings inside quotes or list items are left alone: a blank
 * line there would end the quote or the item.
 */
/** A kramdown attribute list line (`{:.no_toc}`, `{: #id}`): it applies to the block right above it. */
const KRAMDOWN_ATTRIBUTES = /^\s*\{:[^}]*\}\s*$/;

export const headingBlankLines: Rule = {
  id: "markdown/heading-blank-lines",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Titre collé au texte",
    rationale:
      "Une ligne vide avant et après chaque titre le détache du texte dans la source, et certains moteurs Markdown (kramdown, celui de Jekyll) ne reconnaissent un titre qu’après une ligne vide.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\nTexte.\n## Chiffres\nSuite.\n",
        findings: [
          {
            message:
              "Pas de ligne vide avant le titre «\u00a0## Chiffres\u00a0»\u00a0: séparez-le du texte qui précède par une ligne vide",
            line: 6,
            column: 1,
          },
          {
            message:
              "Pas de ligne vide après le titre «\u00a0## Chiffres\u00a0»\u00a0: séparez-le du texte qui suit par une ligne vide",
            line: 6,
            column: 1,
          },
        ],
        fixed: "---\ntitle: Bilan\n---\n\nTexte.\n\n## Chiffres\n\nSuite.\n",
      },
      {
        source: "---\r\ntitle: Bilan\r\n---\r\n\r\nChiffres\r\n--------\r\nSuite.\r\n",
        findings: [
          {
            message:
              "Pas de ligne vide après le titre «\u00a0Chiffres\u00a0»\u00a0: séparez-le du texte qui suit par une ligne vide",
            line: 5,
            column: 1,
          },
        ],
        fixed: "---\r\ntitle: Bilan\r\n---\r\n\r\nChiffres\r\n--------\r\n\r\nSuite.\r\n",
      },
      {
        source: "## Chiffres\n## Détails\n",
        findings: [
          {
            message:
              "Pas de ligne vide après le titre «\u00a0## Chiffres\u00a0»\u00a0: séparez-le du texte qui suit par une ligne vide",
            line: 1,
            column: 1,
          },
          {
            message:
              "Pas de ligne vide avant le titre «\u00a0## Détails\u00a0»\u00a0: séparez-le du texte qui précède par une ligne vide",
            line: 2,
            column: 1,
          },
        ],
        fixed: "## Chiffres\n\n## Détails\n",
      },
    ],
    right: [
      { source: "---\ntitle: Bilan\n---\n## Chiffres\n\nTexte.\n\n## Fin" },
      { source: "## Chiffres\n\nTexte.\n\n## Fin\n" },
      { source: "## Sommaire\n{:.no_toc}\n\nTexte.\n\n## Partie\n{: #partie}\n" },
      { source: "Texte.\n\n```md\nTexte\n## Exemple\n```\n\n> Citation\n> ## Titre cité\n> Suite\n" },
    ],
  },
  check(context) {
    const { lines } = context.post;
    const frontMatter = context.tree.children[0]?.type === "yaml" ? context.tree.children[0] : undefined;
    const bodyFirstLine = (frontMatter ? (linesOf(context, frontMatter)?.last ?? 0) : 0) + 1;
    for (const heading of context.tree.children) {
      const place = heading.type === "heading" ? linesOf(context, heading) : undefined;
      if (!place || isInCode(context, heading)) continue;
      const { first } = place;
      // kramdown attribute lines (`{:.no_toc}`, `{: #id}`) right under a heading belong to it.
      let last = place.last;
      while (last < lines.lineCount && KRAMDOWN_ATTRIBUTES.test(lines.lineText(last + 1))) last++;
      const quote = excerpt(context, heading);
      const start = lines.lineStart(first);
      if (first > bodyFirstLine && !isBlank(lines.lineText(first - 1))) {
        context.report({
          message: {
            fr: `Pas de ligne vide avant le titre «\u00a0${quote}\u00a0»\u00a0: séparez-le du texte qui précède par une ligne vide`,
            en: `No blank line before the heading « ${quote} »: separate it from the text above with a blank line`,
          },
          range: context.rangeAt(start, lines.lineEnd(last)),
          fix: { start, end: start, text: lineBreakAfter(context, first - 1) },
        });
      }
      if (last < lines.lineCount && !isBlank(lines.lineText(last + 1))) {
        // Inserted at the start of the next line, where the next heading's own fix would go: one blank line.
        const next = lines.lineStart(last + 1);
        context.report({
          message: {
            fr: `Pas de ligne vide après le titre «\u00a0${quote}\u00a0»\u00a0: séparez-le du texte qui suit par une ligne vide`,
            en: `No blank line after the heading « ${quote} »: separate it from the text below with a blank line`,
          },
          range: context.rangeAt(start, next),
          fix: { start: next, end: next, text: lineBreakAfter(context, last) },
        });
      }
    }
  },
};
