import type { Redis } from "ioredis";
import type { Logger } from "probot";
import type { GitHubClient } from "./github-client.js";
import { createRedisJobQueue, DEFAULT_TIMINGS, type JobRun, type QueueTimings } from "./redis-job-queue.js";
import type { EventContext, JobTransport, SchedulerJob } from "./review-scheduler.js";

/**
 * The scheduler's jobs on Redis: each job is stored with its installation, and the instance that takes it
 * makes a client for that installation (`app.auth(installationId)`, whose tokens Probot caches).
 */

interface StoredPayload {
  job: SchedulerJob;
  installationId: number;
}

export interface RedisTransportOptions {
  url: string;
  concurrency: number;
  timings: Partial<QueueTimings>;
  /** A client for the installation, as Probot's `app.auth(id)` gives. */
  installationClient(installationId: number): Promise<GitHubClient>;
  log: Logger;
  /** BullMQ's key prefix; tests give their own. */
  prefix?: string;
}

export interface RedisTransport extends JobTransport {
  /** Starts taking jobs: `run` runs one in this instance. */
  start(run: (job: SchedulerJob, context: EventContext, jobRun: JobRun) => Promise<void>): void;
  isRunAlive(id: string, token: string): Promise<boolean>;
  close(): Promise<void>;
  /** The queue's connection and key prefix, for the app's other keys (the live check runs). */
  readonly redis: Redis;
  readonly keyBase: string;
}

export function createRedisTransport(options: RedisTransportOptions): RedisTransport {
  let runner: ((job: SchedulerJob, context: EventContext, jobRun: JobRun) => Promise<void>) | undefined;
  const queue = createRedisJobQueue<StoredPayload>({
    url: options.url,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    concurrency: options.concurrency,
    timings: options.timings,
    log: options.log,
    async process({ job, installationId }, jobRun) {
      if (!runner) throw new Error("the Redis queue's worker started before its runner");
      const octokit = await options.installationClient(installationId);
      const log = options.log.child({ installation: installationId, job: jobRun.id });
      await runner(job, { octokit, log, installationId }, jobRun);
    },
  });
  return {
    async submit(key, job, context, _run, weak) {
      if (context.installationId === undefined) {
        // Every webhook of an installed app names its installation; without it no instance could act.
        context.log.error({ key }, "job without an installation: not queued");
        return;
      }
      const outcome = await queue.add(key, { job, installationId: context.installationId }, { weak });
      context.log.debug({ key, kind: job.kind, outcome }, "job stored in Redis");
    },
    start(run) {
      runner = run;
      queue.start();
    },
    isRunAlive: (id, token) => queue.isRunAlive(id, token),
    redis: queue.redis,
    keyBase: queue.keyBase,
    close: () => queue.close(),
  };
}

/**
 * The queue's timings from the environment, in seconds: `RELECTEUR_JOB_LOCK_SECONDS` (a dead instance's
 * job is taken over within it plus `RELECTEUR_STALLED_CHECK_SECONDS`), `RELECTEUR_JOB_ATTEMPTS`,
 * `RELECTEUR_JOB_BACKOFF_SECONDS`. A value that is not a positive number stops the app with a message.
 */
export function queueTimingsFromEnv(env: Readonly<Record<string, string | undefined>>): QueueTimings {
  const seconds = (name: string, fallbackMs: number) => {
    const text = env[name];
    if (text === undefined || text === "") return fallbackMs;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${name} doit être un nombre de secondes positif, pas «\u00a0${text}\u00a0»`);
    return Math.round(value * 1000);
  };
  const attemptsText = env.RELECTEUR_JOB_ATTEMPTS;
  const attempts = attemptsText ? Number(attemptsText) : DEFAULT_TIMINGS.attempts;
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new Error(`RELECTEUR_JOB_ATTEMPTS doit être un entier positif, pas «\u00a0${attemptsText}\u00a0»`);
  return {
    lockMs: seconds("RELECTEUR_JOB_LOCK_SECONDS", DEFAULT_TIMINGS.lockMs),
    stalledCheckMs: seconds("RELECTEUR_STALLED_CHECK_SECONDS", DEFAULT_TIMINGS.stalledCheckMs),
    attempts,
    backoffMs: seconds("RELECTEUR_JOB_BACKOFF_SECONDS", DEFAULT_TIMINGS.backoffMs),
    blockedRecheckMs: DEFAULT_TIMINGS.blockedRecheckMs,
  };
}
