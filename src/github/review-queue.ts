/**
 * The in-process queue of reviews, keyed by pull request. GitHub waits ten seconds at most for a webhook
 * answer, and a review takes longer on a big pull request, so the app answers at once and queues the work.
 *
 * - One review at a time per pull request: two reviews of the same pull request would race on its
 *   comments (two summary comments, the same suggestion twice).
 * - A newer job replaces the one still waiting for the same pull request: only the latest head is worth
 *   reviewing, and a push storm costs one review, not one per push. The replaced job never started, so it
 *   left nothing (no check run) behind. A `weak` job (a publication evaluation, which every review ends
 *   with anyway) never replaces a waiting job, and is dropped instead.
 * - At most `concurrency` reviews run at once, so a busy installation cannot exhaust the API rate limit
 *   or the memory of the process. Waiting pull requests start in the order they first asked.
 *
 * No timers and no I/O: a job is a function, so tests drive the queue with promises they resolve.
 */

export type ReviewJob = () => Promise<void>;

export interface EnqueueOptions {
  /** Dropped when a job of the same key is already waiting, which does at least as much. */
  weak?: boolean;
}

export interface ReviewQueueOptions {
  /** Reviews running at once over all pull requests. */
  concurrency: number;
  /** Last resort for a job that throws; jobs are expected to report their own failures. */
  onError(error: unknown, key: string): void;
  /** A waiting job was dropped for a newer one of the same key. */
  onSuperseded?(key: string): void;
}

export interface ReviewQueue {
  /** Queues `job` for `key`; a job of the same key still waiting is dropped in its favour, unless `job` is weak. */
  enqueue(key: string, job: ReviewJob, options?: EnqueueOptions): void;
  /** Resolves once nothing runs and nothing waits. */
  idle(): Promise<void>;
  /** What runs and what waits, for logs and tests. */
  stats(): { running: number; waiting: number };
}

export const DEFAULT_CONCURRENCY = 4;

export function createReviewQueue(options: ReviewQueueOptions): ReviewQueue {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${options.concurrency}`);
  }
  // A Map keeps insertion order, and replacing a value keeps the key's place: a pull request that was
  // already waiting keeps its turn when a newer head arrives.
  const waiting = new Map<string, { job: ReviewJob; isWeak: boolean }>();
  const running = new Set<string>();
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (running.size > 0 || waiting.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const start = (key: string, job: ReviewJob) => {
    running.add(key);
    // Started on a later microtask so that a job never runs inside `enqueue`, i.e. inside the webhook
    // handler that must answer GitHub first.
    Promise.resolve()
      .then(job)
      .catch((error: unknown) => options.onError(error, key))
      .finally(() => {
        running.delete(key);
        pump();
        settleIdle();
      });
  };

  const pump = () => {
    for (const [key, { job }] of waiting) {
      if (running.size >= options.concurrency) return;
      if (running.has(key)) continue;
      waiting.delete(key);
      start(key, job);
    }
  };

  return {
    enqueue(key, job, { weak = false } = {}) {
      const queued = waiting.get(key);
      if (queued) {
        if (weak && !queued.isWeak) return;
        options.onSuperseded?.(key);
      }
      waiting.set(key, { job, isWeak: weak });
      pump();
    },
    idle() {
      if (running.size === 0 && waiting.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stats: () => ({ running: running.size, waiting: waiting.size }),
  };
}
