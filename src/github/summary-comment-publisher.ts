import { SUMMARY_MARKER } from "../report/summary-comment.js";
import { isWrittenBy } from "./bot-identity.js";
import type { Publisher } from "./publisher.js";

export type SummaryCommentResult = "created" | "updated" | "unchanged";

/** GitHub's largest page of comments: a long conversation costs few requests. */
const COMMENTS_PER_PAGE = 100;

/**
 * Creates the one summary comment of the pull request, or edits it in place: it is the comment that
 * carries the marker AND is written by the app itself, so that a person quoting the marker (or another
 * bot copying it) never gets their comment overwritten. `compose` gets the current body, if any, so that
 * the review and the publication each replace their own part. An unchanged body costs no request.
 */
export const summaryCommentPublisher = {
  async publish(session, { botLogin, compose, createIfMissing = true }) {
    const { octokit, target } = session;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: COMMENTS_PER_PAGE,
    });
    const own = comments.find(
      (comment) => isWrittenBy(comment.user, botLogin) && (comment.body ?? "").includes(SUMMARY_MARKER),
    );
    if (!own && !createIfMissing) return "unchanged";
    const body = compose(own?.body ?? undefined);
    if (!own) {
      await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.number,
        body,
      });
      return "created";
    }
    if (own.body === body) return "unchanged";
    await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: own.id,
      body,
    });
    return "updated";
  },
} satisfies Publisher<
  { botLogin: string; compose: (existing?: string) => string; createIfMissing?: boolean },
  SummaryCommentResult
>;
