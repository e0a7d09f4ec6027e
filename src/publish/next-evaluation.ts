import type { MergeDecision } from "./merge-policy.js";
import type { PullRequestFacts } from "./pull-request-facts.js";

/**
 * When to evaluate a blocked pull request again without an event: its publication date, when the date is
 * the only thing it waits for. Anything else (approvals, checks, labels, mergeability) comes back through
 * a webhook, so there is nothing to schedule. A date already past (clock skew between evaluation and
 * scheduling) is `now`.
 */
export function nextEvaluation(
  decision: MergeDecision,
  facts: PullRequestFacts,
  now: Date,
): Date | undefined {
  if (decision.kind !== "blocked" || facts.state !== "open") return undefined;
  const [only, ...others] = decision.reasons;
  if (only?.code !== "publication-date-in-future" || others.length > 0) return undefined;
  const date = new Date(only.data.date);
  return date.getTime() > now.getTime() ? date : now;
}
