import type { ReviewOptions } from "../engine.js";
import { fixUntilStable } from "../fix-until-stable.js";
import { reviewFile } from "../review-file.js";
import { openReviewContext, type PostReview, type ReviewContext, type ReviewJob } from "./review-job.js";

/** Contexts rebuilt in this worker, most recent last: a few runs (pull requests) may be interleaved. */
const contexts = new Map<string, ReviewContext>();
const CONTEXTS_KEPT = 4;

function contextOf(job: ReviewJob): ReviewContext {
  let context = contexts.get(job.context.key);
  if (context) {
    contexts.delete(job.context.key);
  } else {
    context = openReviewContext(job.context);
    const oldest = contexts.keys().next();
    if (contexts.size >= CONTEXTS_KEPT && !oldest.done) contexts.delete(oldest.value);
  }
  contexts.set(job.context.key, context);
  return context;
}

/** Piscina's entry: reviews one post (and fixes it, when asked) in this worker thread. */
export default function reviewInWorker(job: ReviewJob): PostReview {
  job.started.postMessage("started");
  job.started.close();
  const { site, config, ...rest } = contextOf(job);
  const options: ReviewOptions = { today: rest.today, only: rest.only, externalLinks: rest.externalLinks };
  const review = reviewFile({ path: job.path, bytes: job.bytes }, site, config, options);
  if (!job.fix || review.source === undefined) return review;
  const reviewText = (text: string) =>
    reviewFile({ path: job.path, bytes: Buffer.from(text) }, site, config, options);
  const fixed = fixUntilStable(review.source, review.findings, (text) => reviewText(text).findings, job.fix);
  if (fixed === review.source) return review;
  return { ...reviewText(fixed), fixed };
}
