import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { Localized, Rule, RuleContext } from "../types.js";
import { codeSpans, excerpt, isInside, linesOf, offsetAfterLine } from "./source.js";

/*
 * Written by hand, on the same idea as remark-lint-no-consecutive-blank-lines (the lines between two
 * sibling blocks): the plugin also reports a single blank line at the end of the file or of a quote
 * and tells neither where the gap starts nor ends, which the fix needs. Code blocks and raw HTML are
 * leaves of the tree, so their own blank lines are never looked at; Liquid `{% highlight %}` blocks are
 * skipped by offset.
 */
const BLANK_IN_CONTAINER = /^[ \t>]*$/;

export const noConsecutiveBlankLines: Rule = {
  id: "markdown/no-consecutive-blank-lines",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Lignes vides à la suite",
    rationale:
      "Markdown ne tient compte que d’une ligne vide entre deux blocs\u00a0: les suivantes ne changent rien à la page et aèrent la source de façon trompeuse.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\nTexte.\n\n\n\n## Suite\n\nFin.\n\n\n",
        findings: [
          {
            message: "3 lignes vides à la suite avant «\u00a0## Suite\u00a0»\u00a0: une seule suffit",
            line: 7,
            column: 1,
            endLine: 9,
            endColumn: 1,
          },
          {
            message: "2 lignes vides à la suite en fin de fichier\u00a0: une seule suffit",
            line: 13,
            column: 1,
          },
        ],
        fixed: "---\ntitle: Bilan\n---\n\nTexte.\n\n## Suite\n\nFin.\n\n",
      },
      {
        source: "---\r\ntitle: Bilan\r\n---\r\n\r\n\r\nTexte.\r\n\r\n\r\n- Un\r\n",
        findings: [
          {
            message: "2 lignes vides à la suite avant «\u00a0Texte.\u00a0»\u00a0: une seule suffit",
            line: 5,
            column: 1,
          },
          {
            message: "2 lignes vides à la suite avant «\u00a0- Un\u00a0»\u00a0: une seule suffit",
            line: 8,
            column: 1,
          },
        ],
        fixed: "---\r\ntitle: Bilan\r\n---\r\n\r\nTexte.\r\n\r\n- Un\r\n",
      },
      {
        source: "> Citation.\n>\n>\n> Suite.\n\n- Un\n\n\n  Deux.\n",
        findings: [
          {
            message: "2 lignes vides à la suite avant «\u00a0Suite.\u00a0»\u00a0: une seule suffit",
            line: 3,
            column: 1,
          },
          {
            message: "2 lignes vides à la suite avant «\u00a0Deux.\u00a0»\u00a0: une seule suffit",
            line: 8,
            column: 1,
          },
        ],
        fixed: "> Citation.\n>\n> Suite.\n\n- Un\n\n  Deux.\n",
      },
    ],
    right: [
      { source: "---\ntitle: Bilan\n---\n\nTexte.\n\n## Suite\n\nFin.\n\n" },
      { source: "Texte.\n\n```py\na = 1\n\n\nb = 2\n```\n\n<!--\n\n\n-->\n" },
      { source: "Texte.\n\n{% highlight py %}\na = 1\n\n\nb = 2\n{% endhighlight %}\n" },
      { source: "" },
    ],
  },
  check(context) {
    const { lines } = context.post;
    // The file's last line is empty when the file ends with a line break: it is no blank line.
    const lastLine = lines.lineText(lines.lineCount) === "" ? lines.lineCount - 1 : lines.lineCount;
    checkChildren(context, context.tree.children, 1, lastLine, END_OF_FILE);
    visit(context.tree, (node) => {
      if (node.type === "root" || !("children" in node)) return;
      // A quote's own `>` lines before its first block and after its last one count too.
      const quote = node.type === "blockquote" ? linesOf(context, node) : undefined;
      checkChildren(context, node.children, quote?.first, quote?.last, END_OF_QUOTE);
    });
  },
};

/**
 * Checks the lines between sibling blocks and, when the container's first and last lines are given,
 * before the first block and after the last one.
 */
function checkChildren(
  context: RuleContext,
  children: readonly Node[],
  first: number | undefined,
  last: number | undefined,
  end: Localized,
): void {
  let line = first;
  for (const child of children) {
    const place = linesOf(context, child);
    if (!place) continue;
    if (line !== undefined) checkGap(context, line, place.first - 1, child);
    line = place.last + 1;
  }
  if (line !== undefined && last !== undefined) checkGap(context, line, last, end);
}

const END_OF_FILE: Localized = { fr: "en fin de fichier", en: "at the end of the file" };
const END_OF_QUOTE: Localized = { fr: "à la fin de la citation", en: "at the end of the quote" };

/**
 * Reports blank lines `first`…`last` (1-based, inclusive) when there are two or more, keeping the first;
 * `next` is the block they precede, or where they are.
 */
function checkGap(context: RuleContext, first: number, last: number, next: Node | Localized): void {
  const count = last - first + 1;
  if (count < 2) return;
  const { lines } = context.post;
  const start = lines.lineStart(first + 1);
  if (isInside(codeSpans(context), start)) return;
  for (let line = first; line <= last; line++) {
    if (!BLANK_IN_CONTAINER.test(lines.lineText(line))) return;
  }
  const end = offsetAfterLine(context, last);
  const where = "type" in next ? before(excerpt(context, next)) : next;
  context.report({
    message: {
      fr: `${count} lignes vides à la suite ${where.fr}\u00a0: une seule suffit`,
      en: `${count} blank lines in a row ${where.en}: one is enough`,
    },
    range: context.rangeAt(start, end),
    fix: { start, end, text: "" },
  });
}

function before(quote: string): Localized {
  return { fr: `avant «\u00a0${quote}\u00a0»`, en: `before « ${quote} »` };
}
