import type { Logger, ProbotOctokit } from "probot";
import type { PullRequestTarget } from "./pull-request-target.js";

/** The installation-authenticated Octokit of a webhook's context: REST only, so it works on GHES too. */
export type GitHubClient = ProbotOctokit;

/** What every reader and publisher of one review needs: the API client and the pull request. */
export interface ReviewSession {
  octokit: GitHubClient;
  target: PullRequestTarget;
  log: Logger;
}

/** The status of a failed Octokit request (a `RequestError`), if it is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** GitHub's own words (`Head branch was modified. Review and try the merge again.`), else the error's. */
export function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  if (typeof data?.message === "string" && data.message !== "") return data.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Counts the HTTP requests the client makes from now on (pages of a paginated list included), for the
 * log line of each review. The hook is removed by `stop`, as the client may outlive the review.
 */
export function countRequests(octokit: GitHubClient): { count(): number; stop(): void } {
  let count = 0;
  const onRequest = () => {
    count++;
  };
  octokit.hook.before("request", onRequest);
  return { count: () => count, stop: () => octokit.hook.remove("request", onRequest) };
}

/** A blob's bytes as `git.getBlob` answers them (base64, or text for a small UTF-8 blob). */
export function blobBytes(data: { content: string; encoding: string }): Uint8Array {
  const buffer = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
