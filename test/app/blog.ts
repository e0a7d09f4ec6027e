import { addedFilePatch, type FakeRepository, type PullFile } from "./fake-github.js";

/** The head commit of the pull request in every webhook fixture. */
export const HEAD_SHA = "9f4e2c7a1b3d5e6f708192a3b4c5d6e7f8091a2b";
export const NEXT_HEAD_SHA = "2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";

/**
 * A post with three safe typography fixes on lines 7 and 9 (ordinary spaces before « : », « ! », « ; »)
 * and nothing else to say, written by an author the site knows.
 */
export function postWithFixes(title = "Bilan de l’atelier", author = "jdupont"): string {
  return [
    "---",
    `title: ${title}`,
    "authors:",
    `  - ${author}`,
    "---",
    "",
    "Nous avons appris beaucoup de choses : merci à tous !",
    "",
    "La suite est prévue pour mardi ; venez nombreux.",
    "",
  ].join("\n");
}

/** A post that Relecteur has nothing to say about. */
export function cleanPost(title = "Un article sans remarque"): string {
  return [
    "---",
    `title: ${title}`,
    "authors:",
    "  - jdupont",
    "---",
    "",
    "Un texte court et propre.",
    "",
  ].join("\n");
}

const SITE_FILES: Record<string, string> = {
  "_config.yml":
    "title: Le blog\nurl: https://blog.exemple.fr\ncollections:\n  authors:\n    output: false\n",
  "_authors/jdupont.md": "---\nfullname: Jeanne Dupont\n---\n",
  "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
  "index.md": "---\ntitle: Accueil\n---\n\nBienvenue.\n",
  "_posts/2024-01-15-ancien-article.md": cleanPost("Un ancien article"),
  "assets/logo.png": "PNG",
};

/**
 * The blog of the fixtures (betagouv/blog, pull request #12 at HEAD_SHA): the site's files, plus the
 * given posts, each added by the pull request unless `pullFiles` says otherwise.
 */
export function blogRepository(
  posts: Record<string, string>,
  options: {
    pullFiles?: PullFile[];
    extraFiles?: Record<string, string | Uint8Array>;
    configText?: string;
  } = {},
): FakeRepository {
  return {
    owner: "betagouv",
    repo: "blog",
    repoId: 101,
    pullNumber: 12,
    headSha: HEAD_SHA,
    configText: options.configText ?? "locale: fr\nreview:\n  maxSuggestions: 25\n",
    headFiles: { ...SITE_FILES, ...options.extraFiles, ...posts },
    pullFiles:
      options.pullFiles ??
      Object.entries(posts).map(([filename, text]) => ({
        filename,
        status: "added",
        patch: addedFilePatch(text),
      })),
  };
}

export function postPath(index: number): string {
  return `_posts/2024-03-${String((index % 28) + 1).padStart(2, "0")}-article-${index}.md`;
}
