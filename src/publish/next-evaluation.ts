import type { MergeDecision } from "./merge-policy.js";
import type { PullRequestFacts } from "./pull-request-facts.js";

/**
 * When to evaluate a blocked pull request again without an event, or `undefined` when an event will come.
 * - Its publication date, when the date is all it waits for.
 * - Now (the next sweep), when it also or only waits for GitHub to compute mergeability: GitHub sends no
 *   event when that is done, so only the sweep can look again.
 * Anything else (approvals, checks, labels, a conflict) comes back through a webhook. A date already past
 * (clock skew between evaluation and scheduling) is `now`.
 */
export function nextEvaluation(
  decision: MergeDecision,
  facts: PullRequestFacts,
  now: Date,
): Date | undefined {
  if (decision.kind !== "blocked" || facts.state !== "open") return undefined;
  let date: Date | undefined;
  let isMergeabilityPending = false;
  for (const reason of decision.reasons) {
    if (reason.code === "publication-date-in-future") date = new Date(reason.data.date);
    else if (reason.code === "mergeability-pending") isMergeabilityPending = true;
    else return undefined;
  }
  if (isMergeabilityPending || date === undefined) return now;
  return date.getTime() > now.getTime() ? date : now;
}
