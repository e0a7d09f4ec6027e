import { randomUUID } from "node:crypto";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { createPullRequestSlots, type PullRequestSlots } from "./pull-request-slots.js";

/**
 * The review queue of several instances sharing one Redis (`REDIS_URL`), on BullMQ. A job is data (what
 * to do, for which installation), stored in Redis before `add` resolves, so before the webhook is
 * answered; any instance's worker runs it. On top of BullMQ, src/github/pull-request-slots.ts keeps the
 * rules of the in-process queue (src/github/review-queue.ts): one job at a time per key, a newer job
 * replacing the waiting one, weak jobs dropped behind a strong one.
 *
 * A job whose instance died (its lock no longer renewed) goes back to waiting at the next stalled-job
 * check and another instance takes it over: within `lockMs + stalledCheckMs`. A job that throws is
 * retried `attempts` times in all, with exponential backoff from `backoffMs`.
 */

export interface QueueTimings {
  /** How long a worker's lock on a job lasts unrenewed (renewed every half of it while the job runs). */
  lockMs: number;
  /** How often each worker looks for jobs whose lock expired, to run them again. */
  stalledCheckMs: number;
  /** Runs of a job that throws, the first included. */
  attempts: number;
  /** The first retry's delay; it doubles at each retry. */
  backoffMs: number;
  /** When a job waits for another of its key: how long before it looks again if nobody wakes it. */
  blockedRecheckMs: number;
}

/** Takeover within 45 s (lock 30 s + one check every 15 s), well within the minute promised. */
export const DEFAULT_TIMINGS: QueueTimings = {
  lockMs: 30_000,
  stalledCheckMs: 15_000,
  attempts: 3,
  backoffMs: 10_000,
  blockedRecheckMs: 5_000,
};

interface StoredJob<Data> {
  key: string;
  weak: boolean;
  payload: Data;
}

/** What the job's processor is told of the run. */
export interface JobRun {
  id: string;
  /** Not the job's first start: it failed and is retried, or its instance died and it is taken over. */
  isRestart: boolean;
  /** Whether BullMQ's lock on the job, taken by this run, is still held: the run is alive. */
  token: string;
}

export interface RedisJobQueueOptions<Data> {
  url: string;
  /** BullMQ's key prefix; tests give each their own. */
  prefix?: string;
  name?: string;
  /** Jobs running at once in this instance; 0: this instance only adds jobs (no worker). */
  concurrency: number;
  timings?: Partial<QueueTimings>;
  process(payload: Data, run: JobRun): Promise<void>;
  log: {
    info(object: object, message: string): void;
    warn(object: object, message: string): void;
    error(object: object, message: string): void;
  };
}

export type AddOutcome = "queued" | "dropped";

export interface RedisJobQueue<Data> {
  /** Stores the job; resolves once Redis holds it (or once it is dropped behind a strong waiting job). */
  add(key: string, payload: Data, options?: { weak?: boolean }): Promise<AddOutcome>;
  /** Starts this instance's worker, if `concurrency` > 0 and it is not running. */
  start(): void;
  /** Whether job `id`'s lock is held with `token`: its run is alive, in any instance. */
  isRunAlive(id: string, token: string): Promise<boolean>;
  /** Waits for the running jobs of this instance, then disconnects. */
  close(): Promise<void>;
  /** The Redis key prefix of this queue's own keys (tests, the live check runs). */
  readonly keyBase: string;
  /** A connection for the app's other uses of Redis (tests). */
  readonly redis: Redis;
}

const WAITING_STATES = new Set(["waiting", "delayed", "prioritized", "waiting-children"]);

export function createRedisJobQueue<Data>(options: RedisJobQueueOptions<Data>): RedisJobQueue<Data> {
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const prefix = options.prefix ?? "relecteur";
  const name = options.name ?? "reviews";
  // BullMQ's workers block on Redis and must never give a command up: `maxRetriesPerRequest: null`.
  const connection = new Redis(options.url, { maxRetriesPerRequest: null });
  const queue = new Queue<StoredJob<Data>>(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: timings.attempts,
      backoff: { type: "exponential", delay: timings.backoffMs },
      removeOnComplete: true,
      // Failed jobs stay a week for an operator to look at, then go.
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  const jobKeyPrefix = queue.toKey("");
  const keyBase = `${prefix}:${name}-slots`;
  const slots: PullRequestSlots = createPullRequestSlots(connection, keyBase, jobKeyPrefix);
  let worker: Worker<StoredJob<Data>> | undefined;
  let workerConnection: Redis | undefined;

  const isWaiting = async (id: string) => {
    const job = await queue.getJob(id);
    return job !== undefined && WAITING_STATES.has(await job.getState());
  };

  const processJob = async (job: Job<StoredJob<Data>>, token?: string) => {
    const id = job.id ?? "";
    const { key, payload } = job.data;
    const acquisition = await slots.acquire(key, id);
    if (acquisition === "superseded") {
      options.log.info({ key, job: id }, "queued job replaced by a newer one");
      return;
    }
    if (acquisition === "blocked") {
      // Another instance runs this key: wait, without counting an attempt. Its end promotes this job.
      await job.moveToDelayed(Date.now() + timings.blockedRecheckMs, token);
      throw new DelayedError();
    }
    try {
      await options.process(payload, { id, isRestart: job.attemptsStarted > 1, token: token ?? "" });
    } finally {
      const waiting = await slots.release(key, id);
      for (const waitingId of waiting) {
        await (await queue.getJob(waitingId))?.promote().catch(() => undefined);
      }
    }
  };

  return {
    keyBase,
    redis: connection,
    async add(key, payload, { weak = false } = {}) {
      // BullMQ refuses `:` in custom ids; keys are `owner/repo#number` or `owner/repo@sha`.
      const id = `${key.replaceAll(":", "_")}@${randomUUID()}`;
      let claim = await slots.claim(key, id, weak);
      if (claim.outcome === "dropped") {
        if (await isWaiting(claim.waiting)) return "dropped";
        // The slot names a job that is gone (its instance died between the claim and the add).
        claim = await slots.claim(key, id, weak, true);
      }
      await queue.add(weak ? "weak" : "job", { key, weak, payload }, { jobId: id });
      if (claim.outcome === "queued" && claim.replaced) {
        // It may have just started: then it finds itself superseded and does nothing.
        await (await queue.getJob(claim.replaced))?.remove().catch(() => undefined);
        options.log.info({ key, job: claim.replaced }, "queued job replaced by a newer one");
      }
      return "queued";
    },
    start() {
      if (worker || options.concurrency < 1) return;
      workerConnection = new Redis(options.url, { maxRetriesPerRequest: null });
      worker = new Worker<StoredJob<Data>>(name, processJob, {
        connection: workerConnection,
        prefix,
        concurrency: options.concurrency,
        lockDuration: timings.lockMs,
        stalledInterval: timings.stalledCheckMs,
        // An instance may die more than once under the same job (a node being drained, then another).
        maxStalledCount: 3,
      });
      worker.on("failed", (job, error) =>
        options.log.error({ err: error, key: job?.data.key, job: job?.id }, "job failed"),
      );
      worker.on("error", (error) => options.log.error({ err: error }, "job queue error"));
    },
    async isRunAlive(id, token) {
      return (await connection.get(`${jobKeyPrefix}${id}:lock`)) === token;
    },
    async close() {
      await worker?.close();
      await queue.close();
      workerConnection?.disconnect();
      connection.disconnect();
    },
  };
}
