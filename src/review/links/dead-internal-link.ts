import type { InternalResolution } from "../../links/resolve-internal.js";
import type { ExtractedLink } from "../../links/types.js";
import type { Localized, Rule } from "../types.js";
import { internalLinks, shownLink } from "./post-links.js";

const site = {
  "_config.yml": "url: https://blog.exemple.fr\ncollections:\n  pages:\n    output: true\n",
  "_posts/2024-04-01-annonce-atelier.md": "---\ntitle: Annonce de l'atelier\n---\n\nTexte.\n",
  "_pages/contact.md": "---\ntitle: Contact\npermalink: /contact/\n---\n\nÉcrivez-nous.\n",
  "img/logo.png": "",
};

/** A written address that looks like a domain name: the `https://` was forgotten, so it is a relative path. */
const DOMAIN_LIKE = /^(?:www\.|[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|io|gouv\.fr)(?:\/|$))/i;
/** A written address that looks like an email address: `mailto:` was forgotten. */
const EMAIL_LIKE = /^[^/@\s]+@[\w-]+(?:\.[\w-]+)+(?:\?|$)/;

export const deadInternalLink: Rule = {
  id: "links/dead-internal-link",
  category: "links",
  severity: "error",
  docs: {
    title: "Lien interne mort",
    rationale:
      "Un lien vers le site lui-même (chemin depuis la racine, chemin relatif à l’adresse de l’article, adresse complète du site, `{% post_url %}`, `{% link %}`) doit mener à une page, un article, un document de collection ou un fichier du dépôt, y compris ceux ajoutés dans la même pull request. Les adresses avec ou sans `.html` et avec ou sans barre finale se valent, comme chez la plupart des hébergeurs. Un `{% post_url %}` vers un article absent arrête même la construction du site.",
    wrong: [
      {
        site,
        source: "---\ntitle: Bilan\n---\n\nLisez [l'annonce](/2024/04/01/annonce.html).\n",
        findings: [
          {
            message:
              "Lien interne «\u00a0/2024/04/01/annonce.html\u00a0»\u00a0: aucune page du site à cette adresse (voulez-vous dire «\u00a0/2024/04/01/annonce-atelier.html\u00a0»\u202f?)",
            line: 5,
            column: 19,
            endLine: 5,
            endColumn: 43,
          },
        ],
      },
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\n![Logo](/img/logo.jpg)\n\nÉcrivez-nous : [contact](https://www.blog.exemple.fr/contacts/).\n",
        findings: [
          {
            message:
              "Image interne «\u00a0/img/logo.jpg\u00a0»\u00a0: aucun fichier du site à cette adresse (voulez-vous dire «\u00a0/img/logo.png\u00a0»\u202f?)",
            line: 5,
            column: 9,
          },
          {
            message:
              "Lien interne «\u00a0https://www.blog.exemple.fr/contacts/\u00a0»\u00a0: aucune page du site à cette adresse (voulez-vous dire «\u00a0https://www.blog.exemple.fr/contact/\u00a0»\u202f?)",
            line: 7,
            column: 26,
          },
        ],
      },
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\nVoir [l'annonce]({% post_url 2024-04-01-annonce %}) et [la suite](suite.html).\n",
        findings: [
          {
            message:
              "Article introuvable pour «\u00a0{% post_url 2024-04-01-annonce %}\u00a0»\u00a0: aucun article de ce nom, et Jekyll arrête la construction du site (voulez-vous dire «\u00a02024-04-01-annonce-atelier\u00a0»\u202f?)",
            line: 5,
            column: 18,
          },
          {
            message:
              "Lien interne «\u00a0suite.html\u00a0» (soit «\u00a0/2024/03/05/suite.html\u00a0» depuis l’adresse de l’article)\u00a0: aucune page du site à cette adresse",
            line: 5,
            column: 67,
          },
        ],
      },
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\nNotre partenaire : [Exemple](www.exemple.fr).\n\n[Écrivez-nous](contact@exemple.fr).\n",
        findings: [
          {
            message:
              "Lien interne «\u00a0www.exemple.fr\u00a0» (soit «\u00a0/2024/03/05/www.exemple.fr\u00a0» depuis l’adresse de l’article)\u00a0: aucune page du site à cette adresse (une adresse externe commence par «\u00a0https://\u00a0»)",
            line: 5,
            column: 30,
          },
          {
            message:
              "Lien interne «\u00a0contact@exemple.fr\u00a0» (soit «\u00a0/2024/03/05/contact@exemple.fr\u00a0» depuis l’adresse de l’article)\u00a0: aucune page du site à cette adresse (un lien vers une adresse électronique commence par «\u00a0mailto:\u00a0»)",
            line: 7,
            column: 16,
          },
        ],
      },
      {
        site: { ...site, "_config.yml": "baseurl: /blog\n" },
        source: "---\ntitle: Bilan\n---\n\nLisez [l'annonce](/2024/04/01/annonce-atelier.html).\n",
        findings: [
          {
            message:
              "Lien interne «\u00a0/2024/04/01/annonce-atelier.html\u00a0»\u00a0: aucune page du site à cette adresse (voulez-vous dire «\u00a0/blog/2024/04/01/annonce-atelier.html\u00a0»\u202f?)",
            line: 5,
            column: 19,
          },
        ],
      },
    ],
    right: [
      {
        site,
        source:
          "---\ntitle: Bilan\n---\n\nLisez [l'annonce](/2024/04/01/annonce-atelier), [l'annonce aussi]({% post_url 2024-04-01-annonce-atelier %}) et [la même](https://blog.exemple.fr/2024/04/01/annonce-atelier.html#programme).\n\n![Logo]({{ site.baseurl }}/img/logo.png) [Contact](/contact) [Accueil](/) [Ailleurs](https://ailleurs.fr/nulle-part)\n",
      },
      {
        site,
        path: "_posts/2024-05-02-suite.md",
        source:
          '---\ntitle: Suite\n---\n\nLisez [l\'annonce](../../04/01/annonce-atelier.html) et <a href="/contact/">écrivez-nous</a>.\n',
      },
      {
        site,
        source:
          "---\ntitle: Code\n---\n\nÉcrivez `[a](/nulle-part)`.\n\n```md\n![x](/img/absente.png)\n```\n",
      },
      {
        source:
          "---\ntitle: Sans site\n---\n\n[Nulle part](/nulle-part) : sans `_config.yml`, la règle se tait.\n",
      },
    ],
  },
  check(context) {
    for (const { link, resolution } of internalLinks(context)) {
      if (resolution.kind !== "missing") continue;
      context.report({
        message: messageFor(link, resolution),
        range: context.rangeAt(link.start, link.end),
        expected: resolution.suggestion === undefined ? undefined : [resolution.suggestion],
      });
    }
  },
};

