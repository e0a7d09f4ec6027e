import { visit } from "unist-util-visit";
import type { Rule } from "../types.js";
import { isInCode, shorten, spanOf } from "./source.js";

/*
 * Written by hand: there is no remark-lint plugin for Liquid. remark parses `[a]({{site.baseurl}}/x)`
 * as a link but not `[a]({{ site.baseurl }}/x)` (a destination cannot hold spaces): that one stays
 * text. So the rule reads the source of links, images, definitions and text nodes alike, looking for
 * `](` or `]:` and, in the destination that follows (up to `)` or the end of the line), the Liquid tag.
 */
const DESTINATION_START = /\](?:\(|:[ \t]*)/g;
const BASEURL = /\{\{-?\s*site\.baseurl\s*-?\}\}/g;
const SCANNED = new Set(["link", "image", "definition", "text"]);
/** A link title after the address: `"…"`, `'…'` or `(…)`. */
const TITLE = /\s+(?:"[^"]*"|'[^']*'|\([^)]*\)?)\s*$/;

const site = { "_config.yml": "title: Blog\n" };

export const noBaseurlInLink: Rule = {
  id: "markdown/no-baseurl-in-link",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "«\u00a0{{ site.baseurl }}\u00a0» dans un lien",
    rationale:
      "Une adresse construite avec `{{ site.baseurl }}` ne fonctionne qu’une fois l’article passé par Jekyll\u00a0: ni l’aperçu de GitHub ni les éditeurs Markdown ne la comprennent, et les flux qui reprennent le Markdown la gardent telle quelle. Un chemin depuis la racine (`/equipe/`) suffit quand le site n’a pas de `baseurl`\u202f; sinon, le filtre `relative_url` l’ajoute proprement.",
    wrong: [
      {
        source:
          "---\ntitle: Bilan\n---\n\nVoir [l'équipe]({{ site.baseurl }}/equipe/) et ![Logo]({{site.baseurl}}/logo.png).\n",
        findings: [
          {
            message:
              "Adresse «\u00a0{{ site.baseurl }}/equipe/\u00a0» construite avec «\u00a0{{ site.baseurl }}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/equipe/\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 5,
            column: 17,
            endLine: 5,
            endColumn: 35,
          },
          {
            message:
              "Adresse «\u00a0{{site.baseurl}}/logo.png\u00a0» construite avec «\u00a0{{site.baseurl}}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/logo.png\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 5,
            column: 56,
          },
        ],
      },
      {
        site,
        source:
          "Voir [l'équipe]({{ site.baseurl }}/equipe/), [le *logo*]({{site.baseurl}}/logo.png) et [plan].\n\n[plan]: {{site.baseurl}}/plan/\n",
        findings: [
          {
            message:
              "Adresse «\u00a0{{ site.baseurl }}/equipe/\u00a0» construite avec «\u00a0{{ site.baseurl }}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/equipe/\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 1,
            column: 17,
          },
          {
            message:
              "Adresse «\u00a0{{site.baseurl}}/logo.png\u00a0» construite avec «\u00a0{{site.baseurl}}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/logo.png\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 1,
            column: 58,
          },
          {
            message:
              "Adresse «\u00a0{{site.baseurl}}/plan/\u00a0» construite avec «\u00a0{{site.baseurl}}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/plan/\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 3,
            column: 9,
          },
        ],
      },
      {
        site: { "_config.yml": "baseurl: /blog\n" },
        source: "Voir [l'équipe]({{ site.baseurl }}/equipe/ \"L'équipe\").\n",
        findings: [
          {
            message:
              "Adresse «\u00a0{{ site.baseurl }}/equipe/\u00a0» construite avec «\u00a0{{ site.baseurl }}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; utilisez le filtre «\u00a0relative_url\u00a0»\u00a0: «\u00a0{{ '/equipe/' | relative_url }}\u00a0»",
            line: 1,
            column: 17,
          },
        ],
      },
      {
        site,
        source: "Retour à [l'accueil]({{ site.baseurl }}).\n",
        findings: [
          {
            message:
              "Adresse «\u00a0{{ site.baseurl }}\u00a0» construite avec «\u00a0{{ site.baseurl }}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; écrivez un chemin depuis la racine, «\u00a0/\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»",
            line: 1,
            column: 22,
          },
        ],
      },
    ],
    right: [
      { site, source: 'Voir [l\'équipe](/equipe/) et [le plan]({{ "/plan/" | relative_url }}).\n' },
      {
        site,
        source:
          "Écrivez `[a]({{ site.baseurl }}/x)`.\n\n```md\n[a]({{site.baseurl}}/x)\n```\n\nLe tag {{ site.baseurl }} seul.\n",
      },
    ],
  },
  check(context) {
    const { source } = context.post;
    const seen = new Set<number>();
    visit(context.tree, (node) => {
      if (!SCANNED.has(node.type) || isInCode(context, node)) return;
      const { start, end } = spanOf(node);
      const text = source.slice(start, end);
      for (const opening of text.matchAll(DESTINATION_START)) {
        const from = opening.index + opening[0].length;
        const destination = text.slice(from).split(opening[0] === "](" ? /[)\n]/ : /\r?\n/)[0] ?? "";
        const target = destination.replace(TITLE, "").trim().replace(/^<|>$/g, "");
        for (const liquid of destination.matchAll(BASEURL)) {
          const at = start + from + liquid.index;
          if (seen.has(at)) continue;
          seen.add(at);
          const rootPath = target.replace(BASEURL, "").trim();
          const shown = shorten(target);
          const range = context.rangeAt(at, at + liquid[0].length);
          // Under a `baseurl`, a bare root path would 404: only the filter keeps the link right.
          const hasBaseurl = context.site.jekyll.baseurl !== "";
          const advice = hasBaseurl
            ? {
                fr: `utilisez le filtre «\u00a0relative_url\u00a0»\u00a0: «\u00a0{{ '${rootPath || "/"}' | relative_url }}\u00a0»`,
                en: `use the « relative_url » filter: « {{ '${rootPath || "/"}' | relative_url }} »`,
              }
            : {
                fr: `écrivez un chemin depuis la racine, «\u00a0${rootPath || "/"}\u00a0», ou utilisez le filtre «\u00a0relative_url\u00a0»`,
                en: `write a path from the root, « ${rootPath || "/"} », or use the « relative_url » filter`,
              };
          context.report({
            message: {
              fr: `Adresse «\u00a0${shown}\u00a0» construite avec «\u00a0${liquid[0]}\u00a0»\u00a0: le lien ne fonctionne qu’une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux\u202f; ${advice.fr}`,
              en: `Address « ${shown} » built with « ${liquid[0]} »: the link works only once Jekyll has built the site, neither in previews nor in feeds; ${advice.en}`,
            },
            // No fix: `--fix` never edits a URL, even where the built address would stay the same.
            range,
            expected: rootPath === "" ? [] : [rootPath],
          });
        }
      }
    });
  },
};
