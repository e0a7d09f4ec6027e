import type { Localized, Rule } from "../types.js";
import { postLinks, shownLink } from "./post-links.js";

/** An address of RFC 5322's common form: no space, one `@`, a domain with a dot. */
const EMAIL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

export const invalidMailto: Rule = {
  id: "links/invalid-mailto",
  category: "links",
  severity: "error",
  docs: {
    title: "Lien `mailto:` invalide",
    rationale:
      "Un lien `mailto:` ouvre la messagerie du lecteur avec l’adresse déjà remplie\u00a0: une espace, une adresse sans `@` ou sans domaine, un `%` mal encodé, et le message part nulle part. L’objet et le texte (`?subject=…&body=…`) s’encodent\u00a0: `%20` pour une espace.",
    wrong: [
      {
        source:
          "---\ntitle: Contact\n---\n\n[Écrivez-nous](mailto:contact @exemple.gouv.fr) ou [là](mailto:contact.exemple.gouv.fr).\n",
        findings: [
          {
            message:
              "Lien «\u00a0mailto:contact @exemple.gouv.fr\u00a0» invalide\u00a0: «\u00a0contact @exemple.gouv.fr\u00a0» n’est pas une adresse électronique (une adresse ne contient pas d’espace)",
            line: 5,
            column: 16,
            endLine: 5,
            endColumn: 47,
          },
          {
            message:
              "Lien «\u00a0mailto:contact.exemple.gouv.fr\u00a0» invalide\u00a0: «\u00a0contact.exemple.gouv.fr\u00a0» n’est pas une adresse électronique",
            line: 5,
            column: 57,
          },
        ],
      },
      {
        source:
          '---\ntitle: Contact\n---\n\n[Écrivez-nous](mailto:contact@exemple.gouv.fr?subject=Une question) ou <a href="mailto:">ici</a>.\n',
        findings: [
          {
            message:
              "Lien «\u00a0mailto:contact@exemple.gouv.fr?subject=Une question\u00a0» invalide\u00a0: espace dans l’objet ou le texte du message, à écrire «\u00a0%20\u00a0»",
            line: 5,
            column: 16,
          },
          {
            message: "Lien «\u00a0mailto:\u00a0» invalide\u00a0: aucune adresse",
            line: 5,
            column: 81,
          },
        ],
      },
    ],
    right: [
      {
        source:
          "---\ntitle: Contact\n---\n\n[Écrivez-nous](mailto:contact@exemple.gouv.fr?subject=Une%20question), <contact@exemple.gouv.fr>, [nous deux](mailto:a@exemple.fr,b@exemple.fr) et `mailto:du code`.\n",
      },
    ],
  },
  check(context) {
    for (const link of postLinks(context)) {
      if (!/^mailto:/i.test(link.url)) continue;
      const problem = mailtoProblem(link.url.slice("mailto:".length));
      if (!problem) continue;
      const shown = shownLink(link);
      context.report({
        message: {
          fr: `Lien «\u00a0${shown}\u00a0» invalide\u00a0: ${problem.fr}`,
          en: `Invalid link « ${shown} »: ${problem.en}`,
        },
        range: context.rangeAt(link.start, link.end),
      });
    }
  },
};

/** What makes a `mailto:` unusable (RFC 6068), or undefined. */
function mailtoProblem(rest: string): Localized | undefined {
  const question = rest.indexOf("?");
  const to = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? "" : rest.slice(question + 1);
  if (to.trim() === "" && query.trim() === "") {
    return { fr: "aucune adresse", en: "no address" };
  }
  for (const written of to === "" ? [] : to.split(",")) {
    const address = decode(written);
    if (address === undefined) {
      return {
        fr: `«\u00a0${written}\u00a0» contient un «\u00a0%\u00a0» mal encodé`,
        en: `« ${written} » holds a badly encoded « % »`,
      };
    }
    if (EMAIL.test(address.trim())) continue;
    const hasSpace = /\s/.test(address.trim());
    return {
      fr: `«\u00a0${address}\u00a0» n’est pas une adresse électronique${hasSpace ? " (une adresse ne contient pas d’espace)" : ""}`,
      en: `« ${address} » is not an email address${hasSpace ? " (an address holds no space)" : ""}`,
    };
  }
  if (/\s/.test(query)) {
    return {
      fr: "espace dans l’objet ou le texte du message, à écrire «\u00a0%20\u00a0»",
      en: "space in the subject or body, to be written « %20 »",
    };
  }
  if (decode(query) === undefined) {
    return {
      fr: "l’objet ou le texte contient un «\u00a0%\u00a0» mal encodé",
      en: "the subject or body holds a badly encoded « % »",
    };
  }
  return undefined;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
