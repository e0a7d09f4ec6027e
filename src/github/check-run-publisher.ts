import type { Annotation, RenderedCheckRun } from "../report/check-run.js";
import type { ReviewSession } from "./github-client.js";
import type { Publisher } from "./publisher.js";

/** The name other tools rely on (branch protection, the merge policy): see DESIGN.md. */
export const CHECK_RUN_NAME = "Relecteur";

export interface StartedCheckRun {
  id: number;
  /** The slug of the app that created it, i.e. ours: its comments are written by `<slug>[bot]`. */
  appSlug?: string;
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
  return data.app?.slug ? { id: data.id, appSlug: data.app.slug } : { id: data.id };
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
