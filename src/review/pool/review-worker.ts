import { openReviewContext, type PostReview, type ReviewContext, type ReviewJob } from "./review-job.js";
import { reviewOnePost } from "./review-one-post.js";

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

/** How many runs' sites this worker holds: a few, whatever the number of runs and posts it reviewed. */
export function keptContextCount(): number {
  return contexts.size;
}

/** Piscina's entry: reviews one post (and fixes it, when asked) in this worker thread. */
export default function reviewInWorker(job: ReviewJob): PostReview {
  job.started.postMessage("started");
  job.started.close();
  return reviewOnePost(contextOf(job), job);
}
