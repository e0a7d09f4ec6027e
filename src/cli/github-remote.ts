/** A repository on a GitHub, as `relecteur review` links into it. */
export interface GitHubRepository {
  webUrl: string;
  owner: string;
  repo: string;
}

/**
 * The GitHub repository a remote URL names: `https://github.com/owner/repo.git`,
 * `git@github.com:owner/repo.git`, `ssh://git@github.com/owner/repo`. Only github.com and hosts named
 * `github.<domain>` (the usual name of a GitHub Enterprise Server) are taken for GitHub: a line link that
 * points at another forge's page would be a broken link.
 */
export function githubRepositoryOf(remoteUrl: string): GitHubRepository | undefined {
  const url = remoteUrl.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url);
  const standard =
    /^(?:https?|ssh|git):\/\/(?:[^@/\s]+@)?([^:/\s]+)(?::\d+)?\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(
      url,
    );
  const match = standard ?? scp;
  if (!match) return undefined;
  const [, host, owner, repo] = match as unknown as [string, string, string, string];
  if (host !== "github.com" && !host.startsWith("github.")) return undefined;
  return { webUrl: `https://${host}`, owner, repo };
}
