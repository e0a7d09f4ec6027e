import type { Logger } from "probot";
import type { Config } from "../config/schema.js";
import type { ExternalResults } from "../links/types.js";
import { type RepositoryAt, webUrlOfApi } from "../report/blob-url.js";
import { changeOfPullFile, scopeResults } from "../report/changed-scope.js";
import { type RenderedCheckRun, renderCheckRun } from "../report/check-run.js";
import type { FileResult } from "../report/file-result.js";
import { renderPublicationSection } from "../report/publication-section.js";
import { type ReviewSuggestion, renderReviewSuggestions } from "../report/review-suggestions.js";
import { summarizePosts } from "../report/summarize-posts.js";
import { composeSummaryComment, renderSummaryComment } from "../report/summary-comment.js";
import type { ReviewPool } from "../review/pool/review-pool.js";
import type { Locale } from "../review/types.js";
import { emptySite, type Site } from "../site/site.js";
import { botLoginOf } from "./bot-identity.js";
import {
  adoptInterruptedCheckRun,
  checkRunPublisher,
  completeInterruptedCheckRuns,
  createCompletedCheckRun,
  type LiveCheckRuns,
  startCheckRun,
  updateCheckRunSummary,
} from "./check-run-publisher.js";
import {
  afterVerdictNote,
  configProblemsOutput,
  crashOutput,
  failureSummaryComment,
  type ReviewStep,
} from "./failure-output.js";
import { countRequests, type GitHubClient, type ReviewSession } from "./github-client.js";
import { type ChangedFile, listChangedMarkupFiles } from "./list-changed-files.js";
import { parisDate } from "./paris-date.js";
import { type BuiltInPreviewSettings, type DeploymentRegistry, withPreviewLinks } from "./preview-links.js";
import { publishPullRequest } from "./publish-pull-request.js";
import { publishSessionOf } from "./pull-request-ref.js";
import type { PullRequestTarget } from "./pull-request-target.js";
import { configTextReader, readRepositoryConfig } from "./read-config.js";
import { readHead } from "./read-head.js";
import { suggestionsPublisher } from "./suggestions-publisher.js";
import { summaryCommentPublisher } from "./summary-comment-publisher.js";

export interface ReviewDependencies {
  octokit: GitHubClient;
  log: Logger;
  /** The merged config object, as Probot's `context.config` reads it (`_extends` followed). */
  loadConfig(): Promise<unknown>;
  now(): Date;
  /** Waits between two reads of a pull request's mergeability (publishing only). */
  sleep(ms: number): Promise<void>;
  /** Told the repository's `publish.sweepMinutes` (the sweep's pace), `undefined` when publishing is off there. */
  onPublishPace?(sweepMinutes: number | undefined): void;
  /** The app's slug, when a check run comes back without it. */
  appSlug(): Promise<string>;
  /**
   * The check runs of reviews running now, in this process or (with a shared store) in any: a run of
   * Relecteur left in progress on the head and not in it belongs to a review that died, and is completed
   * as interrupted. Absent: none is taken for dead.
   */
  liveCheckRuns?: LiveCheckRuns;
  /** Reviews the posts out of the event loop (the worker pool), each within `review.timeoutSeconds`. */
  reviewer: Pick<ReviewPool, "reviewPosts">;
  /**
   * This review ran before and did not finish (on Redis: its instance died, or it failed and is retried).
   * A check run it left in progress on the head, owned by no live review, is carried on rather than a
   * second one created beside it.
   */
  isRestart?: boolean;
  /** Checks the posts' external links before the review; absent, external link rules stay silent. */
  checkLinks?(
    posts: readonly { path: string; bytes: Uint8Array }[],
    site: Site,
    config: Config,
  ): Promise<ExternalResults>;
  /** The installation the review runs for: the built-in preview's links name it. */
  installationId?: number;
  /** The built-in preview's address and secrets; absent, no built-in preview link. */
  builtInPreview?: BuiltInPreviewSettings;
  /** Deployments of head commits already reported, whose links come first. */
  deployments?: DeploymentRegistry;
}

export type ReviewOutcome = "no-posts" | "config-invalid" | "reviewed" | "stale" | "failed";

/** What the log line and the failure path need to know of a review in flight. */
interface Progress {
  /** What the review was doing: the failure's check run names it. */
  step: ReviewStep;
  checkRunId?: number;
  /** Once the check run holds the review's verdict, a later failure (comments) adds a note and keeps it. */
  verdict?: RenderedCheckRun;
  locale: Locale;
  findings: number;
}

/**
 * The use case behind every event: review the posts a pull request adds or changes, at its head, and
 * report on GitHub. It never throws, and it never leaves its check run in progress: a failure is logged
 * and reported on the pull request (see `reportFailure`), and every review ends with one log line
 * (repository, pull request, head, findings, API calls, duration).
 */
