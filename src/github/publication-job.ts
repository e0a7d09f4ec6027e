import { MERGED_MARK, renderPublicationSection } from "../report/publication-section.js";
import { composeSummaryComment } from "../report/summary-comment.js";
import { botLoginOf } from "./bot-identity.js";
import { countRequests } from "./github-client.js";
import { type PublishStepDependencies, publishPullRequest } from "./publish-pull-request.js";
import type { PublishSession, PullRequestRef } from "./pull-request-ref.js";
import { configTextReader, readRepositoryConfig } from "./read-config.js";
import type { ReviewDependencies } from "./review-pull-request.js";
import { SCHEDULED_LABEL, syncScheduledLabel } from "./scheduled-label.js";
import { summaryCommentPublisher } from "./summary-comment-publisher.js";

export type PublicationJobDependencies = Pick<
  ReviewDependencies,
  "octokit" | "log" | "loadConfig" | "now" | "sleep" | "appSlug" | "onPublishPace"
> & {
  /** The sweep found the pull request by its `publication programmée` label. */
  isFromSweep?: boolean;
};

export type PublicationJobOutcome = "config-invalid" | "disabled" | "no-posts" | PublishStepOutcomeKind;

type PublishStepOutcomeKind = Awaited<ReturnType<typeof publishPullRequest>>["kind"];

/**
 * The publication alone, for the events that change whether a pull request may be merged but not its
 * review (an approval, a label, another check, a commit status, the sweep): evaluate, act, and rewrite
 * the « Publication » section of the summary comment, leaving the review's part as it is. It never
 * throws; an invalid configuration is the review's to report (its check run names the key and line).
 */
export async function runPublicationJob(
  pull: PullRequestRef,
  deps: PublicationJobDependencies & PublishStepDependencies,
): Promise<PublicationJobOutcome> {
  const session: PublishSession = { octokit: deps.octokit, pull, log: deps.log };
  const requests = countRequests(deps.octokit);
  let outcome: PublicationJobOutcome = "unavailable";
  try {
    outcome = await run(session, deps);
  } catch (error) {
    deps.log.error(
      { err: error, repository: `${pull.owner}/${pull.repo}`, pullRequest: pull.number },
      "publication job failed",
    );
  } finally {
    requests.stop();
    deps.log.info(
      {
        repository: `${pull.owner}/${pull.repo}`,
        pullRequest: pull.number,
        outcome,
        apiCalls: requests.count(),
      },
      `publication ${outcome}`,
    );
  }
  return outcome;
}

async function run(
  session: PublishSession,
  deps: PublicationJobDependencies & PublishStepDependencies,
): Promise<PublicationJobOutcome> {
  const { octokit, pull } = session;
  const reading = await readRepositoryConfig(
    deps.loadConfig,
    configTextReader(octokit, pull.owner, pull.repo),
  );
  if (!reading.ok || !reading.config.publish.enabled) {
    deps.onPublishPace?.(undefined);
    // Found by the sweep, so labelled when publishing was on and the configuration was valid: neither
    // holds now, and the label and the section would otherwise promise a merge that will not come.
    if (deps.isFromSweep) await withdrawPublication(session, deps);
    return reading.ok ? "disabled" : "config-invalid";
  }
  const { config } = reading;
  deps.onPublishPace?.(config.publish.sweepMinutes);

  const outcome = await publishPullRequest(session, config, deps);
  // A pull request without a post is not Relecteur's: no comment appears on it. One that had a post
  // scheduled (moved out of the posts since) loses the section that promised the date.
  if (outcome.kind === "blocked" && outcome.reasons.some((reason) => reason.code === "no-post")) {
    if (outcome.wasScheduled) await withdrawPublication(session, deps);
    return "no-posts";
  }
  const section = renderPublicationSection(outcome, config.locale, deps.now());
  await writeSummary(
    session,
    deps,
    (existing) =>
      // The « merged » event that follows Relecteur's own merge must not replace its detailed account.
      outcome.kind === "closed" && outcome.isMerged && existing?.includes(MERGED_MARK)
        ? existing
        : composeSummaryComment(existing, { publication: section, locale: config.locale }),
    // A pull request closed before any review, or whose facts could not be read (it may have no post at
    // all), has no comment, and gets none now.
    outcome.kind !== "closed" && outcome.kind !== "unavailable",
  );
  return outcome.kind;
}

/** Removes the label and the « Publication » section: publishing is off, or its configuration is broken. */
async function withdrawPublication(
  session: PublishSession,
  deps: PublicationJobDependencies & PublishStepDependencies,
): Promise<void> {
  await syncScheduledLabel(session, [SCHEDULED_LABEL], false);
  await writeSummary(
    session,
    deps,
    (existing) => composeSummaryComment(existing, { publication: null }),
    false,
  );
}

/** The summary comment, through its one publisher; only its owner, number and client matter here. */
async function writeSummary(
  session: PublishSession,
  deps: Pick<PublishStepDependencies, "appSlug">,
  compose: (existing?: string) => string,
  createIfMissing: boolean,
): Promise<void> {
  await summaryCommentPublisher.publish(
    { octokit: session.octokit, log: session.log, target: { ...session.pull, headSha: "" } },
    { botLogin: botLoginOf(await deps.appSlug()), compose, createIfMissing },
  );
}
