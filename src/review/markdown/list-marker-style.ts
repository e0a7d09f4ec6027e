import type { ListItem } from "mdast";
import { visit } from "unist-util-visit";
import type { RelatedLocation, Rule } from "../types.js";
import { excerpt, isInCode } from "./source.js";

/*
 * Written by hand rather than wrapping remark-lint-unordered-list-marker-style: task lists (`- [ ]`)
 * must neither follow nor set the style, which the plugin cannot express, and the rule is otherwise
 * the same ten lines (the marker is the character at each unordered list item's start offset).
 */
type Marker = "-" | "*" | "+";

export const listMarkerStyle: Rule = {
  id: "markdown/list-marker-style",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Puces de liste mélangées",
    rationale:
      "Une même puce pour toutes les listes non ordonnées (`markdown.listMarker`, ou celle de la première liste de l’article par défaut) rend la source régulière\u202f; changer de puce au milieu d’une liste la coupe même en deux listes.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\n- Pommes\n- Poires\n\nTexte.\n\n* Cerises\n  + Griottes\n",
        findings: [
          {
            message:
              "Puce «\u00a0*\u00a0» dans «\u00a0* Cerises\u00a0»\u00a0: les listes de l’article commencent par «\u00a0-\u00a0»\u202f; utilisez «\u00a0-\u00a0»",
            line: 10,
            column: 1,
            endLine: 10,
            endColumn: 2,
          },
          {
            message:
              "Puce «\u00a0+\u00a0» dans «\u00a0+ Griottes\u00a0»\u00a0: les listes de l’article commencent par «\u00a0-\u00a0»\u202f; utilisez «\u00a0-\u00a0»",
            line: 11,
            column: 3,
          },
        ],
        fixed: "---\ntitle: Bilan\n---\n\n- Pommes\n- Poires\n\nTexte.\n\n- Cerises\n  - Griottes\n",
      },
      {
        config: { markdown: { listMarker: "*" } },
        source: "> - Pommes\n> - *Poires* mûres\n",
        findings: [
          {
            message:
              "Puce «\u00a0-\u00a0» dans «\u00a0- Pommes\u00a0»\u00a0: la configuration (markdown.listMarker) demande «\u00a0*\u00a0»\u202f; utilisez «\u00a0*\u00a0»",
            line: 1,
            column: 3,
          },
          {
            message:
              "Puce «\u00a0-\u00a0» dans «\u00a0- *Poires* mûres\u00a0»\u00a0: la configuration (markdown.listMarker) demande «\u00a0*\u00a0»\u202f; utilisez «\u00a0*\u00a0»",
            line: 2,
            column: 3,
          },
        ],
        fixed: "> * Pommes\n> * *Poires* mûres\n",
      },
    ],
    right: [
      {
        source:
          "- [ ] À faire\n* [x] Fait\n\n* Pommes\n* *Poires*\n\n1. Un\n2. Deux\n\n*Texte* en italique.\n",
      },
      {
        source:
          "- Pommes\n\n```yaml\ntags:\n  * faux\n```\n\n{% highlight yaml %}\n* faux\n{% endhighlight %}\n",
      },
      { config: { markdown: { listMarker: "+" } }, source: "+ Pommes\n+ Poires\n" },
    ],
  },
  check(context) {
    const configured = context.config.markdown.listMarker;
    let expected: Marker | undefined = configured === "consistent" ? undefined : configured;
    let first: RelatedLocation | undefined;
    visit(context.tree, "list", (list) => {
      if (list.ordered) return;
      for (const item of list.children) {
        const offset = item.position?.start.offset;
        if (offset === undefined || isTask(item) || isInCode(context, item)) continue;
        const marker = context.post.source[offset];
        if (marker !== "-" && marker !== "*" && marker !== "+") continue;
        if (!expected) {
          expected = marker;
          first = {
            range: context.rangeAt(offset, offset + 1),
            message: { fr: "Première puce de l’article", en: "The post's first bullet" },
          };
        }
        if (marker === expected) continue;
        const quote = excerpt(context, item);
        const reason = first
          ? {
              fr: `les listes de l’article commencent par «\u00a0${expected}\u00a0»`,
              en: `the post's lists start with « ${expected} »`,
            }
          : {
              fr: `la configuration (markdown.listMarker) demande «\u00a0${expected}\u00a0»`,
              en: `the configuration (markdown.listMarker) asks for « ${expected} »`,
            };
        context.report({
          message: {
            fr: `Puce «\u00a0${marker}\u00a0» dans «\u00a0${quote}\u00a0»\u00a0: ${reason.fr}\u202f; utilisez «\u00a0${expected}\u00a0»`,
            en: `Bullet « ${marker} » in « ${quote} »: ${reason.en}; use « ${expected} »`,
          },
          range: context.rangeAt(offset, offset + 1),
          fix: { start: offset, end: offset + 1, text: expected },
          ...(first ? { related: [first] } : {}),
        });
      }
    });
  },
};

function isTask(item: ListItem): boolean {
  return typeof item.checked === "boolean";
}
