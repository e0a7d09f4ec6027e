import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { botLoginOf, createAppSlugLookup, isWrittenBy } from "./github/bot-identity.js";
import { CHECK_RUN_NAME, createLiveCheckRuns, type LiveCheckRuns } from "./github/check-run-publisher.js";
import {
  deploymentAddress,
  isDeployPreviewContext,
  linkDeployedPreview,
} from "./github/deployment-preview.js";
import type { GitHubClient } from "./github/github-client.js";
import { reviewInterruptedPullRequests } from "./github/interrupted-reviews.js";
import {
  type BuiltInPreviewSettings,
  builtInPreviewSettings,
  DeploymentRegistry,
} from "./github/preview-links.js";
import { createPreviewRoute } from "./github/preview-route.js";
import { SWEEP_TICK_MS, sweepScheduledPublications } from "./github/publication-sweep.js";
import type { PullRequestRef } from "./github/pull-request-ref.js";
import { targetOfPullRequest, targetsOfCheckEvent } from "./github/pull-request-target.js";
import { createRedisLiveCheckRuns } from "./github/redis-live-check-runs.js";
import { createRedisTransport, queueTimingsFromEnv } from "./github/redis-transport.js";
import type { ReviewDependencies } from "./github/review-pull-request.js";
import { createReviewQueue, DEFAULT_CONCURRENCY, type ReviewQueue } from "./github/review-queue.js";
import { createReviewScheduler, type EventContext, type JobTransport } from "./github/review-scheduler.js";
import { isScheduledLabel } from "./github/scheduled-label.js";
import { MAX_WEBHOOK_BYTES, readWebhookBody } from "./github/webhook-body-limit.js";
import {
  checkRunPayload,
  checkSuitePayload,
  deploymentStatusPayload,
  isOnlyPayloadErrors,
  payloadOf,
  pullRequestPayload,
  pullRequestReviewPayload,
  statusPayload,
} from "./github/webhook-payloads.js";
import { checkLinksBeforeReview } from "./links/check-post-links.js";
import { createRedisVerdictCache } from "./links/http/redis-verdict-cache.js";
import { createMemoryVerdictCache, type VerdictCache } from "./links/http/verdict-cache.js";
import { warmUpPreviewRenderer } from "./preview/warm-up.js";
import { createSweepPlanner, DEFAULT_SWEEP_MINUTES } from "./publish/sweep-planner.js";
import { sharedReviewPool } from "./review/pool/review-pool.js";

/**
 * The Probot entry point: it subscribes to events and hands them to the use cases of `src/github/`,
 * nothing else. Each handler returns at once (GitHub gives a webhook ten seconds); the work runs in the
 * in-process queue, or, with `REDIS_URL`, in a queue on Redis that every instance of the app shares
 * (stored there before the webhook is answered).
 */

