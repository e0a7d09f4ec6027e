import type { Rule } from "../types.js";
import { findField, parsedFrontMatter } from "./present-front-matter.js";

/** Front matter fields that themes use for a post's picture. */
const IMAGE_FIELDS = ["image", "cover", "thumbnail", "illustration", "header_image", "og_image", "banner"];

const site = { "_config.yml": "url: https://blog.example.org\n", "img/posts/equipe.jpg": "" };

export const missingImage: Rule = {
  id: "frontmatter/missing-image",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "Image de l’en-tête introuvable",
    rationale:
      "Une image d’en-tête (`image`, `cover`…) qui ne nomme aucun fichier du site donne une vignette cassée sur la page d’accueil et dans les partages. Ajoutez l’image dans la même pull request, ou corrigez le chemin.",
    wrong: [
      {
        site,
        source: "---\ntitle: Bilan\nimage: /img/posts/equipe.png\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "Image «\u00a0/img/posts/equipe.png\u00a0» introuvable dans le site (voulez-vous dire «\u00a0/img/posts/equipe.jpg\u00a0»\u202f?)",
            line: 3,
            column: 8,
          },
        ],
      },
      {
        site,
        source: "---\ntitle: Bilan\ncover: photos/absente.jpg\n---\n\nTexte.\n",
        findings: [
          { message: "Image «\u00a0photos/absente.jpg\u00a0» introuvable dans le site", line: 3, column: 8 },
        ],
      },
    ],
    right: [
      { site, source: "---\ntitle: Bilan\nimage: /img/posts/equipe.jpg\n---\n\nTexte.\n" },
      {
        site,
        source: "---\ntitle: Bilan\nimage: https://blog.example.org/img/posts/equipe.jpg\n---\n\nTexte.\n",
      },
      { site, source: "---\ntitle: Bilan\nimage: https://images.example.com/photo.jpg\n---\n\nTexte.\n" },
      { site, source: "---\ntitle: Bilan\nimage: equipe.jpg\n---\n\nTexte.\n" },
      { source: "---\ntitle: Bilan\nimage: /img/absente.jpg\n---\n\nSans site, la règle se tait.\n" },
    ],
  },
  check(context) {
    const frontMatter = parsedFrontMatter(context);
    if (!frontMatter || !context.site.hasConfig) return;
    for (const key of IMAGE_FIELDS) {
      const value = frontMatter.data[key];
      const field = findField(frontMatter, key);
      if (typeof value !== "string" || !field || value.trim() === "") continue;
      const sitePath = toSitePath(value.trim(), context.site.jekyll.url, context.site.jekyll.baseurl);
      if (sitePath === undefined || imageExists(sitePath, context.site.files)) continue;
      const nearby = sameStemFile(sitePath, context.site.files);
      const hint = nearby
        ? { fr: ` (voulez-vous dire «\u00a0/${nearby}\u00a0»\u202f?)`, en: ` (did you mean « /${nearby} »?)` }
        : { fr: "", en: "" };
      context.report({
        message: {
          fr: `Image «\u00a0${value.trim()}\u00a0» introuvable dans le site${hint.fr}`,
          en: `Image « ${value.trim()} » not found in the site${hint.en}`,
        },
        range: context.rangeAt(field.valueStart, field.valueEnd),
      });
    }
  },
};

/** The file path inside the site that a value names, or undefined for an image hosted elsewhere. */
function toSitePath(value: string, siteUrl: string | undefined, baseurl: string): string | undefined {
  let path = value.replace(/\{\{\s*site\.baseurl\s*\}\}/g, "");
  if (siteUrl && path.startsWith(siteUrl)) path = path.slice(siteUrl.length);
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path)) return undefined;
  if (baseurl && path.startsWith(`${baseurl}/`)) path = path.slice(baseurl.length);
  path = path.replace(/[?#].*$/, "");
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: look the path up as written.
  }
  return path;
}

/** An absolute path must exist at the root; a relative one may be resolved by the theme from any folder. */
function imageExists(path: string, files: ReadonlySet<string>): boolean {
  if (path.startsWith("/")) return files.has(path.slice(1));
  if (files.has(path)) return true;
  for (const file of files) if (file.endsWith(`/${path}`)) return true;
  return false;
}

function sameStemFile(path: string, files: ReadonlySet<string>): string | undefined {
  const stem = path.replace(/^\//, "").replace(/\.[^./]+$/, "");
  for (const file of files) if (file.replace(/\.[^./]+$/, "") === stem) return file;
  return undefined;
}
