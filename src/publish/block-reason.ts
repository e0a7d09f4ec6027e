import { codeSpan, escapeInline } from "../report/markdown-inline.js";
import { wallTimeAt } from "./zoned-time.js";

/**
 * Why Relecteur does not publish a pull request: a code, the data behind it, and the French sentence
 * that the summary comment shows. The codes are listed in the order the reasons are reported:
 * configuration first, then the files, the pull request's state, approvals, checks, mergeability and
 * the publication date, so that an author can fix everything in one pass.
 */

export type IgnoredApprovalCause = "older-commit" | "no-write-permission" | "own-approval";

export interface BlockReasonData {
  "config-invalid": { key: string; problem: string };
  "publish-disabled": Record<string, never>;
  "path-not-allowed": { path: string };
  "file-removed": { path: string };
  "files-unlisted": { listed: number; total: number };
  "no-post": Record<string, never>;
  "not-open": Record<string, never>;
  draft: Record<string, never>;
  "blocking-label": { label: string };
  "missing-label": { label: string };
  "missing-approvals": {
    required: number;
    actual: number;
    /** Approvals that were given but do not count, with the cause, so the summary can explain them. */
    ignored: { login: string; cause: IgnoredApprovalCause }[];
  };
  "changes-requested": { reviewer: string };
  "check-failing": { check: string; source: CheckSource; conclusion: string };
  "check-pending": { check: string; source: CheckSource; isReported: boolean };
  "not-mergeable": Record<string, never>;
  "mergeability-pending": Record<string, never>;
  "publication-date-invalid": { path: string; text?: string };
  "publication-date-in-future": {
    /** ISO 8601 instant. */
    date: string;
    timeZone: string;
    /** The post whose date is the latest. */
    path: string;
  };
}

/** Where a check comes from: Relecteur's own review, another check run, or a commit status. */
export type CheckSource = "relecteur" | "check-run" | "status";

export type BlockReasonCode = keyof BlockReasonData;

export type BlockReason = {
  [Code in BlockReasonCode]: { code: Code; data: BlockReasonData[Code]; message: string };
}[BlockReasonCode];

/** The reporting order; `evaluateMergePolicy` sorts by it. */
export const BLOCK_REASON_ORDER: readonly BlockReasonCode[] = [
  "config-invalid",
  "publish-disabled",
  "path-not-allowed",
  "file-removed",
  "files-unlisted",
  "no-post",
  "not-open",
  "draft",
  "blocking-label",
  "missing-label",
  "missing-approvals",
  "changes-requested",
  "check-failing",
  "check-pending",
  "not-mergeable",
  "mergeability-pending",
  "publication-date-invalid",
  "publication-date-in-future",
];

type MessageBuilders = { [Code in BlockReasonCode]: (data: BlockReasonData[Code], now: Date) => string };

const MESSAGES: MessageBuilders = {
  "config-invalid": ({ key, problem }) =>
    `configuration invalide, clé ${codeSpan(key)}\u00a0: ${escapeInline(problem)}`,
  "publish-disabled": () => "publication automatique désactivée (`publish.enabled` n’est pas `true`)",
  "path-not-allowed": ({ path }) =>
    `le fichier ${codeSpan(path)} n’est pas un article\u00a0: publication manuelle`,
  "file-removed": ({ path }) => `le fichier ${codeSpan(path)} est supprimé\u00a0: publication manuelle`,
  "files-unlisted": ({ listed, total }) =>
    `GitHub ne liste que ${listed} des ${total} fichiers modifiés\u00a0: publication manuelle`,
  "no-post": () => "aucun article dans cette pull request\u00a0: publication manuelle",
  "not-open": () => "la pull request est fermée",
  draft: () => "la pull request est un brouillon",
  "blocking-label": ({ label }) => `l’étiquette «\u00a0${escapeInline(label)}\u00a0» bloque la publication`,
  "missing-label": ({ label }) => `l’étiquette «\u00a0${escapeInline(label)}\u00a0» manque`,
  "missing-approvals": ({ required, actual }) => {
    const missing = required - actual;
    return missing === 1 ? "1 approbation manquante" : `${missing} approbations manquantes`;
  },
  "changes-requested": ({ reviewer }) => `${escapeInline(`@${reviewer}`)} demande des modifications`,
  "check-failing": ({ check, source, conclusion }) => {
    if (source === "relecteur") return "la relecture de Relecteur signale des erreurs";
    return conclusion === "action_required"
      ? `vérification ${codeSpan(check)} en attente d’une action (des workflows à approuver\u202f?)`
      : `vérification ${codeSpan(check)} en échec`;
  },
  "check-pending": ({ check, source, isReported }) => {
    if (source === "relecteur") return "relecture de Relecteur en cours";
    return isReported
      ? `vérification ${codeSpan(check)} en cours`
      : `vérification ${codeSpan(check)} attendue`;
  },
  "not-mergeable": () => "conflit avec la branche de base\u00a0: à résoudre avant la publication",
  "mergeability-pending": () => "GitHub vérifie encore l’absence de conflit",
  "publication-date-invalid": ({ path, text }) =>
    text === undefined
      ? `date de publication introuvable pour ${codeSpan(path)}`
      : `date de publication illisible pour ${codeSpan(path)}\u00a0: «\u00a0${escapeInline(text)}\u00a0»`,
  "publication-date-in-future": ({ date, timeZone }, now) =>
    `publication programmée le ${formatFrenchDate(new Date(date), timeZone, now)}`,
};

