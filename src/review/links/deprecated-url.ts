import type { Rule } from "../types.js";
import { postLinks, shownLink } from "./post-links.js";

const config = {
  links: { deprecated: [{ prefix: "https://github.com/sgmap/", use: "https://github.com/betagouv/" }] },
};

export const deprecatedUrl: Rule = {
  id: "links/deprecated-url",
  category: "links",
  severity: "warning",
  docs: {
    title: "Adresse dépréciée",
    rationale:
      "Quand une organisation, un dépôt ou un site change d'adresse, les anciennes finissent par casser ou par rediriger ailleurs. `links.deprecated` liste les préfixes à remplacer (`prefix`) et leur remplaçant (`use`) : la correction change le préfixe, et seulement lui. C'est une suggestion, à accepter après lecture (`--fix=all`, ou un clic dans la revue) : `--fix` ne touche jamais une adresse.",
    wrong: [
      {
        config,
        source:
          "---\ntitle: Bilan\n---\n\nLe code est sur [GitHub](https://github.com/sgmap/mes-aides) et <https://github.com/sgmap/openfisca>.\n",
        findings: [
          {
            message:
              "Adresse dépréciée « https://github.com/sgmap/mes-aides » : « https://github.com/sgmap/ » est remplacé par « https://github.com/betagouv/ »",
            line: 5,
            column: 26,
            endLine: 5,
            endColumn: 60,
          },
          {
            message:
              "Adresse dépréciée « https://github.com/sgmap/openfisca » : « https://github.com/sgmap/ » est remplacé par « https://github.com/betagouv/ »",
            line: 5,
            column: 66,
          },
        ],
        fixed:
          "---\ntitle: Bilan\n---\n\nLe code est sur [GitHub](https://github.com/betagouv/mes-aides) et <https://github.com/betagouv/openfisca>.\n",
      },
    ],
    right: [
      {
        config,
        source:
          "---\ntitle: Bilan\n---\n\nLe code est sur [GitHub](https://github.com/betagouv/mes-aides), pas `https://github.com/sgmap/`.\n",
      },
      {
        source:
          "---\ntitle: Bilan\n---\n\nSans `links.deprecated` : [GitHub](https://github.com/sgmap/mes-aides).\n",
      },
    ],
  },
  check(context) {
    const entries = [...context.config.links.deprecated].sort((a, b) => b.prefix.length - a.prefix.length);
    if (entries.length === 0) return;
    for (const link of postLinks(context)) {
      const entry = entries.find((candidate) => link.url.startsWith(candidate.prefix));
      // A replacement that extends its prefix (`/docs/` → `/docs/v2/`) is already there.
      if (!entry || link.url.startsWith(entry.use)) continue;
      // The fix edits the prefix only where the source writes it as is (not through Liquid or escapes).
      const isVerbatim = link.written.startsWith(entry.prefix);
      context.report({
        message: {
          fr: `Adresse dépréciée « ${shownLink(link)} » : « ${entry.prefix} » est remplacé par « ${entry.use} »`,
          en: `Deprecated address « ${shownLink(link)} »: « ${entry.prefix} » is replaced by « ${entry.use} »`,
        },
        range: context.rangeAt(link.start, link.end),
        fix: isVerbatim
          ? { start: link.start, end: link.start + entry.prefix.length, text: entry.use }
          : undefined,
        // A new address is a suggestion, whatever characters change: a person checks where it leads.
        fixNeedsReading: true,
        expected: [`${entry.use}${link.url.slice(entry.prefix.length)}`],
      });
    }
  },
};
