import { visit } from "unist-util-visit";
import type { Rule } from "../types.js";
import { excerpt, isInCode } from "./source.js";

/*
 * Written by hand: remark-lint has no installed plugin for "no level-1 heading at all" (its
 * no-multiple-toplevel-headings counts the first one as legitimate), and the rule is one visit.
 */
export const noH1: Rule = {
  id: "markdown/no-h1",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Titre de niveau 1 dans le texte",
    rationale:
      "Le thème affiche le titre de l’en-tête (`title`) comme titre de niveau 1 de la page\u00a0: un second `#` dans le texte brouille le plan de l’article pour les lecteurs d’écran et les moteurs de recherche. Les intertitres commencent au niveau 2, `##`.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\n# Notre bilan\n\nTexte.\n",
        findings: [
          {
            message:
              "Titre de niveau 1 «\u00a0# Notre bilan\u00a0» dans le texte\u00a0: le titre de l’article est déjà le seul titre de niveau 1\u202f; utilisez «\u00a0##\u00a0»",
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 14,
          },
        ],
      },
      {
        source: "---\ntitle: Bilan\n---\n\nNotre bilan\n===========\n\nTexte.\n",
        findings: [
          {
            message:
              "Titre de niveau 1 «\u00a0Notre bilan\u00a0» souligné de «\u00a0=\u00a0» dans le texte\u00a0: le titre de l’article est déjà le seul titre de niveau 1\u202f; soulignez-le de «\u00a0-\u00a0» ou utilisez «\u00a0##\u00a0»",
            line: 5,
            column: 1,
            endLine: 6,
            endColumn: 12,
          },
        ],
      },
    ],
    right: [
      { source: "---\ntitle: Bilan\n---\n\n## Notre bilan\n\nTexte.\n\nSuite\n-----\n" },
      {
        source:
          "---\ntitle: Bilan\n---\n\n```sh\n# un commentaire\n```\n\n{% highlight bash %}\n# un autre\n{% endhighlight %}\n\n#hashtag\n",
      },
    ],
  },
  check(context) {
    visit(context.tree, "heading", (heading) => {
      if (heading.depth !== 1 || !heading.position || isInCode(context, heading)) return;
      const quote = excerpt(context, heading);
      const setext = heading.position.end.line > heading.position.start.line;
      const shape = setext
        ? { fr: " souligné de «\u00a0=\u00a0»", en: " underlined with « = »" }
        : { fr: "", en: "" };
      const advice = setext
        ? {
            fr: "soulignez-le de «\u00a0-\u00a0» ou utilisez «\u00a0##\u00a0»",
            en: "underline it with « - » or use « ## »",
          }
        : { fr: "utilisez «\u00a0##\u00a0»", en: "use « ## »" };
      context.report({
        message: {
          fr: `Titre de niveau 1 «\u00a0${quote}\u00a0»${shape.fr} dans le texte\u00a0: le titre de l’article est déjà le seul titre de niveau 1\u202f; ${advice.fr}`,
          en: `Level-1 heading « ${quote} »${shape.en} in the body: the post's title is already the only level-1 heading; ${advice.en}`,
        },
        range: context.rangeOf(heading),
      });
    });
  },
};
