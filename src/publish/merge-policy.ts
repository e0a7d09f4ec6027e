import picomatch from "picomatch";
import {
  type BlockReason,
  blockReason,
  type IgnoredApprovalCause,
  sortBlockReasons,
} from "./block-reason.js";
import { latestPublicationDate, parsePublishTime, postPublicationDate } from "./publication-date.js";
import { type MergeMethod, MIN_APPROVALS, type PublishPolicy } from "./publish-policy.js";
import type {
  CheckRunConclusion,
  PullRequestFacts,
  RepositoryPermission,
  ReviewFact,
} from "./pull-request-facts.js";
import { isValidTimeZone } from "./zoned-time.js";

/**
 * Whether Relecteur may merge a pull request now: one pure function of the facts about one head commit,
 * the `publish` policy and the clock. It never acts; the edge merges with `sha` so that a push in between
 * makes GitHub refuse.
 */

export type MergeDecision =
  | { kind: "ready"; sha: string; method: MergeMethod; commitTitle: string }
  | { kind: "blocked"; reasons: BlockReason[] };

const TRUSTED_PERMISSIONS: ReadonlySet<RepositoryPermission> = new Set(["admin", "maintain", "write"]);

const SUCCESSFUL_CONCLUSIONS: ReadonlySet<CheckRunConclusion> = new Set(["success", "neutral", "skipped"]);

export function evaluateMergePolicy(
  facts: PullRequestFacts,
  policy: PublishPolicy,
  now: Date,
): MergeDecision {
  const reasons = [
    ...configReasons(facts, policy, now),
    ...pathReasons(facts, policy, now),
    ...stateReasons(facts, policy, now),
    ...approvalReasons(facts, policy, now),
    ...checkReasons(facts, policy, now),
    ...mergeabilityReasons(facts, now),
    ...dateReasons(facts, policy, now),
  ];
  if (reasons.length > 0) return { kind: "blocked", reasons: sortBlockReasons(reasons) };
  return { kind: "ready", sha: facts.headSha, method: policy.method, commitTitle: commitTitle(facts) };
}

/** `Publie « Titre » (#12)`; several posts are listed, `Publie « A » et « B » (#12)`. */
export function commitTitle(facts: PullRequestFacts): string {
  const titles = facts.posts.map(
    (post) => `«\u00a0${post.title?.trim() || post.path.split("/").pop()}\u00a0»`,
  );
  const listed =
    titles.length <= 1 ? (titles[0] ?? "") : `${titles.slice(0, -1).join(", ")} et ${titles.at(-1)}`;
  return `Publie ${listed} (#${facts.number})`;
}

function configReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  const reasons = facts.configIssues.map((issue) => blockReason("config-invalid", issue, now));
  if (!Number.isInteger(policy.approvals) || policy.approvals < MIN_APPROVALS) {
    const problem = `un entier d’au moins ${MIN_APPROVALS} est attendu, «\u00a0${policy.approvals}\u00a0» trouvé`;
    reasons.push(blockReason("config-invalid", { key: "publish.approvals", problem }, now));
  }
  if (!parsePublishTime(policy.time)) {
    const problem = `une heure au format HH:MM est attendue, «\u00a0${policy.time}\u00a0» trouvé`;
    reasons.push(blockReason("config-invalid", { key: "publish.time", problem }, now));
  }
  if (!isValidTimeZone(policy.timezone)) {
    const problem = `un fuseau horaire IANA (Europe/Paris) est attendu, «\u00a0${policy.timezone}\u00a0» trouvé`;
    reasons.push(blockReason("config-invalid", { key: "publish.timezone", problem }, now));
  }
  if (!policy.enabled) reasons.push(blockReason("publish-disabled", {}, now));
  return reasons;
}

function pathReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  const isAllowed = picomatch([...facts.postGlobs, ...policy.alsoAllow], { dot: false });
  const paths = facts.changedFiles.flatMap((file) =>
    file.previousPath === undefined ? [file.path] : [file.previousPath, file.path],
  );
  const reasons = [...new Set(paths)]
    .filter((path) => !isAllowed(path))
    .map((path) => blockReason("path-not-allowed", { path }, now));
  // Deleting a post (or an image) is not publishing one: a person decides, and sees what goes.
  for (const file of facts.changedFiles) {
    if (file.isRemoved) reasons.push(blockReason("file-removed", { path: file.path }, now));
  }
  const total = facts.changedFileCount ?? facts.changedFiles.length;
  if (facts.changedFiles.length < total) {
    reasons.push(blockReason("files-unlisted", { listed: facts.changedFiles.length, total }, now));
  }
  if (facts.posts.length === 0) reasons.push(blockReason("no-post", {}, now));
  return reasons;
}

function stateReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  const reasons: BlockReason[] = [];
  if (facts.state !== "open") reasons.push(blockReason("not-open", {}, now));
  if (facts.isDraft) reasons.push(blockReason("draft", {}, now));
  const labels = new Set(facts.labels.map(normalizeLabel));
  for (const label of policy.blockingLabels) {
    if (labels.has(normalizeLabel(label))) reasons.push(blockReason("blocking-label", { label }, now));
  }
  if (policy.label !== undefined && !labels.has(normalizeLabel(policy.label))) {
    reasons.push(blockReason("missing-label", { label: policy.label }, now));
  }
  return reasons;
}

function normalizeLabel(label: string): string {
  return label.trim().toLocaleLowerCase("fr");
}

