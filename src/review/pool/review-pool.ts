import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Config } from "../../config/schema.js";
import type { FixScope } from "../fix-until-stable.js";
import { POST_START, type TooComplexReason, tooComplexFinding } from "../markdown/too-complex.js";
import {
  type PostReview,
  type ReviewContext,
  type ReviewJob,
  type SharedReviewContext,
  shareReviewContext,
} from "./review-job.js";

/**
 * Reviews posts in worker threads, so that no post holds the caller's event loop (the app answers its
 * webhooks meanwhile) and a site is reviewed on every core. Each post has a deadline
 * (`review.timeoutSeconds`) counted from when its worker starts it, and each worker a memory cap: past
 * either, the worker is terminated (Piscina starts another) and the post gets one `markdown/too-complex`
 * finding; the other posts are reviewed.
 */
export interface ReviewPool {
  /**
   * Reviews posts of one site with one config; the outcomes in the order of `posts`. A post whose review
   * threw (a bug) is a failed outcome, and the others are still reviewed. `onDone` is told of each post
   * as its review ends, in any order (a progress line).
   */
  reviewPosts(
    context: ReviewContext,
    posts: readonly PostToReview[],
    onDone?: () => void,
  ): Promise<PostOutcome[]>;
  /** Ends the workers: pending reviews are refused. */
  close(): Promise<void>;
}

export interface PostToReview {
  path: string;
  bytes: Uint8Array;
  /** Apply the corrections of this scope (the command line's `--fix` or `--fix=all`). */
  fix?: FixScope;
}

export type PostOutcome = { ok: true; review: PostReview } | { ok: false; error: unknown };

export interface ReviewPoolOptions {
  /** Worker threads; every core by default. */
  threads?: number;
  /** Heap of a worker (V8's old generation), in MB. */
  memoryMegabytes?: number;
  /** The worker module (tests pass one that misbehaves on purpose); the review worker by default. */
  workerUrl?: URL;
}

/** Far above a real post's review (a few MB), far below what a hostile one would take (gigabytes). */
export const DEFAULT_WORKER_MEMORY_MB = 512;

export function createReviewPool(options: ReviewPoolOptions = {}): ReviewPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const memoryMegabytes = options.memoryMegabytes ?? DEFAULT_WORKER_MEMORY_MB;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const piscina = new Piscina({
    filename: workerUrl.href,
    minThreads: 1,
    maxThreads: threads,
    // An idle worker keeps its parsed sites a while: a pull request's next push reuses them.
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: memoryMegabytes },
    execArgv: typeScriptLoaderFor(workerUrl),
  });
  // Posts are handed to Piscina only when a thread is free, so that a deadline never counts queueing.
  const slots = createSlots(threads);

  const reviewOne = async (
    shared: SharedReviewContext,
    post: PostToReview,
    config: Config,
  ): Promise<PostOutcome> => {
    const timeoutSeconds = config.review.timeoutSeconds;
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    started.once("message", () => {
      timer = setTimeout(() => abort.abort(), timeoutSeconds * 1000);
    });
    const job: ReviewJob = {
      context: shared,
      path: post.path,
      bytes: ownBytes(post.bytes),
      fix: post.fix,
      started: startedInWorker,
    };
    try {
      const review = (await piscina.run(job, {
        signal: abort.signal,
        transferList: [startedInWorker],
      })) as PostReview;
      return { ok: true, review };
    } catch (error) {
      const reason = stoppedReason(error, abort.signal.aborted, timeoutSeconds, memoryMegabytes);
      if (!reason) return { ok: false, error };
      return { ok: true, review: { findings: [tooComplexFinding(reason, POST_START, config)] } };
    } finally {
      clearTimeout(timer);
      started.close();
    }
  };

  return {
    async reviewPosts(context, posts, onDone) {
      const shared = shareReviewContext(context);
      return Promise.all(
        posts.map(async (post) => {
          const outcome = await slots.run(() => reviewOne(shared, post, context.config));
          onDone?.();
          return outcome;
        }),
      );
    },
    close: () => piscina.destroy(),
  };
}

let shared: ReviewPool | undefined;

/**
 * The process's pool, started at its first use and never closed: its idle workers do not keep the process
 * alive, and the app's reviews and a command line run (or a test file's many runs) share its warm workers.
 */
export function sharedReviewPool(): ReviewPool {
  shared ??= createReviewPool();
  return shared;
}

function stoppedReason(
  error: unknown,
  isPastDeadline: boolean,
  timeoutSeconds: number,
  memoryMegabytes: number,
): TooComplexReason | undefined {
  if (isPastDeadline) return { kind: "timeout", seconds: timeoutSeconds };
  if ((error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return { kind: "memory", megabytes: memoryMegabytes };
  }
  return undefined;
}

/**
 * The review worker next to this module: compiled JavaScript in `dist/` (the command line, the app), the
 * TypeScript source when this module itself runs from source (vitest, tsx).
 */
function defaultWorkerUrl(): URL {
  const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`./review-worker.${extension}`, import.meta.url);
}

/**
 * A worker written in TypeScript is loaded through tsx (a development dependency: tests only), named by its
 * resolved address: `--import tsx` would look for it from the current folder, which may be any site's.
 */
function typeScriptLoaderFor(workerUrl: URL): string[] {
  return workerUrl.pathname.endsWith(".ts") ? ["--import", import.meta.resolve("tsx")] : [];
}

/**
 * The post's bytes in a buffer of their own. A view (a `Buffer` from Node's shared 8 KiB slab, a subarray
 * of a larger read) is copied into the worker with its whole underlying buffer: a 3 KB post read into a
 * 1 MiB buffer cost the worker a MiB, a site of 4,000 posts gigabytes.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const isWhole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return isWhole ? bytes : new Uint8Array(bytes);
}

/** At most `size` functions running at once; the others wait their turn, first come first served. */
function createSlots(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
