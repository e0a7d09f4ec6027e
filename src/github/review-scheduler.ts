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
  /**
   * The installation: to pace its sweeps by its repositories' `publish.sweepMinutes`, and, on Redis, for
   * the instance that runs the job to act as it.
   */
  installationId?: number;
  /** The live check runs as this job's run sees them (on Redis); by default the scheduler's. */
  liveCheckRuns?: ReviewDependencies["liveCheckRuns"];
  /** On Redis: this job ran before, in an instance that died (or it failed and is retried). */
  isRestart?: boolean;
}

/** A commit of a repository, for events that name a commit and not a pull request. */
export interface RepositoryCommit {
  owner: string;
  repo: string;
  repoId: number;
  headSha: string;
}

/**
 * A job as data: what a queue on Redis stores, and whichever instance takes it runs (`ReviewScheduler.run`)
 * with a client it makes for the installation.
 */
export type SchedulerJob =
  | { kind: "review"; target: PullRequestTarget }
  | { kind: "review-by-commit"; commit: RepositoryCommit }
  | { kind: "publish"; pull: PullRequestRef; isFromSweep: boolean }
  | { kind: "publish-by-commit"; commit: RepositoryCommit };

/** Where the scheduler puts its jobs: the in-process queue, or a queue on Redis. */
export interface JobTransport {
  /**
   * Queues `job` under `key` (one job at a time per key). `run` runs it here with the event's context:
   * the in-process queue keeps it; a queue on Redis stores `job` and the context's installation instead,
   * and resolves once Redis holds them.
   */
  submit(
    key: string,
    job: SchedulerJob,
    context: EventContext,
    run: () => Promise<void>,
    weak: boolean,
  ): Promise<void>;
}

/** Today's queue, in this process: the job runs with the webhook's client. */
export function inProcessTransport(queue: ReviewQueue): JobTransport {
  return {
    async submit(key, _job, _context, run, weak) {
      queue.enqueue(key, run, { weak });
    },
  };
}

export interface ReviewScheduler {
  /** Queues the review of one pull request at one head; resolves once it is queued. */
  review(context: EventContext, target: PullRequestTarget): Promise<void>;
  /**
   * Queues the reviews a re-run asks for. `targets` is empty when the head branch is in a fork: the pull
   * requests are then looked up inside the queue, so the webhook is still answered at once.
   */
  rerun(
    context: EventContext,
    targets: readonly PullRequestTarget[],
    commit: RepositoryCommit,
  ): Promise<void>;
  /**
   * Queues a publication evaluation of these pull requests (a review already queued does it too);
   * `isFromSweep` when the sweep found them by their label.
   */
  publish(context: EventContext, pulls: readonly PullRequestRef[], isFromSweep?: boolean): Promise<void>;
  /** The same for the pull requests whose head is `commit` (a status, a fork's check): looked up in the queue. */
  publishByCommit(context: EventContext, commit: RepositoryCommit): Promise<void>;
  /** Runs a job taken from a queue on Redis, with a context made for its installation. */
  run(job: SchedulerJob, context: EventContext): Promise<void>;
}

export type SharedDependencies = Pick<
  ReviewDependencies,
  "now" | "sleep" | "appSlug" | "checkLinks" | "liveCheckRuns" | "reviewer" | "builtInPreview" | "deployments"
> & {
  /** Told a repository's `publish.sweepMinutes` when publishing is on there, `undefined` when it is off. */
  onPublishPace?(installationId: number, repository: string, sweepMinutes: number | undefined): void;
};