/**
 * Each reviewer's latest review that is not a comment is the one that counts. An approval counts when
 * it is of the head commit, from someone other than the author, with write permission or listed in
 * `publish.reviewers`. Any outstanding « changes requested », from anyone, blocks until it is dismissed
 * or followed by an approval: holding back costs a click, merging wrongly costs a published post.
 */
function approvalReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  const author = facts.authorLogin.toLowerCase();
  const listedReviewers = new Set(policy.reviewers.map((login) => login.toLowerCase()));
  const permissions = new Map(
    Object.entries(facts.reviewerPermissions).map(([login, permission]) => [login.toLowerCase(), permission]),
  );
  const isTrusted = (login: string) =>
    listedReviewers.has(login) || TRUSTED_PERMISSIONS.has(permissions.get(login) ?? "none");

  const reasons: BlockReason[] = [];
  const ignored: { login: string; cause: IgnoredApprovalCause }[] = [];
  let actual = 0;
  for (const review of latestDecisiveReviews(facts.reviews)) {
    const login = review.login.toLowerCase();
    if (review.state === "CHANGES_REQUESTED") {
      reasons.push(blockReason("changes-requested", { reviewer: review.login }, now));
    } else if (review.state === "APPROVED") {
      const cause: IgnoredApprovalCause | undefined =
        login === author
          ? "own-approval"
          : review.commitId !== facts.headSha
            ? "older-commit"
            : isTrusted(login)
              ? undefined
              : "no-write-permission";
      if (cause) ignored.push({ login: review.login, cause });
      else actual += 1;
    }
  }
  if (actual < policy.approvals) {
    reasons.unshift(blockReason("missing-approvals", { required: policy.approvals, actual, ignored }, now));
  }
  return reasons;
}

/** The latest approved, changes-requested or dismissed review of each reviewer, in first-review order. */
function latestDecisiveReviews(reviews: readonly ReviewFact[]): ReviewFact[] {
  const decisive = reviews
    .map((review, index) => ({ review, index }))
    .filter(({ review }) => review.state !== "COMMENTED" && review.state !== "PENDING")
    .sort((a, b) => submittedAt(a.review) - submittedAt(b.review) || a.index - b.index);
  const latest = new Map<string, ReviewFact>();
  for (const { review } of decisive) latest.set(review.login.toLowerCase(), review);
  return [...latest.values()];
}

function submittedAt(review: ReviewFact): number {
  const time = review.submittedAt === undefined ? Number.NaN : Date.parse(review.submittedAt);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function checkReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  const failing: BlockReason[] = [];
  const pending: BlockReason[] = [];
  const own = facts.relecteurCheck;
  if (own.conclusion === null) {
    pending.push(
      blockReason("check-pending", { check: own.name, source: "relecteur", isReported: true }, now),
    );
  } else if (own.conclusion !== "success" && own.conclusion !== "neutral") {
    const data = { check: own.name, source: "relecteur" as const, conclusion: own.conclusion };
    failing.push(blockReason("check-failing", data, now));
  }

  const reported = new Set([own.name]);
  for (const run of facts.checkRuns) {
    if (run.isRelecteur) continue;
    reported.add(run.name);
    if (run.status !== "completed" || run.conclusion === null) {
      pending.push(
        blockReason("check-pending", { check: run.name, source: "check-run", isReported: true }, now),
      );
    } else if (!SUCCESSFUL_CONCLUSIONS.has(run.conclusion)) {
      const data = { check: run.name, source: "check-run" as const, conclusion: run.conclusion };
      failing.push(blockReason("check-failing", data, now));
    }
  }
  for (const status of facts.statuses) {
    reported.add(status.context);
    if (status.state === "pending") {
      const data = { check: status.context, source: "status" as const, isReported: true };
      pending.push(blockReason("check-pending", data, now));
    } else if (status.state !== "success") {
      const data = { check: status.context, source: "status" as const, conclusion: status.state };
      failing.push(blockReason("check-failing", data, now));
    }
  }
  for (const name of policy.requiredChecks) {
    if (reported.has(name)) continue;
    pending.push(blockReason("check-pending", { check: name, source: "check-run", isReported: false }, now));
  }
  return [...failing, ...pending];
}

function mergeabilityReasons(facts: PullRequestFacts, now: Date): BlockReason[] {
  // GitHub does not compute mergeability for a closed pull request: `not-open` already says it all.
  if (facts.state !== "open") return [];
  if (facts.mergeable === false) return [blockReason("not-mergeable", {}, now)];
  if (facts.mergeable === null) return [blockReason("mergeability-pending", {}, now)];
  return [];
}

function dateReasons(facts: PullRequestFacts, policy: PublishPolicy, now: Date): BlockReason[] {
  // With an unreadable time or zone no date can be trusted; `config-invalid` already blocks.
  if (!parsePublishTime(policy.time) || !isValidTimeZone(policy.timezone)) return [];
  const settings = { time: policy.time, timezone: policy.timezone };
  const dates = facts.posts.map((post) => postPublicationDate(post, settings));
  const reasons: BlockReason[] = [];
  for (const date of dates) {
    if (date.kind === "missing")
      reasons.push(blockReason("publication-date-invalid", { path: date.path }, now));
    if (date.kind === "invalid") {
      reasons.push(blockReason("publication-date-invalid", { path: date.path, text: date.text }, now));
    }
  }
  const latest = latestPublicationDate(dates);
  if (latest && latest.instant.getTime() > now.getTime()) {
    const data = { date: latest.instant.toISOString(), timeZone: policy.timezone, path: latest.path };
    reasons.push(blockReason("publication-date-in-future", data, now));
  }
  return reasons;
}
