import type { Config } from "../config/schema.js";
import { evaluateMergePolicy } from "../publish/merge-policy.js";
import { nextEvaluation } from "../publish/next-evaluation.js";
import type { PublicationOutcome } from "../publish/publication-outcome.js";
import { httpStatusOf, messageOf } from "./github-client.js";
import { mergePullRequest } from "./merge-pull-request.js";
import type { PublishSession } from "./pull-request-ref.js";
import { type ReadFactsOptions, readPullRequestFacts } from "./read-pull-request-facts.js";
import { hasScheduledLabel, syncScheduledLabel } from "./scheduled-label.js";

export interface PublishStepDependencies {
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** The app's slug, to tell its own check run from another app's of the same name. */
  appSlug(): Promise<string>;
}

/**
 * Evaluates the publish policy on the pull request's current head and acts on it: merges when everything
 * holds (or says what it would do, in a dry run), labels it `publication programmée` when only its date
 * is missing, and returns what the « Publication » section must say. The caller writes the section.
 */
export async function publishPullRequest(
  session: PublishSession,
  config: Config,
  deps: PublishStepDependencies,
  knownTexts?: ReadFactsOptions["knownTexts"],
): Promise<PublicationOutcome> {
  try {
    return await evaluateAndAct(session, config, deps, knownTexts);
  } catch (error) {
    session.log.error({ err: error, pullRequest: session.pull.number }, "publication could not be evaluated");
    const status = httpStatusOf(error);
    const message = messageOf(error);
    return status === undefined ? { kind: "unavailable", message } : { kind: "unavailable", status, message };
  }
}

async function evaluateAndAct(
  session: PublishSession,
  config: Config,
  deps: PublishStepDependencies,
  knownTexts: ReadFactsOptions["knownTexts"],
): Promise<PublicationOutcome> {
  // The schema's `publish` section is the policy, already defaulted.
  const policy = config.publish;
  const snapshot = await readPullRequestFacts(session, {
    postGlobs: config.posts,
    listedReviewers: policy.reviewers,
    sleep: deps.sleep,
    appSlug: await deps.appSlug(),
    ...(knownTexts ? { knownTexts } : {}),
  });
  if (snapshot.kind === "closed") return { kind: "closed", isMerged: snapshot.isMerged };
  const { facts } = snapshot;
  const now = deps.now();
  const decision = evaluateMergePolicy(facts, policy, now);
  const scheduledFor = nextEvaluation(decision, facts, now);
  session.log.info(
    {
      pullRequest: session.pull.number,
      head: facts.headSha,
      decision: decision.kind,
      reasons: decision.kind === "blocked" ? decision.reasons.map((reason) => reason.code) : [],
    },
    "publication evaluated",
  );
  if (decision.kind === "blocked") {
    const blocked = {
      kind: "blocked" as const,
      reasons: decision.reasons,
      ...(scheduledFor === undefined ? {} : { scheduledFor: scheduledFor.toISOString() }),
      ...(hasScheduledLabel(facts.labels) ? { wasScheduled: true } : {}),
    };
    // A dry run writes nothing, not even the label.
    if (policy.dryRun) return { ...blocked, isDryRun: true };
    const isLabelled = await syncScheduledLabel(session, facts.labels, scheduledFor !== undefined);
    return !isLabelled && scheduledFor !== undefined ? { ...blocked, isLabelMissing: true } : blocked;
  }
  const branchToDelete = policy.deleteBranch && snapshot.isSameRepository ? snapshot.headRef : undefined;
  const request = { sha: decision.sha, method: decision.method, commitTitle: decision.commitTitle };
  if (policy.dryRun) {
    return branchToDelete === undefined
      ? { kind: "dry-run", ...request }
      : { kind: "dry-run", ...request, wouldDeleteBranch: branchToDelete };
  }
  const outcome = await mergePullRequest(
    session,
    branchToDelete === undefined ? request : { ...request, branchToDelete },
  );
  // Merged, the label would now be false; failed, it would make every sweep ask again, which GitHub
  // would refuse again (branch protection, a merge method the repository forbids): never retried blindly.
  if (hasScheduledLabel(facts.labels)) await syncScheduledLabel(session, facts.labels, false);
  return outcome;
}
