import { existsSync, writeFileSync } from "node:fs";
import type { PostReview, ReviewJob } from "../../../src/review/pool/review-job.js";
import reviewInWorker, { keptContextCount } from "../../../src/review/pool/review-worker.js";

/**
 * The review worker, except for posts that ask it to misbehave as a hostile post would make it: `BOUCLE`
 * spins for ever, `MÉMOIRE` allocates until the heap is full, `ATTENDRE <file>` holds its thread (busy, as a
 * slow review does) until the file exists, having written `<file>.started`, then reviews the post;
 * `PANNE` throws, as a bug would; `SONDE` reviews the post, then answers as its `source` what the worker
 * received and holds (see Probe).
 */
export default function misbehavingWorker(job: ReviewJob): PostReview {
  const text = Buffer.from(job.bytes).toString("utf8");
  if (text.includes("PANNE")) throw new Error("panne de test");
  if (text.includes("BOUCLE")) {
    job.started.postMessage("started");
    for (;;) {}
  }
  if (text.includes("MÉMOIRE")) {
    job.started.postMessage("started");
    const hog: number[][] = [];
    for (;;) hog.push(Array.from({ length: 100_000 }, (_, index) => index));
  }
  if (text.includes("SONDE")) {
    reviewInWorker(job);
    const probe: Probe = {
      bytesBufferLength: job.bytes.buffer.byteLength,
      isContextShared: job.context.buffer instanceof SharedArrayBuffer,
      contextKey: job.context.key,
      keptContexts: keptContextCount(),
    };
    return { findings: [], source: JSON.stringify(probe) };
  }
  const release = /ATTENDRE (\S+)/.exec(text)?.[1];
  if (release) {
    job.started.postMessage("started");
    writeFileSync(`${release}.started`, "");
    // Never for ever: a test that fails must still end.
    const giveUpAt = Date.now() + 120_000;
    while (!existsSync(release) && Date.now() < giveUpAt) {}
  }
  return reviewInWorker(job);
}

/** What a `SONDE` post tells of its worker. */
export interface Probe {
  /** Bytes of the buffer behind the post's bytes, as the worker received them. */
  bytesBufferLength: number;
  /** The site and config came as a SharedArrayBuffer: shared by every post of the run, not copied. */
  isContextShared: boolean;
  contextKey: string;
  /** Runs whose site the worker holds after this post. */
  keptContexts: number;
}
