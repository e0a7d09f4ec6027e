import {
  fingerprintOf,
  outdatedComments,
  type ReviewSuggestion,
  suggestionsToPost,
} from "../report/review-suggestions.js";
import { isWrittenBy } from "./bot-identity.js";
import { httpStatusOf, type ReviewSession } from "./github-client.js";
import type { Publisher } from "./publisher.js";

export interface SuggestionsResult {
  posted: number;
  /** Suggestions GitHub refused (422): a line it does not resolve in the diff, say. */
  refused: ReviewSuggestion[];
  deleted: number;
}

const COMMENTS_PER_PAGE = 100;

/**
 * Posts the suggestions not posted yet as ONE review (`COMMENT`, on the reviewed head), then deletes the
 * app's suggestions that are outdated and that nobody answered. What was posted is read back from the
 * markers of the app's own review comments, so a second push or a re-run never repeats a suggestion.
 */
export const suggestionsPublisher = {
  async publish(session, { botLogin, suggestions }) {
    const { octokit, target } = session;
    const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      per_page: COMMENTS_PER_PAGE,
    });
    const answered = new Set(existing.map((comment) => comment.in_reply_to_id));
    const own = existing.filter((comment) => isWrittenBy(comment.user, botLogin));
    const posted = new Set(own.flatMap((comment) => fingerprintOf(comment.body) ?? []));
    const outcome = await postInReviews(session, suggestionsToPost(suggestions, posted));
    const outdated = outdatedComments(
      own.map((comment) => ({ id: comment.id, body: comment.body, hasReplies: answered.has(comment.id) })),
      new Set(suggestions.map((suggestion) => suggestion.fingerprint)),
    );
    for (const id of outdated) {
      await octokit.rest.pulls.deleteReviewComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: id,
      });
    }
    return { posted: outcome.posted.length, refused: outcome.refused, deleted: outdated.length };
  },
} satisfies Publisher<{ botLogin: string; suggestions: readonly ReviewSuggestion[] }, SuggestionsResult>;

/**
 * GitHub refuses a whole review (422) when one of its comments does not resolve, without saying which.
 * The comments are then split in halves, each posted as its own review, down to the refused ones: one
 * bad comment among n costs about 2·log2(n) requests, and the others are still posted.
 */
async function postInReviews(
  session: ReviewSession,
  comments: readonly ReviewSuggestion[],
): Promise<{ posted: ReviewSuggestion[]; refused: ReviewSuggestion[] }> {
  if (comments.length === 0) return { posted: [], refused: [] };
  const { octokit, target, log } = session;
  try {
    await octokit.rest.pulls.createReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      commit_id: target.headSha,
      event: "COMMENT",
      comments: comments.map(({ path, line, side, body }) => ({ path, line, side, body })),
    });
    return { posted: [...comments], refused: [] };
  } catch (error) {
    if (httpStatusOf(error) !== 422) throw error;
    if (comments.length === 1) {
      const [refused] = comments as [ReviewSuggestion];
      log.warn({ err: error, path: refused.path, line: refused.line }, "GitHub refused a suggestion");
      return { posted: [], refused: [refused] };
    }
    const middle = Math.ceil(comments.length / 2);
    const first = await postInReviews(session, comments.slice(0, middle));
    const second = await postInReviews(session, comments.slice(middle));
    return { posted: [...first.posted, ...second.posted], refused: [...first.refused, ...second.refused] };
  }
}
