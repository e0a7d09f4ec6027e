/**
 * How Relecteur treats one GitHub request: a time limit on each attempt, then a few retries with
 * backoff when the failure is worth retrying (GitHub down or slow, the network, a rate limit). Pure
 * decisions here; `resilient-octokit.ts` wires them into Octokit's request hook.
 */

export interface RequestPolicy {
  /** Time limit of one attempt, the response's body included. */
  timeoutMs: number;
  /** Attempts after the first one. */
  retries: number;
  /** Longest wait GitHub may ask for (`retry-after`, a rate limit's reset); longer: given up at once. */
  maxWaitMs: number;
  /** First backoff when GitHub says nothing of when to come back; doubled at each retry. */
  backoffMs: number;
}

/** GitHub gives a webhook 10 s; a review is not a webhook, but no GitHub request takes 20 s when all is well. */
export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  timeoutMs: 20_000,
  retries: 3,
  maxWaitMs: 60_000,
  backoffMs: 1_000,
};

/** `RELECTEUR_GITHUB_TIMEOUT_MS` and `RELECTEUR_GITHUB_RETRIES`, when they are valid; the defaults otherwise. */
export function requestPolicyFromEnv(env: Record<string, string | undefined>): RequestPolicy {
  const timeoutMs = Number(env.RELECTEUR_GITHUB_TIMEOUT_MS);
  const retries = Number(env.RELECTEUR_GITHUB_RETRIES);
  return {
    ...DEFAULT_REQUEST_POLICY,
    ...(Number.isInteger(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
    ...(Number.isInteger(retries) && retries >= 0 ? { retries } : {}),
  };
}

/** What went wrong with a request, in the terms that decide a retry and the words of the check run. */
export type FailureKind =
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "network"; isBeforeSending: boolean }
  | { kind: "rate-limit"; waitMs?: number; status: number }
  | { kind: "http"; status: number }
  | { kind: "other" };

/** What a failed request carries once the policy gave up on it. */
export interface GitHubFailureFacts {
  failure: FailureKind;
  attempts: number;
}

const FACTS = Symbol("relecteur.githubFailure");

/** Attaches the facts to the error the policy gives up on, for the words of the check run. */
export function markGivenUp(error: unknown, facts: GitHubFailureFacts): unknown {
  if (error !== null && typeof error === "object") Object.defineProperty(error, FACTS, { value: facts });
  return error;
}

/** The facts the policy attached to an error it gave up on, if it did. */
export function githubFailureOf(error: unknown): GitHubFailureFacts | undefined {
  return (error as { [FACTS]?: GitHubFailureFacts } | null)?.[FACTS];
}

/** Thrown when an attempt outlives the policy's time limit. */
export class GitHubTimeoutError extends Error {
  override name = "GitHubTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`GitHub did not answer within ${timeoutMs} ms`);
  }
}

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  response?: { headers?: Record<string, string | undefined> };
}

/** Node's codes for a connection that was never made: the request cannot have reached GitHub. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** Classifies an error thrown by Octokit's `request` (a `RequestError`, or the policy's own timeout). */
export function classifyFailure(error: unknown, nowMs: number): FailureKind {
  if (error instanceof GitHubTimeoutError) return { kind: "timeout", timeoutMs: error.timeoutMs };
  const shape = (error ?? {}) as ErrorShape;
  if (typeof shape.status !== "number") return { kind: "other" };
  const { status } = shape;
  const headers = shape.response?.headers;
  // Octokit reports a request that got no response at all (refused, reset, DNS) as a 500 without one.
  if (headers === undefined && status === 500) {
    return { kind: "network", isBeforeSending: NOT_SENT_CODES.has(codeOf(shape.cause) ?? "") };
  }
  if (status === 403 || status === 429) {
    const retryAfter = parseRetryAfter(headers?.["retry-after"], nowMs);
    if (retryAfter !== undefined) return { kind: "rate-limit", waitMs: retryAfter, status };
    if (headers?.["x-ratelimit-remaining"] === "0") {
      const reset = Number(headers["x-ratelimit-reset"]);
      const waitMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) + 1000 : undefined;
      return waitMs === undefined ? { kind: "rate-limit", status } : { kind: "rate-limit", waitMs, status };
    }
    // GitHub's words for the limits it does not announce: "You have exceeded a secondary rate limit".
    if (status === 429 || /secondary rate limit/i.test(String(shape.message ?? ""))) {
      return { kind: "rate-limit", status };
    }
  }
  return { kind: "http", status };
}

/**
 * Requests whose repetition changes nothing: reads, `PATCH`/`PUT`/`DELETE` (same state again), and the
 * `POST`s that are safe to repeat — a second check run is completed as interrupted by the review that
 * owns the first, labels are a set, a token is a token. A comment or a review posted twice would show.
 */
export function isSafeToRepeat(method: string, url: string): boolean {
  if (method !== "POST") return true;
  const path = url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/api\/v3/, "");
  return /\/check-runs$|\/issues\/[^/]+\/labels$|^\/app\/installations\/[^/]+\/access_tokens$/.test(
    path.split("?")[0] ?? "",
  );
}

export type RetryDecision = { retry: false } | { retry: true; waitMs: number };

/**
 * Whether to try again after `failure`, `retriesDone` retries in, and after how long: `retry-after` when
 * GitHub gives it, one minute for a secondary limit that says nothing (GitHub's advice), else an
 * exponential backoff. A request that may have had its effect is repeated only if that is harmless.
 */
export function decideRetry(
  failure: FailureKind,
  request: { method: string; url: string; retriesDone: number },
  policy: RequestPolicy,
): RetryDecision {
  if (request.retriesDone >= policy.retries) return { retry: false };
  const backoff = policy.backoffMs * 2 ** request.retriesDone;
  const isRepeatable = isSafeToRepeat(request.method, request.url);
  switch (failure.kind) {
    case "rate-limit": {
      // Refused before anything was done: any method may come back.
      const waitMs = failure.waitMs ?? Math.max(60_000, backoff);
      return waitMs <= policy.maxWaitMs ? { retry: true, waitMs } : { retry: false };
    }
    case "network":
      return failure.isBeforeSending || isRepeatable ? { retry: true, waitMs: backoff } : { retry: false };
    case "timeout":
      return isRepeatable ? { retry: true, waitMs: backoff } : { retry: false };
    case "http":
      return failure.status >= 500 && isRepeatable ? { retry: true, waitMs: backoff } : { retry: false };
    default:
      return { retry: false };
  }
}

/** `retry-after` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function codeOf(cause: unknown): string | undefined {
  // fetch's TypeError("fetch failed") carries the system error as its own cause.
  for (let current = cause, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
