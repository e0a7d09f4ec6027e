import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A Jekyll site of `posts` generated posts for the benchmarks: French prose of ~3 KB each, headings, one
 * term of the lexicon to report, and six internal links of which two are dead (each dead one asks for
 * « did you mean », which compares it with the site's documents).
 * Deterministic, so that two sizes differ only by their number of posts.
 */
export function writeGeneratedSite(root: string, posts: number): void {
  const files: Record<string, string> = {
    "_config.yml": "title: Blog\nurl: https://blog.example.org\ncollections:\n  authors:\n    output: true\n",
    "_authors/claire.md": "---\nfullname: Claire\n---\n",
    ".github/relecteur.yml":
      'lexicon:\n  - use: "Pôle emploi"\n    avoid: ["Pôle Emploi", "Pole emploi"]\n  - use: DevOps\n',
  };
  for (let index = 0; index < posts; index++) files[postPath(index)] = postText(index, posts);
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

function dateOf(index: number): { year: number; month: string; day: string } {
  const year = 2010 + (index % 15);
  const month = String(1 + (Math.floor(index / 15) % 12)).padStart(2, "0");
  const day = String(1 + (Math.floor(index / 180) % 28)).padStart(2, "0");
  return { year, month, day };
}

function slugOf(index: number): string {
  return `atelier-numero-${index}-${["innovation", "donnees", "produit", "equipe"][index % 4]}`;
}

function postPath(index: number): string {
  const { year, month, day } = dateOf(index);
  return `_posts/${year}-${month}-${day}-${slugOf(index)}.md`;
}

function postUrl(index: number): string {
  const { year, month, day } = dateOf(index);
  return `/${year}/${month}/${day}/${slugOf(index)}.html`;
}

const PARAGRAPH =
  "L’équipe a rencontré les agents de Pôle emploi pour comprendre leur métier\u202f; ensemble, ils ont " +
  "testé une première version du service auprès de vingt usagers. Les retours étaient clairs\u00a0: il " +
  "fallait simplifier le formulaire, expliquer chaque étape et répondre en moins de deux jours. La " +
  "démarche DevOps de l’équipe permet de livrer une nouvelle version chaque semaine\u202f!";

function postText(index: number, posts: number): string {
  const other = (index * 7 + 3) % posts;
  const lines = [
    "---",
    `title: Atelier numéro ${index}`,
    "authors: [claire]",
    "---",
    "",
    `Un compte rendu de l’atelier ${index} avec Pôle Emploi, suivi de [l’atelier précédent](${postUrl(other)}).`,
    "",
    "<!--more-->",
    "",
  ];
  for (let section = 1; section <= 4; section++) {
    lines.push(`## Étape ${section}`, "", PARAGRAPH, "");
    const link = section % 2 === 1 ? `[mort](${deadUrl(index, section)})` : `[vivant](${postUrl(other)})`;
    lines.push(
      "- un point sur les *usagers*\u202f;",
      "- un point sur les **agents**\u202f;",
      `- un lien ${link}.`,
      "",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A link close to a real post's URL, but to none: the review looks for the closest one. */
function deadUrl(index: number, section: number): string {
  const { year, month, day } = dateOf(index);
  return `/${year}/${month}/${day}/atelier-numero-${index}${section}-inovation.html`;
}
