import { normalizeUrl } from "../../links/http/link-url.js";
import type { Rule } from "../types.js";
import { postLinks, shownLink } from "./post-links.js";

export const httpToHttps: Rule = {
  id: "links/http-to-https",
  category: "links",
  severity: "info",
  docs: {
    title: "Lien http:// vers un site qui répond en https://",
    rationale:
      "Quand un site répond aussi en `https://`, le lien chiffré protège le lecteur et évite une redirection. Le vérificateur de liens demande les deux adresses\u202f; la règle se tait hors ligne.",
    wrong: [
      {
        source: "Voir [le site](http://exemple.fr/page).\n",
        externalLinks: {
          "http://exemple.fr/page": { kind: "alive", status: 200, finalUrl: "http://exemple.fr/page" },
          "https://exemple.fr/page": { kind: "alive", status: 200, finalUrl: "https://exemple.fr/page" },
        },
        findings: [
          {
            message:
              "Lien «\u00a0http://exemple.fr/page\u00a0»\u00a0: le site répond en https://, «\u00a0https://exemple.fr/page\u00a0»",
            line: 1,
            column: 16,
          },
        ],
        fixed: "Voir [le site](https://exemple.fr/page).\n",
      },
    ],
    right: [
      {
        source: "Voir [le site](http://vieux.fr/) et [l'autre](https://exemple.fr/).\n",
        externalLinks: {
          "http://vieux.fr/": { kind: "alive", status: 200, finalUrl: "http://vieux.fr/" },
          "https://vieux.fr/": { kind: "unverified", reason: "certificat invalide" },
        },
      },
    ],
  },
  check(context) {
    if (context.externalLinks.size === 0) return;
    for (const link of postLinks(context)) {
      if (!/^http:\/\//i.test(link.url)) continue;
      const secure = link.url.replace(/^http:/i, "https:");
      const verdict = context.externalLinks.get(normalizeUrl(secure) ?? secure);
      if (verdict?.kind !== "alive") continue;
      const isWritten = /^http:\/\//i.test(context.post.source.slice(link.start, link.end));
      context.report({
        message: {
          fr: `Lien «\u00a0${shownLink(link)}\u00a0»\u00a0: le site répond en https://, «\u00a0${secure}\u00a0»`,
          en: `Link « ${shownLink(link)} »: the site answers on https://, « ${secure} »`,
        },
        range: context.rangeAt(link.start, link.end),
        // Only the scheme changes, and only where it is written as such (not built by Liquid).
        fix: isWritten ? { start: link.start, end: link.start + "http:".length, text: "https:" } : undefined,
        // A new address is a suggestion: a person checks that the secure page is the same page.
        fixNeedsReading: true,
      });
    }
  },
};
