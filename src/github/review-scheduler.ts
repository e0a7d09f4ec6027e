import type { Logger } from "probot";
import { findPullRequestsByHead } from "./find-pull-requests.js";
import type { GitHubClient } from "./github-client.js";
import { runPublicationJob } from "./publication-job.js";
import type { PullRequestRef } from "./pull-request-ref.js";
import { describeTarget, type PullRequestTarget, queueKey } from "./pull-request-target.js";
import { configTextReader, readRepositoryConfig, repositoryConfigLoader } from "./read-config.js";
import { type ReviewDependencies, reviewPullRequest } from "./review-pull-request.js";
import type { ReviewQueue } from "./review-queue.js";

/** What a job needs of a webhook's context (or of the sweep): an installation's client and a logger. */
export interface EventContext {
  octokit: GitHubClient;
  log: Logger;
  /** The installation, to pace its sweeps by its repositories' `publish.sweepMinutes`. */
  installationId?: number;
}

/** A commit of a repository, for events that name a commit and not a pull request. */
export interface RepositoryCommit {
  owner: string;
  repo: string;
  repoId: number;
  headSha: string;
}

export interface ReviewScheduler {
  /** Queues the review of one pull request at one head; returns at once. */
  review(context: EventContext, target: PullRequestTarget): void;
  /**
   * Queues the reviews a re-run asks for. `targets` is empty when the head branch is in a fork: the pull
   * requests are then looked up inside the queue, so the webhook is still answered at once.
   */
  rerun(context: EventContext, targets: readonly PullRequestTarget[], commit: RepositoryCommit): void;
  /**
   * Queues a publication evaluation of these pull requests (a review already queued does it too);
   * `isFromSweep` when the sweep found them by their label.
   */
  publish(context: EventContext, pulls: readonly PullRequestRef[], isFromSweep?: boolean): void;
  /** The same for the pull requests whose head is `commit` (a status, a fork's check): looked up in the queue. */
  publishByCommit(context: EventContext, commit: RepositoryCommit): void;
}

export type SharedDependencies = Pick<
  ReviewDependencies,
  "now" | "sleep" | "appSlug" | "checkLinks" | "liveCheckRuns" | "reviewer"
> & {
  /** Told a repository's `publish.sweepMinutes` when publishing is on there, `undefined` when it is off. */
  onPublishPace?(installationId: number, repository: string, sweepMinutes: number | undefined): void;
};

export function createReviewScheduler(queue: ReviewQueue, shared: SharedDependencies): ReviewScheduler {
  const dependenciesOf = (context: EventContext, owner: string, repo: string) => ({
    ...shared,
    octokit: context.octokit,
    log: context.log,
    loadConfig: repositoryConfigLoader(context.octokit, owner, repo),
    onPublishPace: (sweepMinutes: number | undefined) => {
      if (context.installationId !== undefined)
        shared.onPublishPace?.(context.installationId, `${owner}/${repo}`, sweepMinutes);
    },
  });
  const review = (context: EventContext, target: PullRequestTarget) => {
    context.log.debug({ pullRequest: describeTarget(target) }, "review queued");
    queue.enqueue(queueKey(target), async () => {
      await reviewPullRequest(target, dependenciesOf(context, target.owner, target.repo));
    });
  };
  const publish = (
    context: EventContext,
    pull: PullRequestRef,
    isFromSweep = false,
    loadConfig = repositoryConfigLoader(context.octokit, pull.owner, pull.repo),
  ) => {
    queue.enqueue(
      queueKey(pull),
      async () => {
        await runPublicationJob(pull, {
          ...dependenciesOf(context, pull.owner, pull.repo),
          loadConfig,
          isFromSweep,
        });
      },
      { weak: true },
    );
  };
  /** Runs `then` on the open pull requests of this repository whose head is the commit. */
  const byCommit = (
    context: EventContext,
    commit: RepositoryCommit,
    then: (target: PullRequestTarget) => void,
    weak: boolean,
    isWanted: () => Promise<boolean> = async () => true,
  ) => {
    queue.enqueue(
      `${commit.owner}/${commit.repo}@${commit.headSha}`,
      async () => {
        if (!(await isWanted())) return;
        const found = await findPullRequestsByHead(
          { octokit: context.octokit },
          { owner: commit.owner, repo: commit.repo, id: commit.repoId },
          commit.headSha,
        );
        if (found.length === 0)
          context.log.debug({ head: commit.headSha }, "no open pull request has this head");
        for (const target of found) then(target);
      },
      { weak },
    );
  };
  return {
    review,
    rerun(context, targets, commit) {
      if (targets.length > 0) {
        for (const target of targets) review(context, target);
        return;
      }
      byCommit(context, commit, (target) => review(context, target), false);
    },
    publish(context, pulls, isFromSweep = false) {
      for (const pull of pulls) publish(context, pull, isFromSweep);
    },
    publishByCommit(context, commit) {
      // Statuses come for every commit (the default branch's too): the pull requests are looked up only
      // where publishing is on, which costs one request, the configuration, everywhere else.
      // The configuration read to decide is the one the jobs use: it is not read again.
      let merged: Promise<unknown> | undefined;
      const loadConfig = () => {
        merged ??= repositoryConfigLoader(context.octokit, commit.owner, commit.repo)();
        return merged;
      };
      const isPublishing = async () => {
        const reading = await readRepositoryConfig(
          loadConfig,
          configTextReader(context.octokit, commit.owner, commit.repo),
        );
        return reading.ok && reading.config.publish.enabled;
      };
      byCommit(context, commit, (target) => publish(context, target, false, loadConfig), true, isPublishing);
    },
  };
}
