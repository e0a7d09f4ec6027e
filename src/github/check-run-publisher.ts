import type { Annotation, RenderedCheckRun } from "../report/check-run.js";
import type { Locale } from "../review/types.js";
import { interruptedOutput } from "./failure-output.js";
import type { ReviewSession } from "./github-client.js";
import type { Publisher } from "./publisher.js";

/** The name other tools rely on (branch protection, the merge policy): see DESIGN.md. */
export const CHECK_RUN_NAME = "Relecteur";

export interface StartedCheckRun {
  id: number;
  /** The slug of the app that created it, i.e. ours: its comments are written by `<slug>[bot]`. */
  appSlug?: string;
  /** The id of that app: its other runs of the same name are Relecteur's. */
  appId?: number;
}

/**
 * The check runs of the reviews running now. In one process, a set in memory; a queue shared by several
 * instances gives one shared by them (the methods may then be asynchronous).
 */
export interface LiveCheckRuns {
  add(id: number): void | Promise<void>;
  delete(id: number): void | Promise<void>;
  has(id: number): boolean | Promise<boolean>;
}

export function createLiveCheckRuns(): LiveCheckRuns {
  const ids = new Set<number>();
  return {
    add: (id) => void ids.add(id),
    delete: (id) => void ids.delete(id),
    has: (id) => ids.has(id),
  };
}

/** Creates the `in_progress` check run on the head commit, so that the pull request shows a review is on its way. */
export async function startCheckRun(session: ReviewSession): Promise<StartedCheckRun> {
  const { octokit, target } = session;
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    // GitHub stamps started_at and completed_at itself: no clock here.
    status: "in_progress",
  });
  return {
    id: data.id,
    ...(data.app?.slug ? { appSlug: data.app.slug } : {}),
    ...(data.app?.id ? { appId: data.app.id } : {}),
  };
}

/**
 * The check run a dead run of the same job left in progress on the head, to be carried on instead of a
 * second one beside it: on Redis, a job taken over after its instance died finds the run it had started.
 * Only runs of our app (`appSlug`) that no live review owns; the newest if there are several.
 */
export async function adoptInterruptedCheckRun(
  session: ReviewSession,
  live: LiveCheckRuns,
  appSlug: string,
): Promise<StartedCheckRun | undefined> {
  const { octokit, target } = session;
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: CHECK_RUN_NAME,
    filter: "all",
    per_page: 100,
  });
  const candidates = runs
    .filter((run) => run.status !== "completed" && run.app?.slug === appSlug)
    .sort((a, b) => b.id - a.id);
  for (const run of candidates) {
    if (await live.has(run.id)) continue;
    return { id: run.id, appSlug, ...(run.app?.id ? { appId: run.app.id } : {}) };
  }
  return undefined;
}

/** A check run created completed: the failure of a review that could not start or complete its own. */
export async function createCompletedCheckRun(
  session: ReviewSession,
  value: RenderedCheckRun,
): Promise<void> {
  const { octokit, target } = session;
  await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: "completed",
    conclusion: value.conclusion,
    output: { title: value.title, summary: value.summary },
  });
}

/** A new title and summary for a completed check run; its conclusion and annotations stay. */
export async function updateCheckRunSummary(
  session: ReviewSession,
  id: number,
  output: { title: string; summary: string },
): Promise<void> {
  const { octokit, target } = session;
  await octokit.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: id, output });
}

/**
 * Completes as interrupted the runs of Relecteur still in progress on the head that no running review
 * owns: a review whose process was killed left them, and nothing else will ever complete them. Only
 * runs of our app (`own.appId`), other than `own`; returns the ids completed.
 */
export async function completeInterruptedCheckRuns(
  session: ReviewSession,
  own: { id: number; appId?: number },
  live: LiveCheckRuns,
  locale: Locale,
): Promise<number[]> {
  const { octokit, target } = session;
  if (own.appId === undefined) return [];
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: CHECK_RUN_NAME,
    app_id: own.appId,
    // `latest` would show only the run just created.
    filter: "all",
    per_page: 100,
  });
  const completed: number[] = [];
  for (const run of runs) {
    if (run.id === own.id || run.status === "completed" || run.app?.id !== own.appId) continue;
    if (await live.has(run.id)) continue;
    await checkRunPublisher.publish(session, { id: run.id, value: interruptedOutput(locale) });
    completed.push(run.id);
  }
  return completed;
}

/**
 * Completes the check run (rendered by `renderCheckRun`, or a failure output) with the first batch of annotations, then appends the other batches: GitHub
 * takes 50 annotations per request and adds those of each update to the ones already there
 * (https://docs.github.com/rest/checks/runs#update-a-check-run). Every update must repeat title and summary.
 */
export const checkRunPublisher = {
  async publish(session, { id, value }) {
    const { octokit, target } = session;
    const [first = [], ...others] = value.annotationBatches;
    const output = (annotations: readonly Annotation[]) => ({
      title: value.title,
      summary: value.summary,
      annotations: [...annotations],
    });
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: id,
      status: "completed",
      conclusion: value.conclusion,
      output: output(first),
    });
    for (const batch of others) {
      await octokit.rest.checks.update({
        owner: target.owner,
        repo: target.repo,
        check_run_id: id,
        output: output(batch),
      });
    }
  },
} satisfies Publisher<{ id: number; value: RenderedCheckRun }>;
