import { visit } from "unist-util-visit";
import type { Localized, Rule } from "../types.js";
import { codeSpans, isInside, lineSpanOf, type Span, shorten } from "./source.js";

/*
 * Written by hand: no remark-lint plugin for it is installed (remark-lint-hard-break-spaces only looks
 * at hard breaks). Lines are scanned in the source; the tree says where code, the front matter, raw
 * HTML whose text is kept as is (`<pre>`, `<script>`, `<style>`, `<textarea>`) and hard breaks are.
 */
const RAW_HTML = /^<(?:pre|script|style|textarea)\b/i;

/**
 * The spaces and tabs ending a line, found from the end: `/[ \t]+$/` would retry from every blank of a long
 * run inside the line and take quadratic time.
 */
function trailingBlanks(text: string): { index: number; 0: string } | undefined {
  let index = text.length;
  while (index > 0 && (text[index - 1] === " " || text[index - 1] === "\t")) index--;
  return index === text.length ? undefined : { index, 0: text.slice(index) };
}

export const noTrailingSpaces: Rule = {
  id: "markdown/no-trailing-spaces",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Espaces en fin de ligne",
    rationale:
      "Les espaces en fin de ligne sont invisibles à l’écran mais polluent les différences entre versions. Seule exception\u00a0: exactement deux espaces à la fin d’une ligne de paragraphe, qui forcent un retour à la ligne.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\nUne phrase.   \nSuite.\t\n  \nFin.  \n",
        findings: [
          {
            message:
              "3 espaces en fin de ligne après «\u00a0phrase.\u00a0»\u00a0: un retour à la ligne forcé n’en demande que deux",
            line: 5,
            column: 12,
            endLine: 5,
            endColumn: 15,
          },
          {
            message:
              "1 tabulation en fin de ligne après «\u00a0Suite.\u00a0»\u00a0: la ligne doit finir sur «\u00a0Suite.\u00a0»",
            line: 6,
            column: 7,
          },
          {
            message: "2 espaces sur une ligne vide\u00a0: une ligne vide ne contient rien",
            line: 7,
            column: 1,
          },
          {
            message:
              "2 espaces en fin de ligne après «\u00a0Fin.\u00a0»\u00a0: la ligne doit finir sur «\u00a0Fin.\u00a0»",
            line: 8,
            column: 5,
          },
        ],
        fixed: "---\ntitle: Bilan\n---\n\nUne phrase.  \nSuite.\n\nFin.\n",
      },
      {
        source: "---\r\ntitle: Bilan\r\n---\r\n\r\n## Chiffres \r\n\r\nTexte.\r\n",
        findings: [
          {
            message:
              "1 espace en fin de ligne après «\u00a0Chiffres\u00a0»\u00a0: la ligne doit finir sur «\u00a0Chiffres\u00a0»",
            line: 5,
            column: 12,
          },
        ],
        fixed: "---\r\ntitle: Bilan\r\n---\r\n\r\n## Chiffres\r\n\r\nTexte.\r\n",
      },
    ],
    right: [
      { source: "---\ntitle: Bilan   \n---\n\nPremière ligne,  \nseconde ligne.\n" },
      {
        source: "Texte.\n\n```js\nconst a = 1;   \n```\n\n    indenté   \n\nDu `code  \nsur deux lignes`.\n",
      },
      { source: "<pre>\nligne   \n</pre>\n\n{% highlight ruby %}\nputs 1   \n{% endhighlight %}\n" },
      { source: "Première ligne,  \r\nseconde ligne.\r\n" },
    ],
  },
  check(context) {
    const { lines } = context.post;
    const ignored: Span[] = [...codeSpans(context)];
    const breaks = new Set<number>();
    visit(context.tree, (node) => {
      if (node.type === "yaml" || (node.type === "html" && RAW_HTML.test(node.value))) {
        ignored.push(lineSpanOf(context, node));
      } else if (node.type === "break" && node.position) breaks.add(node.position.start.offset ?? -1);
    });
    for (let line = 1; line <= lines.lineCount; line++) {
      const text = lines.lineText(line);
      const match = trailingBlanks(text);
      if (!match) continue;
      const start = lines.lineStart(line) + match.index;
      const end = start + match[0].length;
      if (isInside(ignored, start)) continue;
      const spaces = describe(match[0]);
      const before = text.slice(0, match.index);
      const word = shorten(before.split(/[ \t]/).at(-1) ?? "", 30);
      const isBreak = breaks.has(start) && /^ +$/.test(match[0]);
      if (isBreak && match[0].length === 2) continue;
      let message: Localized;
      if (word === "") {
        message = {
          fr: `${spaces.fr} sur une ligne vide\u00a0: une ligne vide ne contient rien`,
          en: `${spaces.en} on a blank line: a blank line holds nothing`,
        };
      } else if (isBreak) {
        message = {
          fr: `${spaces.fr} en fin de ligne après «\u00a0${word}\u00a0»\u00a0: un retour à la ligne forcé n’en demande que deux`,
          en: `${spaces.en} at the end of the line after « ${word} »: a hard line break needs only two`,
        };
      } else {
        message = {
          fr: `${spaces.fr} en fin de ligne après «\u00a0${word}\u00a0»\u00a0: la ligne doit finir sur «\u00a0${word}\u00a0»`,
          en: `${spaces.en} at the end of the line after « ${word} »: the line should end with « ${word} »`,
        };
      }
      context.report({
        message,
        range: context.rangeAt(start, end),
        fix: { start: isBreak ? start + 2 : start, end, text: "" },
      });
    }
  },
};

/** « 3 espaces », « 1 tabulation », « 2 espaces et 1 tabulation ». */
function describe(run: string): Localized {
  const tabs = run.split("\t").length - 1;
  const spaces = run.length - tabs;
  const fr: string[] = [];
  const en: string[] = [];
  if (spaces > 0) {
    fr.push(`${spaces} espace${spaces > 1 ? "s" : ""}`);
    en.push(`${spaces} space${spaces > 1 ? "s" : ""}`);
  }
  if (tabs > 0) {
    fr.push(`${tabs} tabulation${tabs > 1 ? "s" : ""}`);
    en.push(`${tabs} tab${tabs > 1 ? "s" : ""}`);
  }
  return { fr: fr.join(" et "), en: en.join(" and ") };
}
