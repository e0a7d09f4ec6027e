import { describe, expect, it } from "vitest";
import { type BlockReason, blockReason } from "../../src/publish/block-reason.js";
import type { MergeDecision } from "../../src/publish/merge-policy.js";
import { nextEvaluation } from "../../src/publish/next-evaluation.js";
import type { PullRequestFacts } from "../../src/publish/pull-request-facts.js";

const NOW = new Date("2023-12-08T10:00:00Z");

const FACTS: PullRequestFacts = {
  number: 1,
  headSha: "a".repeat(40),
  state: "open",
  isDraft: false,
  labels: [],
  authorLogin: "autrice",
  changedFiles: [],
  reviews: [],
  reviewerPermissions: {},
  checkRuns: [],
  statuses: [],
  relecteurCheck: { name: "Relecteur", conclusion: "success" },
  mergeable: true,
  posts: [],
  postGlobs: [],
  configIssues: [],
};

const dateReason = (date: string): BlockReason =>
  blockReason("publication-date-in-future", { date, timeZone: "Europe/Paris", path: "_posts/a.md" }, NOW);
const mergeabilityPending = blockReason("mergeability-pending", {}, NOW);
const pending = blockReason("check-pending", { check: "build", source: "check-run", isReported: true }, NOW);

describe("nextEvaluation", () => {
  const cases: {
    name: string;
    decision: MergeDecision;
    facts?: Partial<PullRequestFacts>;
    expected?: string;
  }[] = [
    {
      name: "the publication date when it is the only reason",
      decision: { kind: "blocked", reasons: [dateReason("2023-12-12T08:00:00.000Z")] },
      expected: "2023-12-12T08:00:00.000Z",
    },
    {
      name: "nothing when something else is missing too: an event will come",
      decision: { kind: "blocked", reasons: [pending, dateReason("2023-12-12T08:00:00.000Z")] },
    },
    { name: "nothing for another reason alone", decision: { kind: "blocked", reasons: [pending] } },
    {
      name: "nothing when ready: merge now",
      decision: { kind: "ready", sha: "a".repeat(40), method: "squash", commitTitle: "Publie « A » (#1)" },
    },
    {
      name: "now when the date has passed since the evaluation",
      decision: { kind: "blocked", reasons: [dateReason("2023-12-08T09:00:00.000Z")] },
      expected: NOW.toISOString(),
    },
    {
      // GitHub sends no event once it has computed mergeability: the next sweep looks again.
      name: "now when GitHub still computes mergeability, alone or with the date",
      decision: { kind: "blocked", reasons: [mergeabilityPending, dateReason("2023-12-12T08:00:00.000Z")] },
      expected: NOW.toISOString(),
    },
    {
      name: "now when mergeability is all it waits for",
      decision: { kind: "blocked", reasons: [mergeabilityPending] },
      expected: NOW.toISOString(),
    },
    {
      name: "nothing when mergeability is pending but an approval is missing too",
      decision: {
        kind: "blocked",
        reasons: [
          blockReason("missing-approvals", { required: 1, actual: 0, ignored: [] }, NOW),
          mergeabilityPending,
        ],
      },
    },
    {
      name: "nothing for a closed pull request",
      decision: { kind: "blocked", reasons: [dateReason("2023-12-12T08:00:00.000Z")] },
      facts: { state: "closed" },
    },
  ];
  it.each(cases)("$name", ({ decision, facts, expected }) => {
    expect(nextEvaluation(decision, { ...FACTS, ...facts }, NOW)?.toISOString()).toBe(expected);
  });
});
