import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPullRequestSlots } from "../../src/github/pull-request-slots.js";
import {
  createRedisJobQueue,
  type JobRun,
  type QueueTimings,
  type RedisJobQueue,
} from "../../src/github/redis-job-queue.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";

/**
 * The BullMQ queue against a real Redis (Debian's redis-server on a free port). Each test has its own
 * key prefix; the instances of a test share it, as the app's instances share one Redis.
 */

let server: RedisServer;
const opened: RedisJobQueue<unknown>[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  for (const queue of opened.splice(0)) await queue.close();
});
afterAll(async () => {
  await server.stop();
});

const silent = { info() {}, warn() {}, error() {} };

interface Payload {
  name: string;
}

/** A job the test finishes (or fails) when it wants, and a log of what ran. */
function controller() {
  const log: string[] = [];
  const runs: JobRun[] = [];
  const pending = new Map<string, { finish(): void; fail(error: Error): void }>();
  const started = new Map<string, () => void>();
  const whenStarted = new Map<string, Promise<void>>();
  const startedPromise = (name: string) => {
    let promise = whenStarted.get(name);
    if (!promise) {
      promise = new Promise<void>((resolve) => started.set(name, resolve));
      whenStarted.set(name, promise);
    }
    return promise;
  };
  return {
    log,
    runs,
    process(payload: Payload, run: JobRun): Promise<void> {
      log.push(`start ${payload.name}`);
      runs.push(run);
      startedPromise(payload.name);
      started.get(payload.name)?.();
      return new Promise<void>((resolve, reject) => {
        pending.set(payload.name, {
          finish: () => {
            log.push(`end ${payload.name}`);
            resolve();
          },
          fail: reject,
        });
      });
    },
    started: startedPromise,
    finish: (name: string) => pending.get(name)?.finish(),
    fail: (name: string, error: Error) => pending.get(name)?.fail(error),
  };
}

function newQueue(
  prefix: string,
  process: (payload: Payload, run: JobRun) => Promise<void>,
  timings: Partial<QueueTimings> = {},
  concurrency = 4,
): RedisJobQueue<Payload> {
  const queue = createRedisJobQueue<Payload>({
    url: server.url,
    prefix,
    concurrency,
    // No recheck during a test: a job waiting for its key must be woken by the job that held it.
    timings: { lockMs: 2_000, stalledCheckMs: 1_000, blockedRecheckMs: 600_000, ...timings },
    process,
    log: silent,
  });
  opened.push(queue as RedisJobQueue<unknown>);
  return queue;
}

