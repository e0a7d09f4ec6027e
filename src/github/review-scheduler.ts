import type { Context } from "probot";
import { findPullRequestsByHead } from "./find-pull-requests.js";
import type { GitHubClient } from "./github-client.js";
import { describeTarget, type PullRequestTarget, queueKey } from "./pull-request-target.js";
import { CONFIG_FILE_NAME } from "./read-config.js";
import { type ReviewDependencies, reviewPullRequest } from "./review-pull-request.js";
import type { ReviewQueue } from "./review-queue.js";

/** What a webhook's context gives a review: its client, its logger, and Probot's config reader. */
export type EventContext = Pick<Context, "octokit" | "log" | "config">;

export interface ReviewScheduler {
  /** Queues the review of one pull request at one head; returns at once. */
  review(context: EventContext, target: PullRequestTarget): void;
  /**
   * Queues the reviews a re-run asks for. `targets` is empty when the head branch is in a fork: the pull
   * requests are then looked up inside the queue, so the webhook is still answered at once.
   */
  rerun(
    context: EventContext,
    targets: readonly PullRequestTarget[],
    commit: { owner: string; repo: string; repoId: number; headSha: string },
  ): void;
}

export function createReviewScheduler(
  queue: ReviewQueue,
  shared: Pick<ReviewDependencies, "now" | "appSlug" | "checkLinks">,
): ReviewScheduler {
  const dependenciesOf = (context: EventContext): ReviewDependencies => ({
    ...shared,
    octokit: context.octokit as GitHubClient,
    log: context.log,
    // Probot concatenates arrays of the defaults and of `_extends` bases unless told otherwise: a list
    // in the repository's file (posts, lexicon, skip) replaces the inherited one, as maintainers expect.
    loadConfig: () => context.config(CONFIG_FILE_NAME, {}, { arrayMerge: (_target, source) => source }),
  });
  const review = (context: EventContext, target: PullRequestTarget) => {
    context.log.debug({ pullRequest: describeTarget(target) }, "review queued");
    queue.enqueue(queueKey(target), async () => {
      await reviewPullRequest(target, dependenciesOf(context));
    });
  };
  return {
    review,
    rerun(context, targets, commit) {
      if (targets.length > 0) {
        for (const target of targets) review(context, target);
        return;
      }
      queue.enqueue(`${commit.owner}/${commit.repo}@${commit.headSha}`, async () => {
        const found = await findPullRequestsByHead(
          { octokit: context.octokit as GitHubClient },
          { owner: commit.owner, repo: commit.repo, id: commit.repoId },
          commit.headSha,
        );
        if (found.length === 0)
          context.log.info({ head: commit.headSha }, "re-run: no open pull request has this head");
        for (const target of found) review(context, target);
      });
    },
  };
}
