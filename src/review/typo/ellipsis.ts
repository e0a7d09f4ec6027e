import { publishedTypography } from "../../site/published-typography.js";
import type { Localized, Rule, Severity } from "../types.js";
import { followsWordCharacter, frenchBlocks, frenchMatches, reportInProse } from "./french-prose.js";

const THREE_DOTS = /\.{3}(?!\.)/g;
// The lookbehind tries a run of spaces once, from its first space: otherwise a long run is quadratic.
const SPACE_BEFORE = /(?<![ \u00a0\u202f])[ \u00a0\u202f]+(?=…|\.{3}(?!\.))/g;
const ETC = /\betc(?:\.{3}|…|\.{2}(?!\.))/g;

export const ellipsis: Rule = {
  id: "typo/ellipsis",
  category: "typo",
  severity: "warning",
  docs: {
    title: "Points de suspension",
    rationale:
      "Les points de suspension sont un seul caractère, `…`, collé au mot qui précède («\u00a0Use a proper ellipsis character\u00a0», corrigeaient les relecteurs). «\u00a0etc.\u00a0» n’en prend jamais\u00a0: il marque déjà une énumération inachevée. Sur un site Jekyll, kramdown publie `...` en `…`\u00a0: le lecteur voit le bon caractère, et les trois points du texte source ne sont plus qu’une note (`info`).",
    wrong: [
      {
        source: "Nous verrons bien...\n",
        findings: [
          {
            message: "Trois points «\u00a0...\u00a0»\u00a0: le caractère «\u00a0…\u00a0» est attendu",
            line: 1,
            column: 18,
          },
        ],
        fixed: "Nous verrons bien…\n",
      },
      {
        site: { "_config.yml": "title: Blog\n" },
        source: "Nous verrons bien...\n",
        findings: [
          {
            message:
              "Trois points «\u00a0...\u00a0»\u00a0: kramdown les publie bien en «\u00a0…\u00a0», mais le texte source devrait porter ce caractère",
            severity: "info",
            line: 1,
            column: 18,
          },
        ],
        fixed: "Nous verrons bien…\n",
      },
      {
        source: "Nous verrons bien …\n",
        findings: [
          {
            message:
              "Espace avant «\u00a0…\u00a0»\u00a0: les points de suspension se collent au mot qui précède",
            line: 1,
            column: 18,
          },
        ],
        fixed: "Nous verrons bien…\n",
      },
      {
        source: "Des formulaires, des rendez-vous, etc... et etc…\n",
        findings: [
          {
            message: "«\u00a0etc...\u00a0»\u00a0: «\u00a0etc.\u00a0» suffit, sans points de suspension",
            line: 1,
            column: 35,
          },
          {
            message: "«\u00a0etc…\u00a0»\u00a0: «\u00a0etc.\u00a0» suffit, sans points de suspension",
            line: 1,
            column: 45,
          },
        ],
        fixed: "Des formulaires, des rendez-vous, etc. et etc.\n",
      },
    ],
    right: [
      { source: "Nous verrons bien… Une citation […] coupée, `a...b` en code, [lien](https://a.fr/...).\n" },
      { source: "Des formulaires, etc. Et puis… voilà.\n" },
    ],
  },
  check(context) {
    const threeDots = threeDotsReport(publishedTypography(context.site));
    for (const block of frenchBlocks(context)) {
      const etcStarts = new Set<number>();
      for (const match of frenchMatches(block, ETC)) {
        const end = match.index + match[0].length;
        etcStarts.add(match.index + 3);
        reportInProse(
          context,
          block,
          match.index,
          end,
          {
            fr: `«\u00a0${match[0]}\u00a0»\u00a0: «\u00a0etc.\u00a0» suffit, sans points de suspension`,
            en: `« ${match[0]} »: « etc. » is enough, without an ellipsis`,
          },
          { from: match.index + 3, to: end, text: "." },
        );
      }
      for (const match of frenchMatches(block, THREE_DOTS, (previous) => previous !== ".")) {
        if (etcStarts.has(match.index)) continue;
        reportInProse(
          context,
          block,
          match.index,
          match.index + 3,
          threeDots.message,
          { from: match.index, to: match.index + 3, text: "…" },
          threeDots.severity,
        );
      }
      for (const match of frenchMatches(block, SPACE_BEFORE, followsWordCharacter)) {
        const end = match.index + match[0].length;
        reportInProse(
          context,
          block,
          match.index,
          end + 1,
          {
            fr: "Espace avant «\u00a0…\u00a0»\u00a0: les points de suspension se collent au mot qui précède",
            en: "Space before « … »: an ellipsis sticks to the preceding word",
          },
          { from: match.index, to: end, text: "" },
        );
      }
    }
  },
};

/**
 * What to say of `...`. When the site's converter (kramdown's typographic symbols) publishes it as « … », the
 * reader sees the right character: the source is still worth fixing, as the corpus's editors did by hand, but
 * as a note, and the message says so.
 */
function threeDotsReport(published: { converter?: string; ellipsis?: string }): {
  message: Localized;
  severity?: Severity;
} {
  if (published.ellipsis === "…") {
    return {
      message: {
        fr: `Trois points «\u00a0...\u00a0»\u00a0: ${published.converter} les publie bien en «\u00a0…\u00a0», mais le texte source devrait porter ce caractère`,
        en: `Three dots « ... »: ${published.converter} publishes them as « … », but the source should hold that character`,
      },
      severity: "info",
    };
  }
  return {
    message: {
      fr: "Trois points «\u00a0...\u00a0»\u00a0: le caractère «\u00a0…\u00a0» est attendu",
      en: "Three dots « ... »: the character « … » is expected",
    },
  };
}
