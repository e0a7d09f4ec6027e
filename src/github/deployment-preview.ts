import picomatch from "picomatch";
import type { Logger } from "probot";
import { withDeploymentLinks } from "../report/preview-links.js";
import { botLoginOf } from "./bot-identity.js";
import { findPullRequestsByHead } from "./find-pull-requests.js";
import type { GitHubClient } from "./github-client.js";
import type { DeploymentRegistry } from "./preview-links.js";
import type { RepositoryCommit } from "./review-scheduler.js";
import { summaryCommentPublisher } from "./summary-comment-publisher.js";

export interface DeploymentDependencies {
  octokit: GitHubClient;
  log: Logger;
  appSlug(): Promise<string>;
  deployments: DeploymentRegistry;
}

/** The address of a successful deploy preview a commit status reports, when it is one. */
export function isDeployPreviewContext(context: string, configured: string | undefined): boolean {
  if (context.endsWith("/deploy-preview")) return true; // Netlify: netlify/<site>/deploy-preview
  return configured !== undefined && picomatch(configured, { dot: true })(context);
}

/** A deployment's address, when it is one a reader can open (http or https). */
export function deploymentAddress(...candidates: (string | null | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" || url.protocol === "http:") return url.href;
    } catch {
      // Not an address: the next candidate, if any.
    }
  }
  return undefined;
}

/**
 * The site's own deployment of `commit` reported (a `deployment_status`, a Netlify status): the pull
 * requests whose head it is get their summary comment's preview links pointed at it, each post at its
 * permalink there. Only the one summary comment is edited, never created (a review still running writes
 * it, and finds the deployment recorded here); links of an older commit stay as they are.
 */
export async function linkDeployedPreview(
  deps: DeploymentDependencies,
  commit: RepositoryCommit,
  address: string,
): Promise<number> {
  deps.deployments.record(commit.owner, commit.repo, commit.headSha, address);
  const targets = await findPullRequestsByHead(
    deps,
    { owner: commit.owner, repo: commit.repo, id: commit.repoId },
    commit.headSha,
  );
  if (targets.length === 0) return 0;
  const botLogin = botLoginOf(await deps.appSlug());
  let updated = 0;
  for (const target of targets) {
    const result = await summaryCommentPublisher.publish(
      { octokit: deps.octokit, target, log: deps.log },
      {
        botLogin,
        createIfMissing: false,
        compose: (existing) => withDeploymentLinks(existing ?? "", commit.headSha, address),
      },
    );
    if (result === "updated") updated++;
  }
  deps.log.info(
    { repository: `${commit.owner}/${commit.repo}`, head: commit.headSha, address, updated },
    "deploy preview linked",
  );
  return updated;
}
