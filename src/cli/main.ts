import { parseCheckOptions } from "./check-options.js";
import type { CliIo } from "./io.js";
import { packageRoot } from "./package-root.js";
import { UsageError } from "./usage-error.js";

export const USAGE = `Usage\u00a0: relecteur <commande> [options]

Commandes\u00a0:
  check [CHEMIN…]      relit des articles ou des dossiers d’articles (par défaut\u00a0: tout le site)
  review --base REF    dans un dépôt git, relit les articles modifiés entre REF et --head (par défaut HEAD)
                       comme le ferait l’application pour une pull request, et affiche son commentaire
  init [--site DIR]    écrit .github/relecteur.yml d’après ce que montre le site (sans jamais le remplacer)
  explain RÈGLE        explique une règle, avec ses exemples (relecteur explain typo/nbsp-before-colon)
  preview [ARTICLE…]   écrit l’aperçu de chaque article dans la mise en page du site (--out DIR)

Options de check\u00a0:
  --site DIR           racine du site (par défaut\u00a0: le dossier qui contient _config.yml)
  --config FILE        configuration (par défaut\u00a0: <racine>/.github/relecteur.yml)
  --stdin              lit un article sur l’entrée standard\u202f; --path NOM le nomme
  --only CAT,CAT       restreint aux catégories frontmatter, markdown, typo, lexicon, links
  --offline            aucune requête vers des liens externes
  --no-cache           sans le cache des liens externes (fichier sous ~/.cache/relecteur)
  --fix                applique les corrections sûres, qui ne changent que les espaces et la
                       ponctuation (avec --stdin\u00a0: écrit l’article corrigé)
  --fix=all            applique aussi les suggestions, qui changent des lettres (accents,
                       majuscules, ordinaux, abréviations, charte, adresses)\u00a0: relisez le résultat
  --format FORMAT      text (défaut), json, github ou sarif
  --severity NIVEAU    n’affiche que ce niveau et les plus graves\u00a0: info (défaut), warning, error
  --changed-since REF  seulement les articles modifiés depuis REF (git diff, copie de travail comprise),
                       et seulement les remarques de leurs lignes modifiées (review.scope)
  --debug              affiche la pile d’appels d’un échec

Options de preview\u00a0:
  --out DIR            dossier où écrire les pages (DIR/<chemin de l’URL>), styles et images à côté
  --theme DIR          copie locale du thème distant (remote_theme)\u202f; les fichiers du site l’emportent
  --commit SHA         commit affiché dans le bandeau de l’aperçu
  --site DIR, --config FILE, --debug   comme pour check

Options de review\u00a0: --head REF, --config FILE, --offline, --no-cache.

Code de sortie\u00a0: 0 sans erreur, 1 si une erreur est trouvée, 2 pour un mauvais usage ou un échec.
`;

/** Runs the command line in-process; returns its exit status. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const debug = rest.includes("--debug");
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${packageRoot().version}\n`);
      return 0;
    }
    if (command === "check") {
      if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout(USAGE);
        return 0;
      }
      const options = parseCheckOptions(rest);
      // Each command is imported when it runs: `check` loads neither the preview (Sass, Liquid) nor `init`.
      return await (await import("./check-command.js")).runCheck(options, io);
    }
    if (command === "review") {
      if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout(USAGE);
        return 0;
      }
      // Loaded on demand: a `check` run does not pay for git, summaries and the comment's renderer.
      const { runReview } = await import("./review-command.js");
      return await runReview(rest, io);
    }
    if (command === "explain") return (await import("./explain-command.js")).runExplain(rest, io);
    if (command === "init") return (await import("./init-command.js")).runInit(rest, io);
    if (command === "preview") {
      if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout(USAGE);
        return 0;
      }
      const { parsePreviewOptions, runPreview } = await import("./preview-command.js");
      return await runPreview(parsePreviewOptions(rest), io);
    }
    throw new UsageError(`commande inconnue «\u00a0${command}\u00a0» (relecteur --help)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`relecteur: ${error.message}\n`);
      return 2;
    }
    io.stderr(`relecteur: échec\u00a0: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}
