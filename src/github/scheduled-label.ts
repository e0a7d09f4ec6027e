import { httpStatusOf } from "./github-client.js";
import type { PublishSession } from "./pull-request-ref.js";

/**
 * The label of a pull request that only waits for its publication date. It is the scheduler's only
 * memory: the sweep finds such pull requests through the search API, so a restart loses nothing.
 */
export const SCHEDULED_LABEL = "publication programmée";

export function isScheduledLabel(label: string): boolean {
  return label.trim().toLowerCase() === SCHEDULED_LABEL;
}

export function hasScheduledLabel(labels: readonly string[]): boolean {
  return labels.some(isScheduledLabel);
}

/**
 * Adds or removes the label so that it says whether the sweep must look at the pull request again.
 * Returns whether the label is now as wanted: a label that could not be added means the sweep will not
 * come back, which the summary must say.
 */
export async function syncScheduledLabel(
  session: PublishSession,
  labels: readonly string[],
  isScheduled: boolean,
): Promise<boolean> {
  const { octokit, pull, log } = session;
  const has = hasScheduledLabel(labels);
  try {
    if (isScheduled && !has) {
      await octokit.rest.issues.addLabels({
        owner: pull.owner,
        repo: pull.repo,
        issue_number: pull.number,
        labels: [SCHEDULED_LABEL],
      });
    } else if (!isScheduled && has) {
      await octokit.rest.issues.removeLabel({
        owner: pull.owner,
        repo: pull.repo,
        issue_number: pull.number,
        name: SCHEDULED_LABEL,
      });
    }
    return true;
  } catch (error) {
    // Already gone (a person removed it, or another instance did): what was wanted holds.
    if (httpStatusOf(error) === 404 && !isScheduled) return true;
    log.warn({ err: error, pullRequest: pull.number }, "could not update the scheduled-publication label");
    return false;
  }
}
