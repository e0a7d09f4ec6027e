import { closest } from "../../links/closest.js";
import { targetAnchors } from "../../links/target-anchors.js";
import type { Rule } from "../types.js";
import { internalLinks } from "./post-links.js";

const site = {
  "_config.yml": "url: https://blog.exemple.fr\n",
  "_posts/2024-04-01-annonce-atelier.md":
    "---\ntitle: Annonce de l'atelier\n---\n\n## Le programme\n\nTexte.\n\n## Où ? Quand ?\n\nTexte.\n\n## S'inscrire {#inscription}\n\nTexte.\n",
  "img/plan.png": "",
};

/** Fragments a browser always accepts: the top of the page, and text fragments. */
const ALWAYS_THERE = /^(?:|top|:~:.*)$/is;

export const missingAnchor: Rule = {
  id: "links/missing-anchor",
  category: "links",
  severity: "warning",
  docs: {
    title: "Ancre introuvable",
    rationale:
      "Un lien `#ancre`, vers l’article lui-même ou une autre page du site, doit nommer un identifiant de la page\u00a0: celui que kramdown donne à un titre (en minuscules, accents gardés, ponctuation retirée, espaces changées en tirets, `-1`, `-2` pour les titres répétés), un `{#id}` explicite, une note de bas de page (`#fn:1`) ou un attribut HTML `id`. Sinon le lecteur arrive en haut de la page, sans savoir où regarder.",
    wrong: [
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\n## Présentation de l'équipe\n\nVoir [plus haut](#presentation-de-lequipe).\n",
        findings: [
          {
            message:
              "Ancre «\u00a0#presentation-de-lequipe\u00a0» introuvable\u00a0: aucun titre ni élément de l’article n’a cet identifiant (voulez-vous dire «\u00a0#présentation-de-léquipe\u00a0»\u202f?)",
            line: 7,
            column: 18,
            endLine: 7,
            endColumn: 42,
          },
        ],
      },
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\nLisez [le programme](/2024/04/01/annonce-atelier.html#programme) et [l'inscription]({% post_url 2024-04-01-annonce-atelier %}#inscriptions).\n",
        findings: [
          {
            message:
              "Ancre «\u00a0#programme\u00a0» introuvable dans «\u00a0/2024/04/01/annonce-atelier.html\u00a0»\u00a0: aucun titre ni élément de cette page n’a cet identifiant (voulez-vous dire «\u00a0#le-programme\u00a0»\u202f?)",
            line: 5,
            column: 54,
          },
          {
            message:
              "Ancre «\u00a0#inscriptions\u00a0» introuvable dans «\u00a0/2024/04/01/annonce-atelier.html\u00a0»\u00a0: aucun titre ni élément de cette page n’a cet identifiant (voulez-vous dire «\u00a0#inscription\u00a0»\u202f?)",
            line: 5,
            column: 126,
          },
        ],
      },
    ],
    right: [
      {
        site,
        source:
          '---\ntitle: Bilan\n---\n\n## Présentation de l\'équipe\n\nVoir [plus haut](#présentation-de-léquipe), [la note](#fn:1), [le bas](#bas), [le haut](#top).[^1]\n\n[^1]: Une note.\n\n<a id="bas"></a>\n',
      },
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\n[Programme](/2024/04/01/annonce-atelier#le-programme), [quand](https://blog.exemple.fr/2024/04/01/annonce-atelier.html#où--quand-), [inscription]({% post_url 2024-04-01-annonce-atelier %}#inscription), [plan](/img/plan.png#zone).\n",
      },
      {
        source:
          "---\ntitle: Sans site\n---\n\n[Plus bas](#nulle-part) : sans `_config.yml`, la règle se tait.\n",
      },
    ],
  },
  check(context) {
    for (const { link, resolution } of internalLinks(context)) {
      if (resolution.kind !== "found" || resolution.fragment === undefined) continue;
      const { fragment, document, isSamePost } = resolution;
      if (ALWAYS_THERE.test(fragment)) continue;
      const target = isSamePost ? { isSamePost } : document && { isSamePost, document };
      const anchors = target && targetAnchors(target, context.post, context.site);
      if (!anchors || anchors.ids.has(fragment) || !anchors.isComplete) continue;
      const suggestion = closest(fragment, [...anchors.ids], (id) => id);
      const hint = suggestion
        ? {
            fr: ` (voulez-vous dire «\u00a0#${suggestion}\u00a0»\u202f?)`,
            en: ` (did you mean « #${suggestion} »?)`,
          }
        : { fr: "", en: "" };
      const hash = link.written.lastIndexOf("#");
      const start = hash === -1 ? link.start : link.start + hash;
      context.report({
        message:
          isSamePost || !document
            ? {
                fr: `Ancre «\u00a0#${fragment}\u00a0» introuvable\u00a0: aucun titre ni élément de l’article n’a cet identifiant${hint.fr}`,
                en: `Anchor « #${fragment} » not found: no heading or element of the post has this id${hint.en}`,
              }
            : {
                fr: `Ancre «\u00a0#${fragment}\u00a0» introuvable dans «\u00a0${document.url}\u00a0»\u00a0: aucun titre ni élément de cette page n’a cet identifiant${hint.fr}`,
                en: `Anchor « #${fragment} » not found in « ${document.url} »: no heading or element of that page has this id${hint.en}`,
              },
        range: context.rangeAt(start, link.end),
        expected: suggestion === undefined ? undefined : [`#${suggestion}`],
      });
    }
  },
};
