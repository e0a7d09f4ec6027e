import type { Logger } from "probot";
import type { GitHubClient, ReviewSession } from "./github-client.js";

/** A pull request, without a head: publishing reads the current head itself. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** What every step of a publication needs: the API client, the pull request, the logger. */
export interface PublishSession {
  octokit: GitHubClient;
  pull: PullRequestRef;
  log: Logger;
}

export function publishSessionOf(session: ReviewSession): PublishSession {
  const { owner, repo, number } = session.target;
  return { octokit: session.octokit, log: session.log, pull: { owner, repo, number } };
}
