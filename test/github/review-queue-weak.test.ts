import { describe, expect, it } from "vitest";
import { createReviewQueue, type ReviewJob } from "../../src/github/review-queue.js";

/** A job that records its start and finishes when the test says so. */
function controlledJob(name: string, log: string[]) {
  let finish: () => void = () => {};
  const job: ReviewJob = () =>
    new Promise<void>((resolve) => {
      log.push(`start ${name}`);
      finish = () => {
        log.push(`end ${name}`);
        resolve();
      };
    });
  return { job, finish: () => finish() };
}

/** Lets the queue's microtasks run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

function newQueue(concurrency: number) {
  const superseded: string[] = [];
  const queue = createReviewQueue({
    concurrency,
    onError: (error) => {
      throw error;
    },
    onSuperseded: (key) => superseded.push(key),
  });
  return { queue, superseded };
}

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