/** Polls Redis (not the clock) until `condition` holds. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("the BullMQ review queue", () => {
  it("stores the job before add resolves, so that an instance started later runs it", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const producer = newQueue(prefix, jobs.process, {}, 0);
    expect(await producer.add("o/r#1", { name: "a" })).toBe("queued");
    expect(await producer.redis.llen(`${prefix}:reviews:wait`)).toBe(1);
    const worker = newQueue(prefix, jobs.process);
    worker.start();
    await jobs.started("a");
    jobs.finish("a");
  });

  it("runs only the newest waiting job of a pull request, each pull request once", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const producer = newQueue(prefix, jobs.process, {}, 0);
    await producer.add("o/r#1", { name: "head-1" });
    await producer.add("o/r#1", { name: "head-2" });
    await producer.add("o/r#2", { name: "other" });
    await producer.add("o/r#1", { name: "head-3" });
    const worker = newQueue(prefix, jobs.process);
    worker.start();
    await Promise.all([jobs.started("head-3"), jobs.started("other")]);
    jobs.finish("head-3");
    jobs.finish("other");
    await until(async () => jobs.log.length === 4);
    expect(jobs.log.filter((line) => line.startsWith("start")).sort()).toEqual([
      "start head-3",
      "start other",
    ]);
  });

  it("runs one job at a time per pull request over two instances; the holder's end wakes the next", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const first = newQueue(prefix, jobs.process);
    const second = newQueue(prefix, jobs.process);
    first.start();
    await first.add("o/r#1", { name: "head-1" });
    await jobs.started("head-1");
    second.start();
    await second.add("o/r#1", { name: "head-2" });
    await second.add("o/r#2", { name: "other" });
    // Another pull request is not held up.
    await jobs.started("other");
    jobs.finish("other");
    // head-2 was taken by a worker, found the key held and waits (without the recheck, which is off).
    const blocked = `${first.keyBase}:blocked:o/r#1`;
    await until(async () => (await first.redis.scard(blocked)) === 1);
    expect(jobs.log).not.toContain("start head-2");
    jobs.finish("head-1");
    await jobs.started("head-2");
    expect(jobs.log.indexOf("end head-1")).toBeLessThan(jobs.log.indexOf("start head-2"));
    jobs.finish("head-2");
  });

  it("retries a job that throws, after the backoff, telling it that it is a restart", async () => {
    const prefix = randomUUID();
    const attempts: { at: number; run: JobRun }[] = [];
    const queue = newQueue(
      prefix,
      async (_payload, run) => {
        attempts.push({ at: Date.now(), run });
        if (attempts.length === 1) throw new Error("GitHub a répondu 502");
      },
      { attempts: 2, backoffMs: 400 },
    );
    queue.start();
    await queue.add("o/r#1", { name: "a" });
    await until(async () => attempts.length === 2);
    const [first, second] = attempts;
    // BullMQ never retries before the delay: a lower bound, not a margin.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(400);
    expect(first?.run.isRestart).toBe(false);
    expect(second?.run.isRestart).toBe(true);
  });

  it("drops a weak job behind a waiting strong one, and lets a strong one replace a weak one", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const producer = newQueue(prefix, jobs.process, {}, 0);
    await producer.add("o/r#1", { name: "review" });
    expect(await producer.add("o/r#1", { name: "publish-1" }, { weak: true })).toBe("dropped");
    expect(await producer.add("o/r#2", { name: "publish-2" }, { weak: true })).toBe("queued");
    expect(await producer.add("o/r#2", { name: "publish-3" }, { weak: true })).toBe("queued");
    expect(await producer.add("o/r#2", { name: "review-2" })).toBe("queued");
    const worker = newQueue(prefix, jobs.process);
    worker.start();
    await Promise.all([jobs.started("review"), jobs.started("review-2")]);
    jobs.finish("review");
    jobs.finish("review-2");
    await until(async () => jobs.log.length === 4);
    expect(jobs.log.filter((line) => line.startsWith("start")).sort()).toEqual([
      "start review",
      "start review-2",
    ]);
  });

  it("does not drop a weak job for a waiting job that no longer exists", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const producer = newQueue(prefix, jobs.process, {}, 0);
    // An instance died between taking the slot and storing its job.
    const slots = createPullRequestSlots(producer.redis, producer.keyBase, "unused");
    await slots.claim("o/r#1", "o/r#1@lost", false);
    expect(await producer.add("o/r#1", { name: "publish" }, { weak: true })).toBe("queued");
    const worker = newQueue(prefix, jobs.process);
    worker.start();
    await jobs.started("publish");
    jobs.finish("publish");
  });

  it("tells whether a run is alive by its BullMQ lock", async () => {
    const prefix = randomUUID();
    const jobs = controller();
    const queue = newQueue(prefix, jobs.process);
    queue.start();
    await queue.add("o/r#1", { name: "a" });
    await jobs.started("a");
    const run = jobs.runs[0] as JobRun;
    expect(await queue.isRunAlive(run.id, run.token)).toBe(true);
    expect(await queue.isRunAlive(run.id, "another-token")).toBe(false);
    jobs.finish("a");
    await until(async () => !(await queue.isRunAlive(run.id, run.token)));
  });
});
