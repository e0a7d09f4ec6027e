import type { ApplicationFunction, Probot } from "probot";
import { createAppSlugLookup } from "./github/bot-identity.js";
import { CHECK_RUN_NAME } from "./github/check-run-publisher.js";
import { targetOfPullRequest, targetsOfCheckEvent } from "./github/pull-request-target.js";
import type { ReviewDependencies } from "./github/review-pull-request.js";
import { createReviewQueue, DEFAULT_CONCURRENCY, type ReviewQueue } from "./github/review-queue.js";
import { createReviewScheduler } from "./github/review-scheduler.js";
import { checkLinksBeforeReview } from "./links/check-post-links.js";
import { createMemoryVerdictCache } from "./links/http/verdict-cache.js";

/**
 * The Probot entry point: it subscribes to events and hands them to the use cases of `src/github/`,
 * nothing else. Each handler returns at once (GitHub gives a webhook ten seconds); the review itself runs
 * in the in-process queue.
 */

export interface AppOptions {
  /** The review queue; tests pass theirs to wait until it is idle. */
  queue?: ReviewQueue;
  /** The clock, for the review date (Europe/Paris) and the durations in the logs. */
  now?: () => Date;
  /**
   * External link checking; by default the guarded HTTP checker with one in-memory verdict cache shared by
   * every review of this process. `false` turns it off (tests that must make no request).
   */
  checkLinks?: ReviewDependencies["checkLinks"] | false;
}

const PULL_REQUEST_ACTIONS: (
  | "pull_request.opened"
  | "pull_request.synchronize"
  | "pull_request.reopened"
  | "pull_request.ready_for_review"
)[] = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  // A draft is reviewed too; this one covers a draft whose review was missed or failed.
  "pull_request.ready_for_review",
];

function sharedLinkChecker(): NonNullable<ReviewDependencies["checkLinks"]> {
  const cache = createMemoryVerdictCache();
  return (posts, site, config) => checkLinksBeforeReview(posts, site, config, { cache });
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const queue =
      options.queue ??
      createReviewQueue({
        concurrency: concurrencyFromEnv(process.env.RELECTEUR_CONCURRENCY),
        onError: (error, key) => app.log.error({ err: error, pullRequest: key }, "review job failed"),
        onSuperseded: (key) => app.log.info({ pullRequest: key }, "queued review replaced by a newer head"),
      });
    const scheduler = createReviewScheduler(queue, {
      now: options.now ?? (() => new Date()),
      appSlug: createAppSlugLookup(() => app.auth()),
      checkLinks: options.checkLinks === false ? undefined : (options.checkLinks ?? sharedLinkChecker()),
    });

    app.on(PULL_REQUEST_ACTIONS, async (context) => {
      scheduler.review(
        context,
        targetOfPullRequest(context.payload.repository, context.payload.pull_request),
      );
    });

    app.on("check_run.rerequested", async (context) => {
      const { check_run: checkRun, repository } = context.payload;
      if (checkRun.name !== CHECK_RUN_NAME) return;
      scheduler.rerun(
        context,
        targetsOfCheckEvent(repository, checkRun.pull_requests),
        commitOf(repository, checkRun),
      );
    });

    app.on("check_suite.rerequested", async (context) => {
      const { check_suite: checkSuite, repository } = context.payload;
      scheduler.rerun(
        context,
        targetsOfCheckEvent(repository, checkSuite.pull_requests),
        commitOf(repository, checkSuite),
      );
    });
  };
}

function commitOf(
  repository: { id: number; name: string; owner: { login: string } },
  check: { head_sha: string },
) {
  return {
    owner: repository.owner.login,
    repo: repository.name,
    repoId: repository.id,
    headSha: check.head_sha,
  };
}

/** `RELECTEUR_CONCURRENCY`: reviews running at once in this process. */
function concurrencyFromEnv(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_CONCURRENCY;
}

export default createApp();