export interface AppOptions {
  /** The review queue; tests pass theirs to wait until it is idle. */
  queue?: ReviewQueue;
  /** The clock: the review date (Europe/Paris), publication dates, the sweep's pace, log durations. */
  now?: () => Date;
  /** Waits between reads of a pull request's mergeability; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * External link checking; by default the guarded HTTP checker with one in-memory verdict cache shared by
   * every review of this process. `false` turns it off (tests that must make no request).
   */
  checkLinks?: ReviewDependencies["checkLinks"] | false;
  /**
   * Starts the publication sweep's timer; by default an unref'd `setInterval`, so that it never keeps the
   * process alive. Tests keep the tick and call it when their fake clock says so.
   */
  startSweep?: (tick: () => Promise<void>, everyMs: number) => void;
  /** The check runs of the reviews running now; by default this process's, in memory. */
  liveCheckRuns?: LiveCheckRuns;
  /**
   * Starts, once, the look for reviews a previous process left unfinished (src/github/interrupted-reviews.ts);
   * by default a few seconds after start-up. `false`: never, for a queue shared by several instances,
   * which takes a dead instance's jobs over itself. Tests keep the task and run it when they want.
   */
  startRecovery?: ((recover: () => Promise<void>) => void) | false;
  /** The largest webhook body read; GitHub's own cap, 25 MB, by default. */
  maxWebhookBytes?: number;
  /** Reviews the posts; by default the process's worker pool, so that no review holds the event loop. */
  reviewer?: ReviewDependencies["reviewer"];
  /**
   * The Redis the instances share (by default `REDIS_URL`): jobs, then, go through BullMQ, and the link
   * verdicts and the live check runs are kept there. Ignored when `queue` is given. `prefix` keeps tests apart.
   */
  redis?: { url: string; prefix?: string };
  /**
   * The built-in preview's public address and secrets; by default from `RELECTEUR_PUBLIC_URL`,
   * `RELECTEUR_PREVIEW_SECRET` and `RELECTEUR_PREVIEW_SECRET_PREVIOUS`. `false`: off.
   */
  builtInPreview?: BuiltInPreviewSettings | false;
  /** Memory for the built-in preview's rendered commits, in bytes (`RELECTEUR_PREVIEW_CACHE_MB`). */
  previewCacheBytes?: number;
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

function sharedLinkChecker(cache: VerdictCache): NonNullable<ReviewDependencies["checkLinks"]> {
  return (posts, site, config) => checkLinksBeforeReview(posts, site, config, { cache });
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Late enough for the server to be listening, so that the look does not delay the first webhooks. */
const RECOVERY_DELAY_MS = 5_000;

const startSoon = (task: () => Promise<void>) => {
  setTimeout(() => void task(), RECOVERY_DELAY_MS).unref();
};

const startInterval = (tick: () => Promise<void>, everyMs: number) => {
  setInterval(() => void tick(), everyMs).unref();
};

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    const redis = options.queue ? undefined : (options.redis ?? redisFromEnv(process.env.REDIS_URL));
    const concurrency = concurrencyFromEnv(process.env.RELECTEUR_CONCURRENCY);
    const redisTransport = redis
      ? createRedisTransport({
          url: redis.url,
          ...(redis.prefix ? { prefix: redis.prefix } : {}),
          concurrency,
          timings: queueTimingsFromEnv(process.env),
          installationClient: async (id) => (await app.auth(id)) as GitHubClient,
          log: app.log,
        })
      : undefined;
    const queue: ReviewQueue | JobTransport =
      options.queue ??
      redisTransport ??
      createReviewQueue({
        concurrency,
        onError: (error, key) => app.log.error({ err: error, pullRequest: key }, "job failed"),
        onSuperseded: (key) => app.log.info({ pullRequest: key }, "queued job replaced by a newer one"),
      });
    const now = options.now ?? (() => new Date());
    const liveCheckRuns = options.liveCheckRuns ?? createLiveCheckRuns();
    const planner = createSweepPlanner();
    const appSlug = createAppSlugLookup(() => app.auth());
    const verdictCache = redis
      ? createRedisVerdictCache(redis.url, redis.prefix ? { prefix: `${redis.prefix}:link-verdict:` } : {})
      : createMemoryVerdictCache();
    const builtInPreview =
      options.builtInPreview === false
        ? undefined
        : (options.builtInPreview ?? builtInPreviewSettings(process.env));
    const deployments = new DeploymentRegistry();
    servePreviews(app, appOptions, builtInPreview, {
      now,
      cacheBytes: options.previewCacheBytes ?? cacheBytesFromEnv(process.env.RELECTEUR_PREVIEW_CACHE_MB),
    });
    const scheduler = createReviewScheduler(queue, {
      ...(builtInPreview === undefined ? {} : { builtInPreview }),
      deployments,
      now,
      sleep: options.sleep ?? realSleep,
      appSlug,
      liveCheckRuns,
      reviewer: options.reviewer ?? sharedReviewPool(),
      checkLinks:
        options.checkLinks === false ? undefined : (options.checkLinks ?? sharedLinkChecker(verdictCache)),
      onPublishPace: (installationId, repository, minutes) =>
        planner.record(installationId, repository, minutes),
    });
    // Each job's review knows its run, so that the other instances can tell it alive (its BullMQ lock)
    // and a run taken over after a death reuses the check run the dead one left in progress.
    redisTransport?.start((job, context, run) =>
      scheduler.run(job, {
        ...context,
        liveCheckRuns: createRedisLiveCheckRuns(redisTransport, run),
        isRestart: run.isRestart,
      }),
    );
    guardWebhookInput(app, options.maxWebhookBytes ?? MAX_WEBHOOK_BYTES);
    const contextOf = (context: {
      octokit: unknown;
      log: EventContext["log"];
      payload: { installation?: { id: number } };
    }): EventContext => {
      const installationId = context.payload.installation?.id;
      const base = { octokit: context.octokit as GitHubClient, log: context.log };
      return installationId === undefined ? base : { ...base, installationId };
    };

    app.on(PULL_REQUEST_ACTIONS, async (context) => {
      const { repository, pull_request: pull } = payloadOf(pullRequestPayload, context);
      await scheduler.review(contextOf(context), targetOfPullRequest(repository, pull));
    });

    app.on("check_run.rerequested", async (context) => {
      const { check_run: checkRun, repository } = payloadOf(checkRunPayload, context);
      if (checkRun.name !== CHECK_RUN_NAME) return;
      await scheduler.rerun(
        contextOf(context),
        targetsOfCheckEvent(repository, checkRun.pull_requests),
        commitOf(repository, checkRun),
      );
    });

    app.on("check_suite.rerequested", async (context) => {
      const { check_suite: checkSuite, repository } = payloadOf(checkSuitePayload, context);
      await scheduler.rerun(
        contextOf(context),
        targetsOfCheckEvent(repository, checkSuite.pull_requests),
        commitOf(repository, { head_sha: checkSuite.head_sha ?? "" }),
      );
    });

    // Publishing: every event that can change whether a pull request may be merged evaluates it again.
    app.on(["pull_request_review.submitted", "pull_request_review.dismissed"], async (context) => {
      const { repository, pull_request: pull } = payloadOf(pullRequestReviewPayload, context);
      await scheduler.publish(contextOf(context), [refOf(repository, pull)]);
    });

    app.on(["pull_request.labeled", "pull_request.unlabeled", "pull_request.closed"], async (context) => {
      const { repository, pull_request: pull, label, sender } = payloadOf(pullRequestPayload, context);
      // Relecteur writing its own label tells it nothing; anyone else removing it (a person, another bot)
      // is answered: the evaluation puts it back if the post still only waits for its date, so the
      // summary stays true.
      if (label && isScheduledLabel(label.name) && (await isOwnLogin(sender))) return;
      await scheduler.publish(contextOf(context), [refOf(repository, pull)]);
    });

    app.on("check_run.completed", async (context) => {
      const { check_run: checkRun, repository } = payloadOf(checkRunPayload, context);
      // Relecteur's own check run: the review that completed it has just evaluated the publication.
      // Another app's run of the same name is an ordinary check.
      if (checkRun.name === CHECK_RUN_NAME && (await isOwnSlug(checkRun.app?.slug))) return;
      await publishForCheck(contextOf(context), repository, checkRun.pull_requests, checkRun.head_sha);
    });

    app.on("check_suite.completed", async (context) => {
      const { check_suite: checkSuite, repository } = payloadOf(checkSuitePayload, context);
      if (await isOwnSlug(checkSuite.app?.slug)) return;
      await publishForCheck(
        contextOf(context),
        repository,
        checkSuite.pull_requests,
        checkSuite.head_sha ?? "",
      );
    });

    app.on("status", async (context) => {
      const { repository, sha, state, context: name, target_url } = payloadOf(statusPayload, context);
      // A pending status cannot make a pull request mergeable; its success or failure will come.
      if (state === "pending") return;
      const commit = commitOf(repository, { head_sha: sha });
      const eventContext = contextOf(context);
      await scheduler.publishByCommit(eventContext, commit);
      const address = state === "success" ? deploymentAddress(target_url) : undefined;
      const configured = deployments.statusContextOf(commit.owner, commit.repo);
      if (address !== undefined && name !== undefined && isDeployPreviewContext(name, configured))
        linkDeployment(eventContext, commit, address);
    });

    // The site's own deployment of a head commit (Vercel, Cloudflare Pages, GitHub Pages through Actions…).
    app.on("deployment_status", async (context) => {
      const {
        repository,
        deployment,
        deployment_status: status,
      } = payloadOf(deploymentStatusPayload, context);
      if (status.state !== "success") return;
      const address = deploymentAddress(status.environment_url, status.target_url);
      if (address === undefined) return;
      linkDeployment(contextOf(context), commitOf(repository, { head_sha: deployment.sha }), address);
    });

    /** In the queue, as reviews are: the webhook is answered at once. */
    function linkDeployment(context: EventContext, commit: ReturnType<typeof commitOf>, address: string) {
      const job = async () => {
        try {
          await linkDeployedPreview({ ...context, appSlug, deployments }, commit, address);
        } catch (error) {
          context.log.error({ err: error, head: commit.headSha }, "could not link the deploy preview");
        }
      };
      // A queue on Redis carries the scheduler's jobs only: this short one (a few requests) runs here.
      if ("enqueue" in queue)
        queue.enqueue(`deploy-preview:${commit.owner}/${commit.repo}@${commit.headSha}`, job);
      else void job();
    }

    // When GitHub cannot tell the app's slug, no event is taken for the app's own: it is evaluated.
    async function isOwnSlug(slug: string | undefined): Promise<boolean> {
      return slug !== undefined && slug === (await appSlug().catch(() => undefined));
    }

    async function isOwnLogin(user: { login: string } | undefined): Promise<boolean> {
      const slug = await appSlug().catch(() => undefined);
      return slug !== undefined && isWrittenBy(user, botLoginOf(slug));
    }

    async function publishForCheck(
      context: EventContext,
      repository: { id: number; name: string; owner: { login: string } },
      pulls: readonly { number: number; head: { sha: string }; base: { repo: { id: number } } }[],
      headSha: string,
    ) {
      const targets = targetsOfCheckEvent(repository, pulls);
      if (targets.length > 0) await scheduler.publish(context, targets);
      // A fork's pull request is not listed in the event: found by its head commit.
      else if (headSha !== "")
        await scheduler.publishByCommit(context, commitOf(repository, { head_sha: headSha }));
    }

    const listInstallations = cachedFor(DEFAULT_SWEEP_MINUTES * 60_000, now, async () => {
      const octokit = await app.auth();
      const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
      return installations.flatMap((installation) => {
        const account =
          installation.account && "login" in installation.account ? installation.account.login : undefined;
        return account ? [{ id: installation.id, account }] : [];
      });
    });
    const installationClient = async (id: number) => (await app.auth(id)) as GitHubClient;
    // On Redis, the queue takes a dead instance's jobs over itself: no look at start-up.
    if (options.startRecovery !== false && !redisTransport) {
      (options.startRecovery ?? startSoon)(async () => {
        try {
          await reviewInterruptedPullRequests({
            listInstallations,
            installationClient,
            appSlug,
            liveCheckRuns,
            review: scheduler.review,
            log: app.log,
          });
        } catch (error) {
          app.log.error({ err: error }, "could not look for interrupted reviews");
        }
      });
    }
    (options.startSweep ?? startInterval)(async () => {
      await sweepScheduledPublications({
        listInstallations,
        installationClient,
        scheduler,
        planner,
        now,
        log: app.log,
      });
    }, SWEEP_TICK_MS);
  };
}

