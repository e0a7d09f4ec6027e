import { formatDate } from "../../site/post-path.js";
import type { Rule } from "../types.js";
import { frontMatterDate } from "./front-matter-date.js";

export const dateMismatch: Rule = {
  id: "frontmatter/date-mismatch",
  category: "frontmatter",
  severity: "warning",
  docs: {
    title: "Date de l’en-tête différente de celle du nom de fichier",
    rationale:
      "Jekyll prend la date de l’en-tête pour l’adresse et la publication de l’article, et celle du nom de fichier sinon\u00a0: deux dates différentes donnent une adresse que personne n’attend.",
    wrong: [
      {
        path: "_posts/2024-03-05-bilan.md",
        source: "---\ntitle: Bilan\ndate: 2024-03-12\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Date de l’en-tête (2024-03-12) différente de celle du nom de fichier (2024-03-05)\u00a0: Jekyll publie à la date de l’en-tête",
            line: 3,
            column: 7,
          },
        ],
      },
    ],
    right: [
      {
        path: "_posts/2024-03-05-bilan.md",
        source: "---\ntitle: Bilan\ndate: 2024-03-05 10:30:00 +0100\n---\n\nTexte.\n",
      },
      { path: "_posts/2024-03-05-bilan.md", source: "---\ntitle: Bilan\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const date = frontMatterDate(context);
    const fileDate = context.post.pathInfo.date;
    if (!date?.day || !fileDate) return;
    const written = formatDate(date.day);
    const fromName = formatDate(fileDate);
    if (written === fromName) return;
    context.report({
      message: {
        fr: `Date de l’en-tête (${written}) différente de celle du nom de fichier (${fromName})\u00a0: Jekyll publie à la date de l’en-tête`,
        en: `Front matter date (${written}) differs from the file name's (${fromName}): Jekyll publishes on the front matter date`,
      },
      range: context.rangeAt(date.field.valueStart, date.field.valueEnd),
    });
  },
};
