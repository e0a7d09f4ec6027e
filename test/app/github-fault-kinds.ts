import { expect } from "vitest";
import { HEAD_SHA } from "./blog.js";
import type { CheckRun, FakeFault, FakeGitHub } from "./fake-github.js";
import { createTestApp, interceptGitHub, loadPayload, resilientTestOctokit } from "./probot-harness.js";

/** The four ways a GitHub request fails in the fault tests, and the words the pull request gives each. */

export const SECONDARY_LIMIT: FakeFault = {
  status: 403,
  body: {
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  },
  headers: { "retry-after": "7" },
};

export const FAULTS: { name: string; fault: FakeFault; reason: string }[] = [
  { name: "500", fault: { status: 500, body: { message: "Server Error" } }, reason: "erreur HTTP 500" },
  { name: "502", fault: { status: 502, body: { message: "Bad Gateway" } }, reason: "erreur HTTP 502" },
  { name: "a hang", fault: "hang", reason: "GitHub n’a pas répondu dans le délai de 20\u00a0s" },
  {
    name: "a 403 secondary rate limit",
    fault: SECONDARY_LIMIT,
    reason: "GitHub a limité le débit des requêtes de Relecteur",
  },
];

/**
 * The app, through the production client (waits recorded, time limits expired when a request hangs),
 * reviewing the opened pull request that `fake` holds, its faults set.
 */
export async function reviewOpenedPullRequest(fake: FakeGitHub) {
  interceptGitHub(fake);
  const { Octokit, waits } = resilientTestOctokit(fake);
  const app = await createTestApp({ Octokit });
  await app.deliver("pull_request", loadPayload("pull_request.opened"));
  return { app, waits };
}

/** Relecteur's last check run on the head commit. */
export function latestRun(fake: FakeGitHub): CheckRun | undefined {
  return fake.checkRuns.filter((run) => run.head_sha === HEAD_SHA).at(-1);
}

/** What a pull request shows of a review that failed before its verdict: the step, the reason, a re-run. */
export function expectFailedRun(run: CheckRun | undefined, step: string, told: string): void {
  expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
  expect(run?.output?.title).toBe("Relecture échouée");
  expect(run?.output?.summary).toContain(step);
  expect(run?.output?.summary).toContain(told);
  expect(run?.output?.summary).toContain("Re-run");
}
