import { normalizeUrl } from "../../links/http/link-url.js";
import { isOnSite, siteAddress } from "../../links/resolve-internal.js";
import type { ExternalVerdict } from "../../links/types.js";
import type { Localized, Rule, Severity } from "../types.js";
import { postLinks, shownLink } from "./post-links.js";

/** Only a dead link fails a review; what could not be verified is said, never counted against the post. */
const OUTCOMES: Partial<
  Record<ExternalVerdict["kind"], { severity: Severity; say: (shown: string, reason: string) => Localized }>
> = {
  dead: {
    severity: "error",
    say: (shown, reason) => ({
      fr: `Lien mort «\u00a0${shown}\u00a0»\u00a0: ${reason}`,
      en: `Dead link « ${shown} »: ${reason}`,
    }),
  },
  unverified: {
    severity: "info",
    say: (shown, reason) => ({
      fr: `Lien non vérifié «\u00a0${shown}\u00a0»\u00a0: ${reason}\u202f; vérifiez-le à la main`,
      en: `Link not verified « ${shown} »: ${reason}; check it by hand`,
    }),
  },
  blocked: {
    severity: "warning",
    say: (shown, reason) => ({
      fr: `Lien vers une adresse privée ou locale «\u00a0${shown}\u00a0»\u00a0: ${reason}\u202f; vos lecteurs ne pourront pas l’ouvrir`,
      en: `Link to a private or local address « ${shown} »: ${reason}; readers will not be able to open it`,
    }),
  },
};

export const externalLink: Rule = {
  id: "links/external-link",
  category: "links",
  severity: "error",
  docs: {
    title: "Lien externe mort ou non vérifié",
    rationale:
      "Chaque lien vers un autre site est demandé (HEAD, puis GET) avant la relecture\u00a0: un lien mort (404, 410, domaine inconnu) est une erreur\u202f; un lien que le site refuse de vérifier (401, 403, 429, 5xx, délai dépassé, protection anti-robots) est signalé sans bloquer\u202f; un lien vers une adresse privée ou locale est un avertissement. Hors ligne (`--offline`, `links.external: false`), la règle se tait.",
    wrong: [
      {
        source: "Voir [la page](https://exemple.fr/absente) et [l'autre](https://exemple.fr/lente).\n",
        externalLinks: {
          "https://exemple.fr/absente": { kind: "dead", status: 404, reason: "page introuvable (404)" },
          "https://exemple.fr/lente": { kind: "unverified", reason: "délai dépassé" },
        },
        findings: [
          {
            message: "Lien mort «\u00a0https://exemple.fr/absente\u00a0»\u00a0: page introuvable (404)",
            line: 1,
            column: 16,
          },
          {
            message:
              "Lien non vérifié «\u00a0https://exemple.fr/lente\u00a0»\u00a0: délai dépassé\u202f; vérifiez-le à la main",
            line: 1,
            column: 57,
            severity: "info",
          },
        ],
      },
    ],
    right: [
      {
        source:
          "Voir [la page](https://exemple.fr/ok), [X](https://x.com/a) et [hors ligne](https://inconnu.fr/).\n",
        externalLinks: {
          "https://exemple.fr/ok": { kind: "alive", status: 200, finalUrl: "https://exemple.fr/ok" },
          "https://x.com/a": { kind: "skipped", reason: "hôte ignoré" },
        },
      },
    ],
  },
  check(context) {
    if (context.externalLinks.size === 0) return;
    const address = siteAddress(context.site, context.config.site.url);
    for (const link of postLinks(context)) {
      if (!/^https?:\/\//i.test(link.url) || isOnSite(link.url, address)) continue;
      const key = normalizeUrl(link.url) ?? link.url;
      const verdict = context.externalLinks.get(key);
      const outcome = verdict && OUTCOMES[verdict.kind];
      if (!verdict || !outcome || !("reason" in verdict)) continue;
      context.report({
        message: outcome.say(shownLink(link), verdict.reason),
        range: context.rangeAt(link.start, link.end),
        severity: outcome.severity,
      });
    }
  },
};
