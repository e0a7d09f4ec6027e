import { describe, expect, it } from "vitest";
import {
  classifyFailure,
  DEFAULT_REQUEST_POLICY,
  decideRetry,
  GitHubTimeoutError,
  isSafeToRepeat,
  parseRetryAfter,
  requestPolicyFromEnv,
} from "../../src/github/request-policy.js";

const NOW = Date.parse("2024-03-10T10:00:00Z");

/** A RequestError as Octokit throws it: a status, and the response's headers when there was one. */
function httpError(status: number, headers: Record<string, string> | undefined, message = "") {
  return Object.assign(new Error(message), { status, ...(headers ? { response: { headers } } : {}) });
}

describe("classifyFailure", () => {
  it("tells a timeout, a network error, a rate limit and an HTTP error apart", () => {
    expect(classifyFailure(new GitHubTimeoutError(20_000), NOW)).toEqual({
      kind: "timeout",
      timeoutMs: 20_000,
    });
    const refused = Object.assign(httpError(500, undefined), {
      cause: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
    });
    expect(classifyFailure(refused, NOW)).toEqual({ kind: "network", isBeforeSending: true });
    expect(classifyFailure(httpError(500, undefined), NOW)).toEqual({
      kind: "network",
      isBeforeSending: false,
    });
    expect(classifyFailure(httpError(502, {}), NOW)).toEqual({ kind: "http", status: 502 });
    expect(classifyFailure(httpError(404, {}), NOW)).toEqual({ kind: "http", status: 404 });
    expect(classifyFailure(new Error("bug"), NOW)).toEqual({ kind: "other" });
  });

  it("reads a rate limit from retry-after, the secondary-limit message or an exhausted quota", () => {
    expect(classifyFailure(httpError(403, { "retry-after": "30" }), NOW)).toEqual({
      kind: "rate-limit",
      waitMs: 30_000,
      status: 403,
    });
    expect(
      classifyFailure(httpError(403, {}, "You have exceeded a secondary rate limit. Please wait."), NOW),
    ).toEqual({ kind: "rate-limit", status: 403 });
    const reset = String(NOW / 1000 + 10);
    expect(
      classifyFailure(httpError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), NOW),
    ).toEqual({ kind: "rate-limit", waitMs: 11_000, status: 403 });
    expect(classifyFailure(httpError(429, {}), NOW)).toEqual({ kind: "rate-limit", status: 429 });
    // A 403 that is a permission: no retry-after, no quota, no secondary-limit message.
    expect(classifyFailure(httpError(403, {}, "Resource not accessible by integration"), NOW)).toEqual({
      kind: "http",
      status: 403,
    });
  });
});

describe("decideRetry", () => {
  const get = (retriesDone: number) => ({ method: "GET", url: "/repos/{owner}/{repo}/pulls", retriesDone });
  const comment = {
    method: "POST",
    url: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    retriesDone: 0,
  };

  it("backs off 1, 2, 4 s on a 5xx, then gives up", () => {
    const waits = [0, 1, 2, 3].map((n) =>
      decideRetry({ kind: "http", status: 503 }, get(n), DEFAULT_REQUEST_POLICY),
    );
    expect(waits).toEqual([
      { retry: true, waitMs: 1000 },
      { retry: true, waitMs: 2000 },
      { retry: true, waitMs: 4000 },
      { retry: false },
    ]);
  });

  it("honours retry-after, waits a minute for a silent secondary limit, and gives up on a longer wait", () => {
    expect(
      decideRetry({ kind: "rate-limit", waitMs: 7000, status: 403 }, get(0), DEFAULT_REQUEST_POLICY),
    ).toEqual({
      retry: true,
      waitMs: 7000,
    });
    expect(decideRetry({ kind: "rate-limit", status: 403 }, get(0), DEFAULT_REQUEST_POLICY)).toEqual({
      retry: true,
      waitMs: 60_000,
    });
    expect(
      decideRetry({ kind: "rate-limit", waitMs: 3_600_000, status: 403 }, get(0), DEFAULT_REQUEST_POLICY),
    ).toEqual({ retry: false });
  });

  it("never repeats a comment that may have been written, but does after a refusal", () => {
    expect(decideRetry({ kind: "http", status: 502 }, comment, DEFAULT_REQUEST_POLICY)).toEqual({
      retry: false,
    });
    expect(decideRetry({ kind: "timeout", timeoutMs: 1 }, comment, DEFAULT_REQUEST_POLICY)).toEqual({
      retry: false,
    });
    expect(
      decideRetry({ kind: "network", isBeforeSending: true }, comment, DEFAULT_REQUEST_POLICY),
    ).toMatchObject({
      retry: true,
    });
    expect(decideRetry({ kind: "rate-limit", status: 429 }, comment, DEFAULT_REQUEST_POLICY)).toMatchObject({
      retry: true,
    });
  });

  it("does not retry a client error", () => {
    expect(decideRetry({ kind: "http", status: 422 }, get(0), DEFAULT_REQUEST_POLICY)).toEqual({
      retry: false,
    });
  });
});

describe("isSafeToRepeat", () => {
  it("allows reads, updates and the idempotent creations only", () => {
    expect(isSafeToRepeat("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}")).toBe(true);
    expect(isSafeToRepeat("POST", "/repos/{owner}/{repo}/check-runs")).toBe(true);
    expect(isSafeToRepeat("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels")).toBe(true);
    expect(isSafeToRepeat("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews")).toBe(false);
    expect(isSafeToRepeat("POST", "https://ghes.example/api/v3/repos/o/r/issues/1/comments")).toBe(false);
  });
});

describe("parseRetryAfter and the environment", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("5", NOW)).toBe(5000);
    expect(parseRetryAfter("Sun, 10 Mar 2024 10:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
  });

  it("takes valid limits from the environment and keeps the defaults otherwise", () => {
    expect(
      requestPolicyFromEnv({ RELECTEUR_GITHUB_TIMEOUT_MS: "500", RELECTEUR_GITHUB_RETRIES: "0" }),
    ).toMatchObject({
      timeoutMs: 500,
      retries: 0,
    });
    expect(
      requestPolicyFromEnv({ RELECTEUR_GITHUB_TIMEOUT_MS: "-1", RELECTEUR_GITHUB_RETRIES: "x" }),
    ).toEqual(DEFAULT_REQUEST_POLICY);
  });
});
