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
    title: "« {{ site.baseurl }} » dans un lien",
    rationale:
      "Une adresse construite avec `{{ site.baseurl }}` ne fonctionne qu'une fois l'article passé par Jekyll : ni l'aperçu de GitHub ni les éditeurs Markdown ne la comprennent, et les flux qui reprennent le Markdown la gardent telle quelle. Un chemin depuis la racine (`/equipe/`) suffit quand le site n'a pas de `baseurl` ; sinon, le filtre `relative_url` l'ajoute proprement.",
    wrong: [
      {
        source:
          "---\ntitle: Bilan\n---\n\nVoir [l'équipe]({{ site.baseurl }}/equipe/) et ![Logo]({{site.baseurl}}/logo.png).\n",
        findings: [
          {
            message:
              "Adresse « {{ site.baseurl }}/equipe/ » construite avec « {{ site.baseurl }} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « /equipe/ », ou utilisez le filtre « relative_url »",
            line: 5,
            column: 17,
            endLine: 5,
            endColumn: 35,
          },
          {
            message:
              "Adresse « {{site.baseurl}}/logo.png » construite avec « {{site.baseurl}} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « /logo.png », ou utilisez le filtre « relative_url »",
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
              "Adresse « {{ site.baseurl }}/equipe/ » construite avec « {{ site.baseurl }} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « /equipe/ », ou utilisez le filtre « relative_url »",
            line: 1,
            column: 17,
          },
          {
            message:
              "Adresse « {{site.baseurl}}/logo.png » construite avec « {{site.baseurl}} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « /logo.png », ou utilisez le filtre « relative_url »",
            line: 1,
            column: 58,
          },
          {
            message:
              "Adresse « {{site.baseurl}}/plan/ » construite avec « {{site.baseurl}} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « /plan/ », ou utilisez le filtre « relative_url »",
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
              "Adresse « {{ site.baseurl }}/equipe/ » construite avec « {{ site.baseurl }} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; utilisez le filtre « relative_url » : « {{ '/equipe/' | relative_url }} »",
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
              "Adresse « {{ site.baseurl }} » construite avec « {{ site.baseurl }} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; écrivez un chemin depuis la racine, « / », ou utilisez le filtre « relative_url »",
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
                fr: `utilisez le filtre « relative_url » : « {{ '${rootPath || "/"}' | relative_url }} »`,
                en: `use the « relative_url » filter: « {{ '${rootPath || "/"}' | relative_url }} »`,
              }
            : {
                fr: `écrivez un chemin depuis la racine, « ${rootPath || "/"} », ou utilisez le filtre « relative_url »`,
                en: `write a path from the root, « ${rootPath || "/"} », or use the « relative_url » filter`,
              };
          context.report({
            message: {
              fr: `Adresse « ${shown} » construite avec « ${liquid[0]} » : le lien ne fonctionne qu'une fois le site construit par Jekyll, ni dans les aperçus ni dans les flux ; ${advice.fr}`,
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
