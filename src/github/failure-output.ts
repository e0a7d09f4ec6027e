import { CONFIG_PATH } from "../config/load-config-file.js";
import type { RenderedCheckRun } from "../report/check-run.js";
import { SUMMARY_MARKER } from "../report/summary-comment.js";
import type { Locale } from "../review/types.js";
import type { RepositoryConfigProblem } from "./read-config.js";
import { classifyFailure, githubFailureOf } from "./request-policy.js";

/** The check run's output when a review cannot happen. Pure: data in, text out. */

/** The steps of a review, for the check run of one that failed: « l'étape … a échoué ». */
export type ReviewStep =
  | "list-files"
  | "read-config"
  | "create-check-run"
  | "read-posts"
  | "review"
  | "publish-verdict"
  | "publication"
  | "suggestions"
  | "summary";

const RERUN_FR =
  "Pour relancer la relecture\u00a0: bouton «\u00a0Re-run\u00a0» de la vérification Relecteur (onglet «\u00a0Checks\u00a0» de la pull request), ou un nouveau commit poussé sur la branche.";
const RERUN_EN =
  "To review again: the « Re-run » button of the Relecteur check (the pull request's « Checks » tab), or a new commit pushed to the branch.";

const TEXTS = {
  fr: {
    configTitle: (count: number) =>
      count > 1 ? `Configuration invalide (${count} problèmes)` : "Configuration invalide",
    configIntro: `Relecteur n’a pas relu les articles\u00a0: la configuration \`${CONFIG_PATH}\` de la branche par défaut est invalide.`,
    line: (line: number) => `ligne ${line}`,
    inherited: "configuration héritée (`_extends`)",
    key: (key: string) => `clé \`${key}\``,
    colon: "\u00a0: ",
    configOutro:
      "Corrigez-la sur la branche par défaut, puis relancez la vérification («\u00a0Re-run\u00a0»).",
    crashTitle: "Relecture échouée",
    crashIntro: (step: string) =>
      `Relecteur n’a pas pu terminer la relecture de cette pull request\u00a0: ${step} a échoué.`,
    steps: {
      "list-files": "la lecture de la liste des fichiers",
      "read-config": `la lecture de la configuration \`${CONFIG_PATH}\``,
      "create-check-run": "la création de la vérification",
      "read-posts": "la lecture des articles",
      review: "la relecture des articles",
      "publish-verdict": "l’envoi du résultat de la vérification",
      publication: "l’évaluation de la publication",
      suggestions: "la publication des suggestions",
      summary: "le commentaire de synthèse",
    } satisfies Record<ReviewStep, string>,
    timeout: (seconds: number) => `GitHub n’a pas répondu dans le délai de ${seconds}\u00a0s`,
    network: "GitHub est resté injoignable (erreur réseau)",
    rateLimit: "GitHub a limité le débit des requêtes de Relecteur",
    apiError: (status: number) => `L’API GitHub a répondu par une erreur HTTP ${status}`,
    internalError: "Une erreur interne s’est produite",
    attempts: (count: number) => ` (${count}\u00a0essais)`,
    notJudged: "Les articles n’ont pas été jugés.",
    rerun: RERUN_FR,
    persist: "Si l’erreur persiste, prévenez les mainteneurs de Relecteur.",
    afterVerdict: (step: string) =>
      `⚠️ Le résultat ci-dessus est complet, mais ${step} a échoué ensuite\u00a0:`,
    interruptedTitle: "Relecture interrompue",
    interruptedIntro:
      "Cette relecture s’est arrêtée avant sa fin\u00a0: l’application Relecteur a été arrêtée ou redémarrée pendant qu’elle relisait ce commit.",
    interruptedOutro:
      "Une nouvelle relecture de ce commit a été lancée\u00a0: son résultat est dans la vérification Relecteur la plus récente.",
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
    crashTitle: "Review failed",
    crashIntro: (step: string) => `Relecteur could not finish reviewing this pull request: ${step} failed.`,
    steps: {
      "list-files": "listing the files",
      "read-config": `reading the configuration \`${CONFIG_PATH}\``,
      "create-check-run": "creating the check",
      "read-posts": "reading the posts",
      review: "reviewing the posts",
      "publish-verdict": "sending the check's result",
      publication: "evaluating the publication",
      suggestions: "posting the suggestions",
      summary: "the summary comment",
    } satisfies Record<ReviewStep, string>,
    timeout: (seconds: number) => `GitHub did not answer within ${seconds} s`,
    network: "GitHub could not be reached (network error)",
    rateLimit: "GitHub rate-limited Relecteur's requests",
    apiError: (status: number) => `The GitHub API answered with an HTTP ${status} error`,
    internalError: "An internal error occurred",
    attempts: (count: number) => ` (${count} attempts)`,
    notJudged: "The posts were not judged.",
    rerun: RERUN_EN,
    persist: "If the error persists, tell Relecteur's maintainers.",
    afterVerdict: (step: string) => `⚠️ The result above is complete, but ${step} failed afterwards:`,
    interruptedTitle: "Review interrupted",
    interruptedIntro:
      "This review stopped before its end: the Relecteur app was stopped or restarted while it reviewed this commit.",
    interruptedOutro: "A new review of this commit has started: its result is in the latest Relecteur check.",
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

/** Why a request or a review failed, in words a contributor can act on: no message, URL or stack trace. */
export function failureReason(error: unknown, locale: Locale): string {
  const texts = TEXTS[locale];
  const facts = githubFailureOf(error) ?? { failure: classifyFailure(error, 0), attempts: 1 };
  const { failure } = facts;
  const reason =
    failure.kind === "timeout"
      ? texts.timeout(Math.ceil(failure.timeoutMs / 1000))
      : failure.kind === "network"
        ? texts.network
        : failure.kind === "rate-limit"
          ? texts.rateLimit
          : failure.kind === "http"
            ? texts.apiError(failure.status)
            : texts.internalError;
  return `${reason}${facts.attempts > 1 ? texts.attempts(facts.attempts) : ""}.`;
}

/** A review that threw before its verdict: which step, why, and how to run it again. */
export function crashOutput(error: unknown, step: ReviewStep, locale: Locale): RenderedCheckRun {
  const texts = TEXTS[locale];
  return {
    conclusion: "failure",
    title: texts.crashTitle,
    summary: [
      texts.crashIntro(texts.steps[step]),
      "",
      failureReason(error, locale),
      "",
      `${texts.notJudged} ${texts.rerun} ${texts.persist}`,
    ].join("\n"),
    annotationBatches: [],
  };
}

/** Added to the verdict's summary when a later step (suggestions, summary comment) fails. */
export function afterVerdictNote(error: unknown, step: ReviewStep, locale: Locale): string {
  const texts = TEXTS[locale];
  return `${texts.afterVerdict(texts.steps[step])} ${failureReason(error, locale)} ${texts.rerun}`;
}

/** A run left in progress by a review that died with its process. */
export function interruptedOutput(locale: Locale): RenderedCheckRun {
  const texts = TEXTS[locale];
  return {
    conclusion: "failure",
    title: texts.interruptedTitle,
    summary: [texts.interruptedIntro, "", `${texts.interruptedOutro} ${texts.rerun}`].join("\n"),
    annotationBatches: [],
  };
}

/** The summary comment's review part when not even a completed check run could be created. */
export function failureSummaryComment(value: RenderedCheckRun): string {
  return `${SUMMARY_MARKER}\n## ${value.title}\n\n${value.summary}\n`;
}
