import type { Logger } from "probot";
import type { LiveCheckRuns } from "./check-run-publisher.js";
import { CHECK_RUN_NAME } from "./check-run-publisher.js";
import type { GitHubClient } from "./github-client.js";
import type { PullRequestTarget } from "./pull-request-target.js";
import type { EventContext } from "./review-scheduler.js";

export interface RecoveryDependencies {
  listInstallations(): Promise<{ id: number; account: string }[]>;
  installationClient(installationId: number): Promise<GitHubClient>;
  appSlug(): Promise<string>;
  liveCheckRuns: LiveCheckRuns;
  review(context: EventContext, target: PullRequestTarget): void;
  log: Logger;
}

/**
 * After a restart, the reviews the previous process was running are gone, and their check runs would
 * stay « in progress » forever: nothing else will ever send an event about those pull requests. Once at
 * start-up, the open pull requests whose head carries a run of Relecteur in progress that no review of
 * this process owns are reviewed again; that review completes the dead run as interrupted (see
 * `completeInterruptedCheckRuns`). Costs one request per repository and one per open pull request, once.
 * With a queue shared by several instances, the queue takes the dead instance's jobs over instead.
 */
export async function reviewInterruptedPullRequests(deps: RecoveryDependencies): Promise<number> {
  let queued = 0;
  const slug = await deps.appSlug();
  for (const { id } of await deps.listInstallations()) {
    try {
      const octokit = await deps.installationClient(id);
      const log = deps.log.child({ installation: id });
      const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
        per_page: 100,
      });
      for (const repository of repositories) {
        const owner = repository.owner.login;
        const repo = repository.name;
        const pulls = await octokit.paginate(octokit.rest.pulls.list, {
          owner,
          repo,
          state: "open",
          per_page: 100,
        });
        for (const pull of pulls) {
          const { data } = await octokit.rest.checks.listForRef({
            owner,
            repo,
            ref: pull.head.sha,
            check_name: CHECK_RUN_NAME,
            status: "in_progress",
            per_page: 100,
          });
          let isInterrupted = false;
          for (const run of data.check_runs) {
            if (run.status === "completed" || run.app?.slug !== slug) continue;
            if (!(await deps.liveCheckRuns.has(run.id))) isInterrupted = true;
          }
          if (!isInterrupted) continue;
          deps.review(
            { octokit, log, installationId: id },
            { owner, repo, number: pull.number, headSha: pull.head.sha },
          );
          queued++;
        }
      }
    } catch (error) {
      deps.log.error({ err: error, installation: id }, "could not look for interrupted reviews");
    }
  }
  if (queued > 0) deps.log.info({ pullRequests: queued }, "interrupted reviews queued again");
  return queued;
}
