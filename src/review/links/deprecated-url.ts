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
      "Quand une organisation, un dépôt ou un site change d’adresse, les anciennes finissent par casser ou par rediriger ailleurs. `links.deprecated` liste les préfixes à remplacer (`prefix`) et leur remplaçant (`use`)\u00a0: la correction change le préfixe, et seulement lui. C’est une suggestion, à accepter après lecture (`--fix=all`, ou un clic dans la revue)\u00a0: `--fix` ne touche jamais une adresse.",
    wrong: [
      {
        config,
        source:
          "---\ntitle: Bilan\n---\n\nLe code est sur [GitHub](https://github.com/sgmap/mes-aides) et <https://github.com/sgmap/openfisca>.\n",
        findings: [
          {
            message:
              "Adresse dépréciée «\u00a0https://github.com/sgmap/mes-aides\u00a0»\u00a0: «\u00a0https://github.com/sgmap/\u00a0» est remplacé par «\u00a0https://github.com/betagouv/\u00a0»",
            line: 5,
            column: 26,
            endLine: 5,
            endColumn: 60,
          },
          {
            message:
              "Adresse dépréciée «\u00a0https://github.com/sgmap/openfisca\u00a0»\u00a0: «\u00a0https://github.com/sgmap/\u00a0» est remplacé par «\u00a0https://github.com/betagouv/\u00a0»",
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
          fr: `Adresse dépréciée «\u00a0${shownLink(link)}\u00a0»\u00a0: «\u00a0${entry.prefix}\u00a0» est remplacé par «\u00a0${entry.use}\u00a0»`,
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
