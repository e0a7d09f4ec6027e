import type { ReviewSession } from "./github-client.js";
import type { PullRequestTarget } from "./pull-request-target.js";

const PER_PAGE = 100;

/**
 * The open pull requests of this repository whose head is `headSha`, for events that name a commit and
 * not a pull request (a re-run, a commit status, a fork's check). The commit's associated pull requests
 * come first (one request); GitHub does not always list there a pull request whose head commit lives
 * only in a fork, so the open pull requests are then listed and matched by head (REST, GHES too).
 */
export async function findPullRequestsByHead(
  session: Pick<ReviewSession, "octokit">,
  repository: { owner: string; repo: string; id: number },
  headSha: string,
): Promise<PullRequestTarget[]> {
  const { octokit } = session;
  const isOurs = (pull: { state: string; head: { sha: string }; base: { repo: { id: number } } }) =>
    pull.state === "open" && pull.head.sha === headSha && pull.base.repo.id === repository.id;
  const toTarget = (pull: { number: number }) => ({
    owner: repository.owner,
    repo: repository.repo,
    number: pull.number,
    headSha,
  });
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: repository.owner,
    repo: repository.repo,
    commit_sha: headSha,
  });
  const associated = data.filter(isOurs);
  if (associated.length > 0) return associated.map(toTarget);
  const open = await octokit.paginate(octokit.rest.pulls.list, {
    owner: repository.owner,
    repo: repository.repo,
    state: "open",
    per_page: PER_PAGE,
  });
  return open.filter(isOurs).map(toTarget);
}