/** The same sentences in English, for `locale: en`. */
const ENGLISH_MESSAGES: MessageBuilders = {
  "config-invalid": ({ key, problem }) =>
    `invalid configuration, key ${codeSpan(key)}: ${escapeInline(problem)}`,
  "publish-disabled": () => "automatic publishing is off (`publish.enabled` is not `true`)",
  "path-not-allowed": ({ path }) => `${codeSpan(path)} is not a post: publish by hand`,
  "file-removed": ({ path }) => `${codeSpan(path)} is deleted: publish by hand`,
  "files-unlisted": ({ listed, total }) =>
    `GitHub lists only ${listed} of the ${total} changed files: publish by hand`,
  "no-post": () => "no post in this pull request: publish by hand",
  "not-open": () => "the pull request is closed",
  draft: () => "the pull request is a draft",
  "blocking-label": ({ label }) => `the label “${escapeInline(label)}” blocks publishing`,
  "missing-label": ({ label }) => `the label “${escapeInline(label)}” is missing`,
  "missing-approvals": ({ required, actual }) => {
    const missing = required - actual;
    return missing === 1 ? "1 approval missing" : `${missing} approvals missing`;
  },
  "changes-requested": ({ reviewer }) => `${escapeInline(`@${reviewer}`)} requested changes`,
  "check-failing": ({ check, source, conclusion }) => {
    if (source === "relecteur") return "Relecteur's review reports errors";
    return conclusion === "action_required"
      ? `check ${codeSpan(check)} waits for an action (workflows to approve?)`
      : `check ${codeSpan(check)} failed`;
  },
  "check-pending": ({ check, source, isReported }) => {
    if (source === "relecteur") return "Relecteur's review in progress";
    return isReported ? `check ${codeSpan(check)} in progress` : `check ${codeSpan(check)} expected`;
  },
  "not-mergeable": () => "conflicts with the base branch: resolve them before publishing",
  "mergeability-pending": () => "GitHub is still checking for conflicts",
  "publication-date-invalid": ({ path, text }) =>
    text === undefined
      ? `no publication date for ${codeSpan(path)}`
      : `unreadable publication date for ${codeSpan(path)}: “${escapeInline(text)}”`,
  "publication-date-in-future": ({ date, timeZone }, now) =>
    `scheduled for ${formatDate(new Date(date), timeZone, now, "en")}`,
};

/** A reason's sentence in the summary comment's language. */
export function describeBlockReason(reason: BlockReason, locale: "fr" | "en", now: Date): string {
  if (locale === "fr") return reason.message;
  return (ENGLISH_MESSAGES[reason.code] as (data: BlockReason["data"], now: Date) => string)(
    reason.data,
    now,
  );
}

/** Builds a reason with its French sentence. `now` only decides whether the year is worth saying. */
export function blockReason<Code extends BlockReasonCode>(
  code: Code,
  data: BlockReasonData[Code],
  now: Date,
): BlockReason {
  const message = (MESSAGES[code] as (data: BlockReasonData[Code], now: Date) => string)(data, now);
  return { code, data, message } as BlockReason;
}

/** Reasons in `BLOCK_REASON_ORDER`, keeping the order within one code. */
export function sortBlockReasons(reasons: readonly BlockReason[]): BlockReason[] {
  const rank = (reason: BlockReason) => BLOCK_REASON_ORDER.indexOf(reason.code);
  return [...reasons].sort((a, b) => rank(a) - rank(b));
}

/** « mardi 12 décembre à 9 h », « mardi 12 décembre 2025 à 9 h 30 » when the year is not the current one. */
export function formatFrenchDate(instant: Date, timeZone: string, now: Date): string {
  return formatDate(instant, timeZone, now, "fr");
}

/** The French form above, or « Tuesday 12 December at 09:00 » in English. */
export function formatDate(instant: Date, timeZone: string, now: Date, locale: "fr" | "en"): string {
  const isSameYear = wallTimeAt(instant, timeZone).year === wallTimeAt(now, timeZone).year;
  const day = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(isSameYear ? {} : { year: "numeric" }),
  }).format(instant);
  const { hour, minute } = wallTimeAt(instant, timeZone);
  const minutes = String(minute).padStart(2, "0");
  if (locale === "en") return `${day} at ${String(hour).padStart(2, "0")}:${minutes}`;
  const time = minute === 0 ? `${hour} h` : `${hour} h ${minutes}`;
  return `${day} à ${time}`;
}