function messageFor(
  link: ExtractedLink,
  resolution: Extract<InternalResolution, { kind: "missing" }>,
): Localized {
  const shown = shownLink(link);
  const { suggestion } = resolution;
  const hint = suggestion
    ? {
        fr: ` (voulez-vous dire «\u00a0${suggestion}\u00a0»\u202f?)`,
        en: ` (did you mean « ${suggestion} »?)`,
      }
    : EMAIL_LIKE.test(link.url)
      ? {
          fr: " (un lien vers une adresse électronique commence par «\u00a0mailto:\u00a0»)",
          en: " (a link to an email address starts with « mailto: »)",
        }
      : DOMAIN_LIKE.test(link.url)
        ? {
            fr: " (une adresse externe commence par «\u00a0https://\u00a0»)",
            en: " (an external address starts with « https:// »)",
          }
        : { fr: "", en: "" };
  if (resolution.tag === "post_url") {
    return {
      fr: `Article introuvable pour «\u00a0${shown}\u00a0»\u00a0: aucun article de ce nom, et Jekyll arrête la construction du site${hint.fr}`,
      en: `No post for « ${shown} »: no post has that name, and Jekyll stops building the site${hint.en}`,
    };
  }
  if (resolution.tag === "link") {
    return {
      fr: `Fichier introuvable pour «\u00a0${shown}\u00a0»\u00a0: aucun fichier du site à ce chemin, et Jekyll arrête la construction du site${hint.fr}`,
      en: `No file for « ${shown} »: no file of the site has that path, and Jekyll stops building the site${hint.en}`,
    };
  }
  const isRelative = !/^(?:[a-z][a-z0-9+.-]*:|\/|\{)/i.test(link.written);
  const resolved = isRelative
    ? {
        fr: ` (soit «\u00a0${resolution.path}\u00a0» depuis l’adresse de l’article)`,
        en: ` (that is « ${resolution.path} » from the post's address)`,
      }
    : { fr: "", en: "" };
  const what =
    link.kind === "image"
      ? { fr: "Image interne", en: "Internal image", none: "aucun fichier", noneEn: "no file" }
      : link.kind === "html-src"
        ? { fr: "Fichier interne", en: "Internal file", none: "aucun fichier", noneEn: "no file" }
        : { fr: "Lien interne", en: "Internal link", none: "aucune page", noneEn: "no page" };
  return {
    fr: `${what.fr} «\u00a0${shown}\u00a0»${resolved.fr}\u00a0: ${what.none} du site à cette adresse${hint.fr}`,
    en: `${what.en} « ${shown} »${resolved.en}: ${what.noneEn} of the site at this address${hint.en}`,
  };
}