export function createReviewScheduler(
  queue: ReviewQueue | JobTransport,
  shared: SharedDependencies,
): ReviewScheduler {
  const transport = "submit" in queue ? queue : inProcessTransport(queue);
  const dependenciesOf = (context: EventContext, owner: string, repo: string) => ({
    ...shared,
    installationId: context.installationId,
    octokit: context.octokit,
    log: context.log,
    loadConfig: repositoryConfigLoader(context.octokit, owner, repo),
    ...(context.liveCheckRuns ? { liveCheckRuns: context.liveCheckRuns } : {}),
    ...(context.isRestart ? { isRestart: true } : {}),
    onPublishPace: (sweepMinutes: number | undefined) => {
      if (context.installationId !== undefined)
        shared.onPublishPace?.(context.installationId, `${owner}/${repo}`, sweepMinutes);
    },
  });
  const runReview = async (context: EventContext, target: PullRequestTarget) => {
    await reviewPullRequest(target, dependenciesOf(context, target.owner, target.repo));
  };
  const review = async (context: EventContext, target: PullRequestTarget) => {
    context.log.debug({ pullRequest: describeTarget(target) }, "review queued");
    await transport.submit(
      queueKey(target),
      { kind: "review", target },
      context,
      () => runReview(context, target),
      false,
    );
  };
  const runPublication = async (
    context: EventContext,
    pull: PullRequestRef,
    isFromSweep: boolean,
    loadConfig = repositoryConfigLoader(context.octokit, pull.owner, pull.repo),
  ) => {
    await runPublicationJob(pull, {
      ...dependenciesOf(context, pull.owner, pull.repo),
      loadConfig,
      isFromSweep,
    });
  };
  const publish = async (
    context: EventContext,
    pull: PullRequestRef,
    isFromSweep = false,
    loadConfig?: () => Promise<unknown>,
  ) => {
    await transport.submit(
      queueKey(pull),
      { kind: "publish", pull, isFromSweep },
      context,
      () => runPublication(context, pull, isFromSweep, loadConfig),
      true,
    );
  };
  /** The open pull requests of this repository whose head is the commit. */
  const pullsOfCommit = async (context: EventContext, commit: RepositoryCommit) => {
    const found = await findPullRequestsByHead(
      { octokit: context.octokit },
      { owner: commit.owner, repo: commit.repo, id: commit.repoId },
      commit.headSha,
    );
    if (found.length === 0) context.log.debug({ head: commit.headSha }, "no open pull request has this head");
    return found;
  };
  const reviewByCommit = async (context: EventContext, commit: RepositoryCommit) => {
    for (const target of await pullsOfCommit(context, commit)) await review(context, target);
  };
  // Statuses come for every commit (the default branch's too): the pull requests are looked up only
  // where publishing is on, which costs one request, the configuration, everywhere else.
  // In this process, the configuration read to decide is the one the jobs use: it is not read again.
  const publishByCommit = async (context: EventContext, commit: RepositoryCommit) => {
    let merged: Promise<unknown> | undefined;
    const loadConfig = () => {
      merged ??= repositoryConfigLoader(context.octokit, commit.owner, commit.repo)();
      return merged;
    };
    const reading = await readRepositoryConfig(
      loadConfig,
      configTextReader(context.octokit, commit.owner, commit.repo),
    );
    if (!(reading.ok && reading.config.publish.enabled)) return;
    for (const target of await pullsOfCommit(context, commit))
      await publish(context, target, false, loadConfig);
  };
  const commitKey = (commit: RepositoryCommit) => `${commit.owner}/${commit.repo}@${commit.headSha}`;
  return {
    review,
    async rerun(context, targets, commit) {
      if (targets.length > 0) {
        for (const target of targets) await review(context, target);
        return;
      }
      await transport.submit(
        commitKey(commit),
        { kind: "review-by-commit", commit },
        context,
        () => reviewByCommit(context, commit),
        false,
      );
    },
    async publish(context, pulls, isFromSweep = false) {
      for (const pull of pulls) await publish(context, pull, isFromSweep);
    },
    async publishByCommit(context, commit) {
      await transport.submit(
        commitKey(commit),
        { kind: "publish-by-commit", commit },
        context,
        () => publishByCommit(context, commit),
        true,
      );
    },
    async run(job, context) {
      switch (job.kind) {
        case "review":
          return runReview(context, job.target);
        case "review-by-commit":
          return reviewByCommit(context, job.commit);
        case "publish":
          return runPublication(context, job.pull, job.isFromSweep);
        case "publish-by-commit":
          return publishByCommit(context, job.commit);
      }
    },
  };
}
