import type { Logger } from "probot";
import type { SweepPlanner } from "../publish/sweep-planner.js";
import type { GitHubClient } from "./github-client.js";
import type { PullRequestRef } from "./pull-request-ref.js";
import type { ReviewScheduler } from "./review-scheduler.js";
import { SCHEDULED_LABEL } from "./scheduled-label.js";

/** How often the sweep wakes up; each installation is then swept at its own pace (see SweepPlanner). */
export const SWEEP_TICK_MS = 60_000;

export interface SweepDependencies {
  /** The app's installations and the account each is on (an app-authenticated call). */
  listInstallations(): Promise<{ id: number; account: string }[]>;
  installationClient(installationId: number): Promise<GitHubClient>;
  scheduler: Pick<ReviewScheduler, "publish">;
  planner: SweepPlanner;
  now(): Date;
  log: Logger;
}

/**
 * The open pull requests of one account that carry the label, found through the search API: GitHub is
 * the only memory. The search reaches public repositories of other accounts too, hence `user:`.
 */
export function scheduledQuery(account: string): string {
  return `is:pr is:open label:"${SCHEDULED_LABEL}" user:${account}`;
}

/**
 * One wake-up of the scheduler: for each installation that is due, search its pull requests labelled
 * `publication programmée` and queue a publication evaluation of each, which merges those whose date has
 * come (and whose approvals, checks and mergeability still hold). Two instances of the app may sweep at
 * once: each merge is asked with the evaluated head, and an instance that finds the pull request already
 * merged by the other one reports it as published.
 */
export async function sweepScheduledPublications(deps: SweepDependencies): Promise<number> {
  let queued = 0;
  let installations: { id: number; account: string }[];
  try {
    installations = await deps.listInstallations();
  } catch (error) {
    deps.log.error({ err: error }, "sweep: could not list the installations");
    return 0;
  }
  for (const { id: installationId, account } of installations) {
    const now = deps.now();
    if (!deps.planner.isDue(installationId, now)) continue;
    deps.planner.markSwept(installationId, now);
    try {
      const octokit = await deps.installationClient(installationId);
      const items = await octokit.paginate(octokit.rest.search.issuesAndPullRequests, {
        q: scheduledQuery(account),
        per_page: 100,
      });
      const pulls = items.flatMap((item): PullRequestRef[] => {
        const [owner, repo] = item.repository_url.split("/").slice(-2);
        const isOwn = owner?.toLowerCase() === account.toLowerCase();
        return isOwn && repo && item.pull_request ? [{ owner, repo, number: item.number }] : [];
      });
      const log = deps.log.child({ installation: installationId });
      await deps.scheduler.publish({ octokit, log, installationId }, pulls, true);
      queued += pulls.length;
      if (pulls.length > 0) log.info({ pullRequests: pulls.length }, "sweep: scheduled publications queued");
    } catch (error) {
      deps.log.error({ err: error, installation: installationId }, "sweep: search failed");
    }
  }
  return queued;
}
