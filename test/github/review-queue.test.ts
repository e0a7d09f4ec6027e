import { describe, expect, it } from "vitest";
import { createReviewQueue, type ReviewJob } from "../../src/github/review-queue.js";

/** A job that records its start and finishes when the test says so. */
function controlledJob(name: string, log: string[]) {
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const job: ReviewJob = () =>
    new Promise<void>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = () => {
        log.push(`end ${name}`);
        resolve();
      };
      fail = reject;
    });
  return { job, finish: () => finish(), fail: (error: Error) => fail(error) };
}

/** Lets the queue's microtasks run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

function newQueue(concurrency: number) {
  const errors: string[] = [];
  const superseded: string[] = [];
  const queue = createReviewQueue({
    concurrency,
    onError: (error, key) => errors.push(`${key}: ${(error as Error).message}`),
    onSuperseded: (key) => superseded.push(key),
  });
  return { queue, errors, superseded };
}

describe("createReviewQueue", () => {
  it("never runs a job inside enqueue", async () => {
    const log: string[] = [];
    const { queue } = newQueue(2);
    const a = controlledJob("a", log);
    queue.enqueue("pr#1", a.job);
    expect(log).toEqual([]);
    await flush();
    expect(log).toEqual(["start a"]);
    a.finish();
    await queue.idle();
  });

  it("runs one review at a time per pull request", async () => {
    const log: string[] = [];
    const { queue } = newQueue(4);
    const first = controlledJob("first", log);
    const second = controlledJob("second", log);
    queue.enqueue("pr#1", first.job);
    await flush();
    queue.enqueue("pr#1", second.job);
    await flush();
    expect(log).toEqual(["start first"]);
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    first.finish();
    await flush();
    expect(log).toEqual(["start first", "end first", "start second"]);
    second.finish();
    await queue.idle();
  });

  it("replaces a waiting job by a newer one of the same pull request", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(1);
    const running = controlledJob("head1", log);
    const older = controlledJob("head2", log);
    const newer = controlledJob("head3", log);
    queue.enqueue("pr#1", running.job);
    await flush();
    queue.enqueue("pr#1", older.job);
    queue.enqueue("pr#1", newer.job);
    expect(superseded).toEqual(["pr#1"]);
    running.finish();
    await flush();
    newer.finish();
    await queue.idle();
    expect(log).toEqual(["start head1", "end head1", "start head3", "end head3"]);
  });

  it("bounds the reviews running at once, in the order pull requests asked", async () => {
    const log: string[] = [];
    const { queue } = newQueue(2);
    const jobs = ["a", "b", "c", "d"].map((name) => controlledJob(name, log));
    jobs.forEach((job, index) => {
      queue.enqueue(`pr#${index}`, job.job);
    });
    await flush();
    expect(log).toEqual(["start a", "start b"]);
    expect(queue.stats()).toEqual({ running: 2, waiting: 2 });
    jobs[1]?.finish();
    await flush();
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    jobs[0]?.finish();
    await flush();
    jobs[2]?.finish();
    jobs[3]?.finish();
    await queue.idle();
    expect(log.filter((line) => line.startsWith("start"))).toEqual([
      "start a",
      "start b",
      "start c",
      "start d",
    ]);
  });

  it("a pull request waiting behind its own running review lets others pass", async () => {
    const log: string[] = [];
    const { queue } = newQueue(2);
    const a1 = controlledJob("a1", log);
    const a2 = controlledJob("a2", log);
    const b = controlledJob("b", log);
    queue.enqueue("pr#a", a1.job);
    await flush();
    queue.enqueue("pr#a", a2.job);
    queue.enqueue("pr#b", b.job);
    await flush();
    expect(log).toEqual(["start a1", "start b"]);
    a1.finish();
    b.finish();
    await flush();
    a2.finish();
    await queue.idle();
    expect(log).toContain("start a2");
  });

  it("reports a job that throws and goes on with the next one", async () => {
    const log: string[] = [];
    const { queue, errors } = newQueue(1);
    const broken = controlledJob("broken", log);
    const next = controlledJob("next", log);
    queue.enqueue("pr#1", broken.job);
    queue.enqueue("pr#2", next.job);
    await flush();
    broken.fail(new Error("boom"));
    await flush();
    next.finish();
    await queue.idle();
    expect(errors).toEqual(["pr#1: boom"]);
    expect(log).toEqual(["start broken", "start next", "end next"]);
  });

  it("is idle at once when empty, and refuses a concurrency below one", async () => {
    const { queue } = newQueue(1);
    await expect(queue.idle()).resolves.toBeUndefined();
    expect(() => newQueue(0)).toThrow(RangeError);
  });
});

describe("createReviewQueue, weak jobs", () => {
  it("drops a weak job when a job of the same key waits, without calling it superseded", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(4);
    const review = controlledJob("review", log);
    const next = controlledJob("next review", log);
    const publication = controlledJob("publication", log);
    queue.enqueue("pr#1", review.job);
    await flush();
    queue.enqueue("pr#1", next.job);
    queue.enqueue("pr#1", publication.job, { weak: true });
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    expect(superseded).toEqual([]);
    review.finish();
    await flush();
    next.finish();
    await queue.idle();
    expect(log).toEqual(["start review", "end review", "start next review", "end next review"]);
  });

  it("a normal job replaces a waiting weak job", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(4);
    const review = controlledJob("review", log);
    const publication = controlledJob("publication", log);
    const next = controlledJob("next review", log);
    queue.enqueue("pr#1", review.job);
    await flush();
    queue.enqueue("pr#1", publication.job, { weak: true });
    queue.enqueue("pr#1", next.job);
    expect(superseded).toEqual(["pr#1"]);
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    review.finish();
    await flush();
    next.finish();
    await queue.idle();
    expect(log).toEqual(["start review", "end review", "start next review", "end next review"]);
  });

  it("once a normal job replaced a weak one, a later weak job is dropped", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(4);
    const review = controlledJob("review", log);
    const first = controlledJob("publication 1", log);
    const next = controlledJob("next review", log);
    const second = controlledJob("publication 2", log);
    queue.enqueue("pr#1", review.job);
    await flush();
    queue.enqueue("pr#1", first.job, { weak: true });
    queue.enqueue("pr#1", next.job);
    queue.enqueue("pr#1", second.job, { weak: true });
    expect(superseded).toEqual(["pr#1"]);
    review.finish();
    await flush();
    next.finish();
    await queue.idle();
    expect(log).toEqual(["start review", "end review", "start next review", "end next review"]);
  });

  it("a weak job waiting is replaced by a newer weak job", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(4);
    const review = controlledJob("review", log);
    const older = controlledJob("publication 1", log);
    const newer = controlledJob("publication 2", log);
    queue.enqueue("pr#1", review.job);
    await flush();
    queue.enqueue("pr#1", older.job, { weak: true });
    queue.enqueue("pr#1", newer.job, { weak: true });
    expect(superseded).toEqual(["pr#1"]);
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    review.finish();
    await flush();
    newer.finish();
    await queue.idle();
    expect(log).toEqual(["start review", "end review", "start publication 2", "end publication 2"]);
  });

  it("runs a weak job when nothing of its key waits", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(4);
    const publication = controlledJob("publication", log);
    queue.enqueue("pr#1", publication.job, { weak: true });
    await flush();
    expect(log).toEqual(["start publication"]);
    publication.finish();
    await queue.idle();
    expect(log).toEqual(["start publication", "end publication"]);
    expect(superseded).toEqual([]);
  });

  it("a weak job behind a running job of its key waits, then runs", async () => {
    const log: string[] = [];
    const { queue } = newQueue(4);
    const review = controlledJob("review", log);
    const publication = controlledJob("publication", log);
    queue.enqueue("pr#1", review.job);
    await flush();
    queue.enqueue("pr#1", publication.job, { weak: true });
    await flush();
    expect(log).toEqual(["start review"]);
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    review.finish();
    await flush();
    expect(log).toEqual(["start review", "end review", "start publication"]);
    publication.finish();
    await queue.idle();
  });

  it("a job waiting for another key does not make a weak job drop", async () => {
    const log: string[] = [];
    const { queue, superseded } = newQueue(1);
    const a = controlledJob("a", log);
    const b = controlledJob("b", log);
    const publication = controlledJob("publication c", log);
    queue.enqueue("pr#a", a.job);
    await flush();
    queue.enqueue("pr#b", b.job);
    queue.enqueue("pr#c", publication.job, { weak: true });
    expect(queue.stats()).toEqual({ running: 1, waiting: 2 });
    a.finish();
    await flush();
    b.finish();
    await flush();
    publication.finish();
    await queue.idle();
    expect(log.filter((line) => line.startsWith("start"))).toEqual([
      "start a",
      "start b",
      "start publication c",
    ]);
    expect(superseded).toEqual([]);
  });
});
