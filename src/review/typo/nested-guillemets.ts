import { isEnglishAt, type ProseBlock } from "../prose/prose-block.js";
import type { Fix, Rule, RuleContext } from "../types.js";
import { frenchBlocks, isNoBreakSpace, isSpace } from "./french-prose.js";

/**
 * What the fix replaces, in the source, between a guillemet and the quotation: spaces written as such. Not an
 * entity (`&nbsp;`): removing it would remove letters from the source, and a fix never does.
 */
const OPENING_SOURCE = /^«[ \t\u00a0\u202f\u2009]*$/;
const CLOSING_SOURCE = /^[ \t\u00a0\u202f\u2009]*»$/;

export const nestedGuillemets: Rule = {
  id: "typo/nested-guillemets",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Guillemets dans des guillemets",
    rationale:
      "Une citation dans une citation s’écrit entre guillemets anglais “ ”, collés au texte\u00a0: «\u00a0il a dit “oui” hier\u00a0». Des chevrons «\u00a0» dans des chevrons brouillent l’endroit où chaque citation finit.",
    wrong: [
      {
        source: "Elle répète «\u00a0le mot «\u00a0agile\u00a0» est usé\u00a0» depuis un an.\n",
        findings: [
          {
            message:
              "Guillemets «\u00a0«\u00a0…\u00a0»\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus",
            line: 1,
            column: 22,
            endLine: 1,
            endColumn: 31,
          },
        ],
        fixed: "Elle répète «\u00a0le mot “agile” est usé\u00a0» depuis un an.\n",
      },
      {
        // The emphasis stays: only the guillemets and their spaces change.
        source: "Il dit « c'est « *le* projet » de l'année ».\n",
        findings: [
          {
            message:
              "Guillemets «\u00a0«\u00a0…\u00a0»\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus",
            line: 1,
            column: 16,
          },
        ],
        fixed: "Il dit « c'est “*le* projet” de l'année ».\n",
      },
      {
        // Spaces written as entities: reported, left to a person.
        source: "Il dit «&nbsp;c'est «&nbsp;le projet&nbsp;» de l'année&nbsp;».\n",
        findings: [
          {
            message:
              "Guillemets «\u00a0«\u00a0…\u00a0»\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus",
            line: 1,
            column: 21,
          },
        ],
      },
    ],
    right: [
      { source: "Elle répète «\u00a0le mot “agile” est usé\u00a0» et «\u00a0un autre\u00a0».\n" },
      // Unbalanced: a quotation that goes on in the next paragraph, or a typo; no guess.
      { source: "Il dit «\u00a0le mot «\u00a0agile\u00a0» est usé.\n\n«\u00a0Et ensuite\u00a0».\n" },
      { source: "Un «\u00a0mot\u00a0», `« code « x » »` et «\u00a0fin\u00a0».\n" },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) checkBlock(context, block);
  },
};

function checkBlock(context: RuleContext, block: ProseBlock): void {
  const text = block.text;
  const count = (mark: string) => text.split(mark).length - 1;
  if (!text.includes("«") || count("«") !== count("»")) return;
  const open: { index: number; nested: boolean }[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "«") open.push({ index, nested: open.length > 0 });
    else if (text[index] === "»") {
      const pair = open.pop();
      if (pair?.nested && !isEnglishAt(block, pair.index)) report(context, block, pair.index, index);
    }
  }
}

function report(context: RuleContext, block: ProseBlock, open: number, close: number): void {
  const source = context.post.source;
  const start = block.starts[open] as number;
  const end = block.ends[close] as number;
  let quoteStart = open + 1;
  while (isSpace(block.text[quoteStart]) || isNoBreakSpace(block.text[quoteStart])) quoteStart++;
  let quoteEnd = close;
  while (isSpace(block.text[quoteEnd - 1]) || isNoBreakSpace(block.text[quoteEnd - 1])) quoteEnd--;
  const openingEnd = block.ends[quoteStart - 1] as number;
  const closingStart = block.starts[quoteEnd] as number;
  let fix: Fix | undefined;
  if (
    quoteStart < quoteEnd &&
    OPENING_SOURCE.test(source.slice(start, openingEnd)) &&
    CLOSING_SOURCE.test(source.slice(closingStart, end))
  ) {
    fix = { start, end, text: `“${source.slice(openingEnd, closingStart)}”` };
  }
  context.report({
    message: {
      fr: "Guillemets «\u00a0«\u00a0…\u00a0»\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus",
      en: "Guillemets « « … » » inside a quotation: English quotes « “…” » are expected",
    },
    range: context.rangeAt(start, end),
    fix,
  });
}
