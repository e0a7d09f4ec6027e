import { isCalendarDate } from "../../site/post-path.js";
import type { Rule } from "../types.js";
import { frontMatterDate } from "./front-matter-date.js";

export const invalidDate: Rule = {
  id: "frontmatter/invalid-date",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Date qui n’existe pas",
    rationale:
      "Un 30 février ou un mois 13 dans le nom du fichier ou dans l’en-tête\u00a0: Jekyll refuse l’article ou le date d’un autre jour.",
    wrong: [
      {
        path: "_posts/2023-02-30-bilan.md",
        source: "---\ntitle: Bilan\n---\n\nTexte.\n",
        findings: [
          {
            message: "Date impossible dans le nom du fichier\u00a0: 2023-02-30 n’existe pas",
            line: 1,
            column: 1,
          },
        ],
      },
      {
        path: "_posts/2023-03-01-bilan.md",
        source: "---\ntitle: Bilan\ndate: 2023-13-01\n---\n\nTexte.\n",
        findings: [
          { message: "Date impossible dans l’en-tête\u00a0: 2023-13-01 n’existe pas", line: 3, column: 7 },
        ],
      },
    ],
    right: [
      {
        path: "_posts/2024-02-29-bissextile.md",
        source: "---\ntitle: Bilan\ndate: 2024-02-29\n---\n\nTexte.\n",
      },
    ],
  },
  check(context) {
    const { dateText, date } = context.post.pathInfo;
    if (dateText && !date) {
      context.report({
        message: {
          fr: `Date impossible dans le nom du fichier\u00a0: ${dateText} n’existe pas`,
          en: `Impossible date in the file name: ${dateText} does not exist`,
        },
        range: context.rangeAt(0, 0),
      });
    }
    const written = frontMatterDate(context);
    if (written?.day && !isCalendarDate(written.day)) {
      const text = written.written.slice(0, 10);
      context.report({
        message: {
          fr: `Date impossible dans l’en-tête\u00a0: ${text} n’existe pas`,
          en: `Impossible date in the front matter: ${text} does not exist`,
        },
        range: context.rangeAt(written.field.valueStart, written.field.valueEnd),
      });
    }
  },
};
