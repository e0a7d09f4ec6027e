import type { PublicationOutcome } from "../publish/publication-outcome.js";
import type { MergeMethod } from "../publish/publish-policy.js";
import { httpStatusOf, messageOf } from "./github-client.js";
import type { PublishSession } from "./pull-request-ref.js";

export interface MergeRequest {
  sha: string;
  method: MergeMethod;
  commitTitle: string;
  /** The head branch to delete after the merge; absent: keep it. */
  branchToDelete?: string;
}

type MergeOutcome = Extract<PublicationOutcome, { kind: "merged" | "merge-failed" | "closed" }>;

/**
 * Merges with `sha` = the evaluated head, so that GitHub refuses (409) if anything was pushed since. A
 * refusal or a failure is never retried blindly: the pull request is read again first, because another
 * instance of the app (or a person) may have merged it, and a 5xx may hide a merge that did happen. A
 * merge found that way is reported as a merge, and the branch deletion is attempted the same way, so
 * that both instances write the same summary.
 */
export async function mergePullRequest(
  session: PublishSession,
  request: MergeRequest,
): Promise<MergeOutcome> {
  const { octokit, pull, log } = session;
  const merged = {
    kind: "merged" as const,
    sha: request.sha,
    method: request.method,
    commitTitle: request.commitTitle,
  };
  try {
    const { data } = await octokit.rest.pulls.merge({
      owner: pull.owner,
      repo: pull.repo,
      pull_number: pull.number,
      sha: request.sha,
      merge_method: request.method,
      commit_title: request.commitTitle,
    });
    log.info({ pullRequest: pull.number, sha: request.sha, merge: data.sha }, "pull request merged");
    return withBranch(session, { ...merged, mergeCommitSha: data.sha }, request.branchToDelete);
  } catch (error) {
    const status = httpStatusOf(error);
    log.warn({ err: error, pullRequest: pull.number, sha: request.sha, status }, "merge refused or failed");
    let current: Awaited<ReturnType<typeof octokit.rest.pulls.get>>["data"];
    try {
      current = (
        await octokit.rest.pulls.get({ owner: pull.owner, repo: pull.repo, pull_number: pull.number })
      ).data;
    } catch (readError) {
      log.error(
        { err: readError, pullRequest: pull.number },
        "could not read the pull request after a failed merge",
      );
      return failure(request.sha, status, error);
    }
    if (current.merged && current.head.sha === request.sha) {
      const mergeCommitSha = current.merge_commit_sha ?? undefined;
      return withBranch(
        session,
        mergeCommitSha === undefined ? merged : { ...merged, mergeCommitSha },
        request.branchToDelete,
      );
    }
    // Merged at another head, or closed: someone else decided, and the summary says so.
    if (current.state === "closed") return { kind: "closed", isMerged: current.merged === true };
    return failure(request.sha, status, error);
  }
}

function failure(sha: string, status: number | undefined, error: unknown): MergeOutcome {
  return status === undefined
    ? { kind: "merge-failed", sha, message: messageOf(error) }
    : { kind: "merge-failed", sha, status, message: messageOf(error) };
}

/** Deletes the head branch; one already gone (GitHub's auto-delete, the other instance) counts as deleted. */
async function withBranch(
  session: PublishSession,
  outcome: Extract<MergeOutcome, { kind: "merged" }>,
  branch: string | undefined,
): Promise<MergeOutcome> {
  if (branch === undefined) return outcome;
  const { octokit, pull, log } = session;
  try {
    await octokit.rest.git.deleteRef({ owner: pull.owner, repo: pull.repo, ref: `heads/${branch}` });
    return { ...outcome, branch: { name: branch, isDeleted: true } };
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404 || status === 422) return { ...outcome, branch: { name: branch, isDeleted: true } };
    log.warn({ err: error, pullRequest: pull.number, branch }, "could not delete the head branch");
    return { ...outcome, branch: { name: branch, isDeleted: false } };
  }
}
