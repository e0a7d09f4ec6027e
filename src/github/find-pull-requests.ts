import type { ReviewSession } from "./github-client.js";
import type { PullRequestTarget } from "./pull-request-target.js";

/**
 * The open pull requests of this repository whose head is `headSha`. A re-run event lists no pull
 * request when the head branch is in a fork, so they are looked up by commit (REST, available on GHES).
 */
export async function findPullRequestsByHead(
  session: Pick<ReviewSession, "octokit">,
  repository: { owner: string; repo: string; id: number },
  headSha: string,
): Promise<PullRequestTarget[]> {
  const { data } = await session.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: repository.owner,
    repo: repository.repo,
    commit_sha: headSha,
  });
  return data
    .filter(
      (pull) => pull.state === "open" && pull.head.sha === headSha && pull.base.repo.id === repository.id,
    )
    .map((pull) => ({ owner: repository.owner, repo: repository.repo, number: pull.number, headSha }));
}