/**
 * `read`'s last answer for `ttlMs`: the sweep wakes up every minute, the list of installations changes
 * rarely (a new one waits at most `ttlMs` for its first sweep). A failure is not kept.
 */
function cachedFor<T>(ttlMs: number, now: () => Date, read: () => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: T } | undefined;
  return async () => {
    const at = now().getTime();
    if (cached && at - cached.at < ttlMs) return cached.value;
    const value = await read();
    cached = { at, value };
    return value;
  };
}

function refOf(
  repository: { name: string; owner: { login: string } },
  pull: { number: number },
): PullRequestRef {
  return { owner: repository.owner.login, repo: repository.name, number: pull.number };
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

/**
 * The webhooks middleware Probot serves (`probot run`'s server, `createNodeMiddleware`, the tests') comes
 * from `getNodeMiddleware`, the one place that sees a request before @octokit/webhooks reads its body:
 * the body is read there with a size limit, and the middleware's own log line for a payload a handler
 * refused is left out (Probot's error handler has already written the one line about it).
 */
function guardWebhookInput(app: Probot, maxBytes: number): void {
  const original = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (options = {}) => {
    const log = options.log ?? app.log;
    const quiet = Object.assign(Object.create(log) as typeof log, {
      error: (...args: unknown[]) => {
        if (isOnlyPayloadErrors(args[0])) return;
        (log.error as (...items: unknown[]) => void)(...args);
      },
    });
    const middleware = await original({ ...options, log: quiet });
    return async (request, response, next) => {
      if (!(await readWebhookBody(request, response, maxBytes))) return true;
      return middleware(request, response, next);
    };
  };
}

/** `REDIS_URL`: the Redis the instances share; empty or absent, the in-process queue. */
function redisFromEnv(value: string | undefined): { url: string; prefix?: string } | undefined {
  return value ? { url: value } : undefined;
}

/**
 * The built-in preview's route on Probot's server (`probot run`, `npm start`, the tests' `Server`). Without
 * its settings, no route and no link; without a server (Probot loaded alone), links are still written.
 */
function servePreviews(
  app: Probot,
  appOptions: ApplicationFunctionOptions | undefined,
  settings: BuiltInPreviewSettings | undefined,
  options: { now: () => Date; cacheBytes?: number },
): void {
  if (settings === undefined) {
    app.log.info(
      "built-in preview off: set RELECTEUR_PUBLIC_URL and RELECTEUR_PREVIEW_SECRET to link each post's preview",
    );
    return;
  }
  const route = createPreviewRoute({
    settings,
    installationClient: async (id) => (await app.auth(id)) as GitHubClient,
    now: options.now,
    log: app.log,
    ...(options.cacheBytes === undefined ? {} : { cacheBytes: options.cacheBytes }),
  });
  try {
    appOptions?.addHandler(route);
  } catch (error) {
    app.log.warn(
      { err: error },
      "no HTTP server: the built-in preview's links are written but not served here",
    );
    return;
  }
  if (appOptions === undefined) return;
  // The process's first preview would otherwise also pay for loading dart-sass and for a first pass
  // through the renderer's code: done now, once the app is set up, in the background.
  setImmediate(() => {
    warmUpPreviewRenderer().catch((error: unknown) =>
      app.log.warn({ err: error }, "could not warm up the built-in preview"),
    );
  });
}

function cacheBytesFromEnv(value: string | undefined): number | undefined {
  const megabytes = Number(value);
  return value !== undefined && Number.isFinite(megabytes) && megabytes > 0
    ? megabytes * 1024 * 1024
    : undefined;
}

/** `RELECTEUR_CONCURRENCY`: reviews running at once in this process. */
function concurrencyFromEnv(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_CONCURRENCY;
}

export default createApp();
