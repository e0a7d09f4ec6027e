import type { ReviewOptions } from "../engine.js";
import { type FixScope, fixUntilStable } from "../fix-until-stable.js";
import { reviewFile } from "../review-file.js";
import type { PostReview, ReviewContext } from "./review-job.js";

/** Reviews one post (and fixes it, when asked): the work of a pool's worker, or of the caller's thread. */
export function reviewOnePost(
  context: ReviewContext,
  post: { path: string; bytes: Uint8Array; fix?: FixScope },
): PostReview {
  const { site, config, ...rest } = context;
  const options: ReviewOptions = { today: rest.today, only: rest.only, externalLinks: rest.externalLinks };
  const review = reviewFile({ path: post.path, bytes: post.bytes }, site, config, options);
  if (!post.fix || review.source === undefined) return review;
  const reviewText = (text: string) =>
    reviewFile({ path: post.path, bytes: Buffer.from(text) }, site, config, options);
  const fixed = fixUntilStable(review.source, review.findings, (text) => reviewText(text).findings, post.fix);
  if (fixed === review.source) return review;
  return { ...reviewText(fixed), fixed };
}
