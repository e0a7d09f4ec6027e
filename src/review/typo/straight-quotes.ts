import { type PublishedTypography, publishedTypography } from "../../site/published-typography.js";
import { isEnglishAt, type ProseBlock } from "../prose/prose-block.js";
import type { Localized, Rule, RuleContext } from "../types.js";
import { fixSpace, frenchBlocks, reportInProse } from "./french-prose.js";

export const straightQuotes: Rule = {
  id: "typo/straight-quotes",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Guillemets français",
    rationale:
      'En français, on cite entre guillemets «\u00a0…\u00a0», séparés du texte par des espaces insécables\u202f; les guillemets droits `"…"` viennent du clavier. À l’intérieur de guillemets français, on emploie les guillemets anglais “ ”. Sur un site Jekyll, kramdown change les guillemets droits selon son réglage `smart_quotes`\u00a0: par défaut en guillemets anglais “…” (le message dit ce que verra le lecteur, et les guillemets droits à l’intérieur d’une citation, publiés “…”, sont laissés)\u202f; réglé sur `laquo,raquo`, en «\u00a0…\u00a0» sans espaces, et seules manquent les espaces insécables.',
    wrong: [
      {
        source: 'Le service "Mes aides" est ouvert.\n',
        findings: [
          {
            message:
              'Guillemets droits «\u00a0"…"\u00a0»\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
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
              'Guillemets droits «\u00a0"…"\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus',
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
              'Guillemet droit «\u00a0"\u00a0» sans son pendant\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
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
            message:
              'Guillemets droits «\u00a0"…"\u00a0»\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
            line: 1,
            column: 4,
          },
        ],
        fixed: "Le « service ».\n",
      },
      {
        site: { "_config.yml": "title: Blog\n" },
        source: 'Le service "Mes aides" est ouvert.\n',
        findings: [
          {
            message:
              'Guillemets droits «\u00a0"…"\u00a0»\u00a0: le lecteur verra des guillemets «\u00a0“…”\u00a0» (kramdown les convertit), là où les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
            line: 1,
            column: 12,
          },
        ],
        fixed: "Le service «\u00a0Mes aides\u00a0» est ouvert.\n",
      },
      {
        site: { "_config.yml": "kramdown:\n  smart_quotes: lsquo,rsquo,laquo,raquo\n" },
        source: 'Le service "Mes aides" est ouvert.\n',
        findings: [
          {
            message:
              'Guillemets droits «\u00a0"…"\u00a0»\u00a0: kramdown les publie en «\u00a0«…»\u00a0», sans les espaces insécables attendues à l’intérieur',
            line: 1,
            column: 12,
          },
        ],
        fixed: "Le service «\u00a0Mes aides\u00a0» est ouvert.\n",
      },
    ],
    right: [
      {
        source:
          'Le service «\u00a0Mes aides\u00a0» et `"code"`, [lien](https://a.fr/"x") <a href="x">a</a>, à 32", 1\'07.\n',
      },
      { source: 'He said "we will ship it" and they were happy with the result of the work.\n' },
      {
        site: { "_config.yml": "title: Blog\n" },
        source: 'Il a dit «\u00a0le service "Mes aides" marche\u00a0».\n',
      },
      {
        site: { "_config.yml": 'kramdown:\n  smart_quotes: ["apos", "apos", "laquo", "raquo"]\n' },
        config: { typography: { nbsp: "off" } },
        source: 'Le service "Mes aides" est ouvert.\n',
      },
    ],
  },
  check(context) {
    const published = publishedTypography(context.site);
    for (const block of frenchBlocks(context)) checkBlock(context, block, published);
  },
};

function checkBlock(context: RuleContext, block: ProseBlock, published: PublishedTypography): void {
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
        fr: 'Guillemet droit «\u00a0"\u00a0» sans son pendant\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
        en: 'Lone straight quote « " »: French guillemets « « … » » are expected',
      });
      return;
    }
    const isNested = isInsideGuillemets(block.text, open);
    const message = pairMessage(isNested, published, context.config.typography.nbsp === "off");
    if (message === undefined) continue;
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

/**
 * What to say of a pair of straight quotes, given what the site's converter makes of them (kramdown's
 * `smart_quotes`); undefined when the reader sees what is expected.
 */
function pairMessage(
  isNested: boolean,
  published: PublishedTypography,
  isNbspOff: boolean,
): Localized | undefined {
  const quotes = published.doubleQuotes;
  if (quotes === undefined) {
    return isNested
      ? {
          fr: 'Guillemets droits «\u00a0"…"\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus',
          en: 'Straight quotes « "…" » inside a quotation: English quotes « “…” » are expected',
        }
      : {
          fr: 'Guillemets droits «\u00a0"…"\u00a0»\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
          en: 'Straight quotes « "…" »: French guillemets « « … » » are expected',
        };
  }
  const shown = `${quotes.open}…${quotes.close}`;
  const converter = published.converter ?? "";
  const areGuillemets = quotes.open === "«" && quotes.close === "»";
  if (isNested) {
    if (quotes.open === "“" && quotes.close === "”") return undefined;
    return {
      fr: `Guillemets droits «\u00a0"…"\u00a0» dans une citation\u00a0: ${converter} les publie en «\u00a0${shown}\u00a0», les guillemets anglais «\u00a0“…”\u00a0» sont attendus`,
      en: `Straight quotes « "…" » inside a quotation: ${converter} publishes them as « ${shown} », English quotes « “…” » are expected`,
    };
  }
  if (areGuillemets) {
    // The reader sees « » already: only the no-break spaces inside them are missing, if the site wants them.
    if (isNbspOff) return undefined;
    return {
      fr: `Guillemets droits «\u00a0"…"\u00a0»\u00a0: ${converter} les publie en «\u00a0«…»\u00a0», sans les espaces insécables attendues à l’intérieur`,
      en: `Straight quotes « "…" »: ${converter} publishes them as « «…» », without the no-break spaces expected inside`,
    };
  }
  return {
    fr: `Guillemets droits «\u00a0"…"\u00a0»\u00a0: le lecteur verra des guillemets «\u00a0${shown}\u00a0» (${converter} les convertit), là où les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus`,
    en: `Straight quotes « "…" »: the reader will see « ${shown} » (${converter} converts them), where French guillemets « « … » » are expected`,
  };
}
