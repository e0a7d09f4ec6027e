import { CONFIG_PATH } from "../config/load-config-file.js";
import type { RenderedCheckRun } from "../report/check-run.js";
import type { Locale } from "../review/types.js";
import { httpStatusOf } from "./github-client.js";
import type { RepositoryConfigProblem } from "./read-config.js";

/** The check run's output when a review cannot happen. Pure: data in, text out. */

const TEXTS = {
  fr: {
    configTitle: (count: number) =>
      count > 1 ? `Configuration invalide (${count} problèmes)` : "Configuration invalide",
    configIntro: `Relecteur n'a pas relu les articles\u202f: la configuration \`${CONFIG_PATH}\` de la branche par défaut est invalide.`,
    line: (line: number) => `ligne ${line}`,
    inherited: "configuration héritée (`_extends`)",
    key: (key: string) => `clé \`${key}\``,
    colon: "\u202f: ",
    configOutro:
      "Corrigez-la sur la branche par défaut, puis relancez la vérification («\u202fRe-run\u202f»).",
    crashTitle: "Relecture interrompue",
    crashIntro: "Relecteur n'a pas pu terminer la relecture de cette pull request.",
    apiError: (status: number) => `L'API GitHub a répondu par une erreur HTTP ${status}.`,
    internalError: "Une erreur interne s'est produite.",
    crashOutro:
      "Les articles n'ont pas été jugés\u202f: relancez la vérification («\u202fRe-run\u202f»)\u202f; si l'erreur persiste, prévenez les mainteneurs de Relecteur.",
  },
  en: {
    configTitle: (count: number) =>
      count > 1 ? `Invalid configuration (${count} problems)` : "Invalid configuration",
    configIntro: `Relecteur did not review the posts: the configuration \`${CONFIG_PATH}\` on the default branch is invalid.`,
    line: (line: number) => `line ${line}`,
    inherited: "inherited configuration (`_extends`)",
    key: (key: string) => `key \`${key}\``,
    colon: ": ",
    configOutro: "Fix it on the default branch, then re-run the check.",
    crashTitle: "Review interrupted",
    crashIntro: "Relecteur could not finish reviewing this pull request.",
    apiError: (status: number) => `The GitHub API answered with an HTTP ${status} error.`,
    internalError: "An internal error occurred.",
    crashOutro:
      "The posts were not judged: re-run the check; if the error persists, tell Relecteur's maintainers.",
  },
} as const;

/** One line per problem, naming the key and the line of `.github/relecteur.yml` it sits on. */
export function configProblemsOutput(
  problems: readonly RepositoryConfigProblem[],
  locale: Locale,
): RenderedCheckRun {
  const texts = TEXTS[locale];
  const lines = problems.map((problem) => {
    const where =
      problem.line === undefined ? texts.inherited : `${CONFIG_PATH}, ${texts.line(problem.line)}`;
    const key = problem.key === "" ? "" : ` (${texts.key(problem.key)})`;
    return `- ${where}${key}${texts.colon}${problem.message}`;
  });
  return {
    conclusion: "failure",
    title: texts.configTitle(problems.length),
    summary: [texts.configIntro, "", ...lines, "", texts.configOutro].join("\n"),
    annotationBatches: [],
  };
}

/** A review that threw: what happened, in words a contributor can act on, without a stack trace. */
export function crashOutput(error: unknown, locale: Locale): RenderedCheckRun {
  const texts = TEXTS[locale];
  const status = httpStatusOf(error);
  return {
    conclusion: "failure",
    title: texts.crashTitle,
    summary: [
      texts.crashIntro,
      "",
      status === undefined ? texts.internalError : texts.apiError(status),
      "",
      texts.crashOutro,
    ].join("\n"),
    annotationBatches: [],
  };
}