export async function reviewPullRequest(
  target: PullRequestTarget,
  deps: ReviewDependencies,
): Promise<ReviewOutcome> {
  const session: ReviewSession = { octokit: deps.octokit, target, log: deps.log };
  const startedAt = deps.now().getTime();
  const requests = countRequests(deps.octokit);
  const progress: Progress = { step: "list-files", locale: "fr", findings: 0 };
  let outcome: ReviewOutcome = "failed";
  try {
    outcome = await review(session, deps, progress);
  } catch (error) {
    deps.log.error({ err: error, ...logFields(target), step: progress.step }, "review failed");
    await reportFailure(session, deps, progress, error).catch((reportError: unknown) =>
      deps.log.error(
        { err: reportError, ...logFields(target) },
        "could not report the failure on the pull request",
      ),
    );
  } finally {
    if (progress.checkRunId !== undefined) await deps.liveCheckRuns?.delete(progress.checkRunId);
    requests.stop();
    deps.log.info(
      {
        ...logFields(target),
        outcome,
        findings: progress.findings,
        apiCalls: requests.count(),
        ms: deps.now().getTime() - startedAt,
      },
      `review ${outcome}`,
    );
  }
  return outcome;
}

async function review(
  session: ReviewSession,
  deps: ReviewDependencies,
  progress: Progress,
): Promise<ReviewOutcome> {
  const { octokit, target } = session;
  const candidates = await listChangedMarkupFiles(session);
  if (candidates.length === 0) return "no-posts";

  progress.step = "read-config";
  const reading = await readRepositoryConfig(
    deps.loadConfig,
    configTextReader(octokit, target.owner, target.repo),
  );
  const isPost = emptySite(reading.ok ? reading.config.posts : reading.postGlobs).isPost;
  const changedPosts = candidates.filter((file) => isPost(file.path));
  // No post in the pull request: not Relecteur's business, and no trace of it on the pull request.
  if (changedPosts.length === 0) return "no-posts";

  if (reading.ok) progress.locale = reading.config.locale;
  progress.step = "create-check-run";
  const adopted =
    deps.isRestart && deps.liveCheckRuns
      ? await adoptInterruptedCheckRun(session, deps.liveCheckRuns, await deps.appSlug())
      : undefined;
  if (adopted) session.log.info({ checkRun: adopted.id }, "check run of the interrupted run carried on");
  const checkRun = adopted ?? (await startCheckRun(session));
  progress.checkRunId = checkRun.id;
  await deps.liveCheckRuns?.add(checkRun.id);
  if (deps.liveCheckRuns)
    await completeInterruptedRuns(session, deps.liveCheckRuns, checkRun, progress.locale);
  if (!reading.ok) {
    const value = configProblemsOutput(reading.problems, progress.locale);
    progress.step = "publish-verdict";
    await checkRunPublisher.publish(session, { id: checkRun.id, value });
    progress.verdict = value;
    return "config-invalid";
  }

  const { config } = reading;
  progress.step = "read-posts";
  const head = await readHead(
    session,
    changedPosts.map((file) => file.path),
    config.posts,
  );
  const today = parisDate(deps.now());
  progress.step = "review";
  const externalLinks =
    deps.checkLinks && config.links.external
      ? await deps.checkLinks(head.posts, head.site, config)
      : undefined;
  const outcomes = await deps.reviewer.reviewPosts(
    { site: head.site, config, today, externalLinks },
    head.posts,
  );
  const reviewed: FileResult[] = head.posts.map((post, index) => {
    const outcome = outcomes[index];
    if (!outcome?.ok) throw outcome?.error;
    const { findings, source } = outcome.review;
    return source === undefined
      ? { path: post.path, displayPath: post.path, findings }
      : { path: post.path, displayPath: post.path, findings, source };
  });
  // In a post the pull request edits, what it changed; everything after (check run, suggestions,
  // summary) shows and counts only that.
  const results = scopeResults(
    reviewed,
    new Map(changedPosts.map((file) => [file.path, changeOfPullFile(file)])),
    config.review.scope,
  );
  progress.findings = results.reduce((total, result) => total + result.findings.length, 0);
  const verdict = renderCheckRun(results, config.locale);
  progress.step = "publish-verdict";
  await checkRunPublisher.publish(session, { id: checkRun.id, value: verdict });
  progress.verdict = verdict;

  // A newer push may have landed while this review ran (or the pull request was closed): the newer
  // head's review will comment. This one stops at its check run, which belongs to the commit it reviewed.
  progress.step = "suggestions";
  const current = await readCurrentHead(session);
  if (!current.isHead) return "stale";

  const appSlug = checkRun.appSlug ?? (await deps.appSlug());
  const botLogin = botLoginOf(appSlug);
  // The review's verdict is on the head now: the publication is evaluated after it, and before the
  // comments, so that a failure to comment cannot hold a due post back. With publishing off, a section
  // left from when it was on is removed.
  deps.onPublishPace?.(config.publish.enabled ? config.publish.sweepMinutes : undefined);
  progress.step = "publication";
  const publication = config.publish.enabled
    ? renderPublicationSection(
        await publishPullRequest(
          publishSessionOf(session),
          config,
          { ...deps, appSlug: async () => appSlug },
          { headSha: target.headSha, texts: head.texts },
        ),
        config.locale,
        deps.now(),
      )
    : null;
  // The summary is written even when the suggestions fail (a line GitHub refuses, an API error): it
  // carries the verdict and the publication. The failure is then reported as the review's.
  let suggestionsFailure: { error: unknown } | undefined;
  progress.step = "suggestions";
  try {
    await suggestionsPublisher.publish(session, {
      botLogin,
      suggestions: renderSuggestions(results, changedPosts, config),
    });
  } catch (error) {
    suggestionsFailure = { error };
  }
  progress.step = "summary";
  const summary = renderSummaryComment(
    withPreviewLinks(
      summarizePosts(results, head.site, config, target.number, repositoryAtHead(octokit, target)),
      results,
      head.site,
      config,
      {
        ...target,
        installationId: deps.installationId,
        isPrivate: current.isPrivate,
        now: deps.now(),
        builtIn: deps.builtInPreview,
        deployments: deps.deployments,
      },
    ),
    config.locale,
  );
  await summaryCommentPublisher.publish(session, {
    botLogin,
    compose: (existing) => composeSummaryComment(existing, { review: summary, publication }),
  });
  if (suggestionsFailure) {
    progress.step = "suggestions";
    throw suggestionsFailure.error;
  }
  return "reviewed";
}

