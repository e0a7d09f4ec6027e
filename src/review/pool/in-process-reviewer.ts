import { reviewOnePost } from "./review-one-post.js";
import type { PostOutcome, ReviewPool } from "./review-pool.js";

/**
 * Reviews in the caller's thread, one post after the other. For a command line run of one post, where a
 * pool brings no parallelism and its worker would load the engine a second time (most of the run's time).
 * It has no deadline nor memory cap: a terminal's user stops a run with Ctrl-C; runs of several posts and
 * the app, which review posts they did not write, go through the pool.
 */
export function createInProcessReviewer(): ReviewPool {
  return {
    async reviewPosts(context, posts) {
      return posts.map((post): PostOutcome => {
        try {
          return { ok: true, review: reviewOnePost(context, post) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    },
    close: async () => {},
  };
}
