/**
 * What a review is about: one pull request at one head commit. Built from the webhook payloads, which
 * differ per event; the shapes below are the few fields read, so the functions stay pure and testable.
 */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
  /** The commit reviewed; also where the check run goes and what review comments are attached to. */
  headSha: string;
}

/** One review at a time per pull request: the queue key. */
export function queueKey(target: Pick<PullRequestTarget, "owner" | "repo" | "number">): string {
  return `${target.owner}/${target.repo}#${target.number}`;
}

export function describeTarget(target: PullRequestTarget): string {
  return `${queueKey(target)}@${target.headSha.slice(0, 7)}`;
}

interface RepositoryPayload {
  id: number;
  name: string;
  owner: { login: string };
}

interface PullRequestPayload {
  number: number;
  head: { sha: string };
  base: { repo: { id: number } };
}

export function targetOfPullRequest(
  repository: RepositoryPayload,
  pull: PullRequestPayload,
): PullRequestTarget {
  return {
    owner: repository.owner.login,
    repo: repository.name,
    number: pull.number,
    headSha: pull.head.sha,
  };
}

/**
 * The pull requests a re-run asks for (`check_run.pull_requests`, `check_suite.pull_requests`). GitHub
 * lists there pull requests of other repositories whose head is the same commit, which are not ours to
 * review, and leaves the list empty when the head branch is in a fork: then the caller must look the
 * pull requests up by commit.
 */
export function targetsOfCheckEvent(
  repository: RepositoryPayload,
  pulls: readonly PullRequestPayload[],
): PullRequestTarget[] {
  return pulls
    .filter((pull) => pull.base.repo.id === repository.id)
    .map((pull) => targetOfPullRequest(repository, pull));
}