/**
 * The pull request always says what became of its review. After the verdict, a note joins the check
 * run's summary and its conclusion stays. Before it, the check run is completed as failed; if it cannot
 * be (it does not exist yet, or GitHub refuses the update), a completed one is created in its place (the
 * latest run of a name is the one GitHub shows); if even that fails, the summary comment says it.
 */
async function reportFailure(
  session: ReviewSession,
  deps: ReviewDependencies,
  progress: Progress,
  error: unknown,
): Promise<void> {
  const { log } = session;
  const { locale, step, checkRunId, verdict } = progress;
  if (verdict !== undefined && checkRunId !== undefined) {
    await updateCheckRunSummary(session, checkRunId, {
      title: verdict.title,
      summary: `${verdict.summary}\n\n${afterVerdictNote(error, step, locale)}`,
    });
    return;
  }
  const value = crashOutput(error, step, locale);
  if (checkRunId !== undefined) {
    try {
      await checkRunPublisher.publish(session, { id: checkRunId, value });
      return;
    } catch (updateError) {
      log.warn({ err: updateError }, "could not complete the check run; creating a completed one");
    }
  }
  try {
    await createCompletedCheckRun(session, value);
    return;
  } catch (createError) {
    log.warn({ err: createError }, "could not create a check run; writing the summary comment");
  }
  const botLogin = botLoginOf(await deps.appSlug());
  await summaryCommentPublisher.publish(session, {
    botLogin,
    compose: (existing) => composeSummaryComment(existing, { review: failureSummaryComment(value) }),
  });
}

/** Housekeeping: a failure to list or complete the dead runs is logged, the review goes on. */
async function completeInterruptedRuns(
  session: ReviewSession,
  live: LiveCheckRuns,
  own: { id: number; appId?: number },
  locale: Locale,
): Promise<void> {
  try {
    const completed = await completeInterruptedCheckRuns(session, own, live, locale);
    if (completed.length > 0) session.log.info({ checkRuns: completed }, "interrupted check runs completed");
  } catch (error) {
    session.log.warn({ err: error }, "could not complete the interrupted check runs");
  }
}

/** The suggestions of every post, within the review's budget of `review.maxSuggestions`. */
function renderSuggestions(
  results: readonly FileResult[],
  changed: readonly ChangedFile[],
  config: Config,
): ReviewSuggestion[] {
  const patches = new Map(changed.map((file) => [file.path, file.patch]));
  const suggestions: ReviewSuggestion[] = [];
  for (const result of results) {
    const max = config.review.maxSuggestions - suggestions.length;
    if (result.source === undefined || max <= 0) continue;
    const patch = patches.get(result.path);
    const file = { path: result.path, source: result.source, findings: result.findings };
    const rendered = renderReviewSuggestions(patch === undefined ? file : { ...file, patch }, {
      max,
      locale: config.locale,
    });
    suggestions.push(...rendered.comments);
  }
  return suggestions;
}

/** The repository at the reviewed commit, on the web GitHub of the API the client talks to. */
function repositoryAtHead(octokit: GitHubClient, target: PullRequestTarget): RepositoryAt {
  return {
    webUrl: webUrlOfApi(octokit.request.endpoint.DEFAULTS.baseUrl),
    owner: target.owner,
    repo: target.repo,
    sha: target.headSha,
  };
}

/** Whether the pull request is still open at the reviewed head, and whether its repository is private. */
async function readCurrentHead(session: ReviewSession): Promise<{ isHead: boolean; isPrivate: boolean }> {
  const { octokit, target } = session;
  const { data } = await octokit.rest.pulls.get({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
  });
  // Unknown visibility counts as private: the built-in preview is then off unless `preview.private`.
  const isPrivate = (data.base.repo as { private?: boolean } | undefined)?.private !== false;
  return { isHead: data.state === "open" && data.head.sha === target.headSha, isPrivate };
}

function logFields(target: PullRequestTarget) {
  return { repository: `${target.owner}/${target.repo}`, pullRequest: target.number, head: target.headSha };
}
