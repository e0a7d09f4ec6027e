import { isEnglishAt, type ProseBlock } from "../prose/prose-block.js";
import type { Rule, RuleContext } from "../types.js";
import { fixSpace, frenchBlocks, reportInProse } from "./french-prose.js";

export const straightQuotes: Rule = {
  id: "typo/straight-quotes",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Guillemets français",
    rationale:
      'En français, on cite entre guillemets « … », séparés du texte par des espaces insécables ; les guillemets droits "…" viennent du clavier. À l\'intérieur de guillemets français, on emploie les guillemets anglais “ ”.',
    wrong: [
      {
        source: 'Le service "Mes aides" est ouvert.\n',
        findings: [
          {
            message: 'Guillemets droits « "…" » : les guillemets français « « … » » sont attendus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 23,
          },
        ],
        fixed: "Le service «\u00a0Mes aides\u00a0» est ouvert.\n",
      },
      {
        source: 'Il a dit «\u00a0le service "Mes aides" marche\u00a0».\n',
        findings: [
          {
            message:
              'Guillemets droits « "…" » dans une citation : les guillemets anglais « “…” » sont attendus',
            line: 1,
            column: 23,
          },
        ],
        fixed: "Il a dit «\u00a0le service “Mes aides” marche\u00a0».\n",
      },
      {
        source: 'Un guillemet " seul.\n',
        findings: [
          {
            message:
              'Guillemet droit « " » sans son pendant : les guillemets français « « … » » sont attendus',
            line: 1,
            column: 14,
          },
        ],
      },
      {
        config: { typography: { nbsp: "off" } },
        source: 'Le "service".\n',
        findings: [
          {
            message: 'Guillemets droits « "…" » : les guillemets français « « … » » sont attendus',
            line: 1,
            column: 4,
          },
        ],
        fixed: "Le « service ».\n",
      },
    ],
    right: [
      {
        source:
          'Le service «\u00a0Mes aides\u00a0» et `"code"`, [lien](https://a.fr/"x") <a href="x">a</a>, à 32", 1\'07.\n',
      },
      { source: 'He said "we will ship it" and they were happy with the result of the work.\n' },
    ],
  },
  check(context) {
    for (const block of frenchBlocks(context)) checkBlock(context, block);
  },
};

function checkBlock(context: RuleContext, block: ProseBlock): void {
  const quotes: number[] = [];
  for (let index = block.text.indexOf('"'); index !== -1; index = block.text.indexOf('"', index + 1)) {
    // `32"` is seconds or inches, not a quotation mark.
    const isMeasure = /\d/.test(block.text[index - 1] ?? "") && !/\p{L}/u.test(block.text[index + 1] ?? "");
    if (!isEnglishAt(block, index) && !isMeasure) quotes.push(index);
  }
  for (let pair = 0; pair < quotes.length; pair += 2) {
    const open = quotes[pair] as number;
    const close = quotes[pair + 1];
    if (close === undefined) {
      reportInProse(context, block, open, open + 1, {
        fr: 'Guillemet droit « " » sans son pendant : les guillemets français « « … » » sont attendus',
        en: 'Lone straight quote « " »: French guillemets « « … » » are expected',
      });
      return;
    }
    const isNested = isInsideGuillemets(block.text, open);
    const message = isNested
      ? {
          fr: 'Guillemets droits « "…" » dans une citation : les guillemets anglais « “…” » sont attendus',
          en: 'Straight quotes « "…" » inside a quotation: English quotes « “…” » are expected',
        }
      : {
          fr: 'Guillemets droits « "…" » : les guillemets français « « … » » sont attendus',
          en: 'Straight quotes « "…" »: French guillemets « « … » » are expected',
        };
    const inner = block.text.slice(open + 1, close);
    const space = fixSpace(context.config, "wide");
    const replacement = isNested ? `“${inner}”` : `«${space}${inner.trim()}${space}»`;
    // One fix for the pair, so that no half-converted quotation can be left behind.
    reportInProse(context, block, open, close + 1, message, { from: open, to: close + 1, text: replacement });
  }
}

function isInsideGuillemets(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.lastIndexOf("«") > before.lastIndexOf("»");
}
