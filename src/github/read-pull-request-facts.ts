import { postFactOf } from "../publish/post-facts.js";
import type {
  CheckRunFact,
  CommitStatusFact,
  PullRequestFacts,
  RepositoryPermission,
  ReviewFact,
  ReviewState,
} from "../publish/pull-request-facts.js";
import { emptySite } from "../site/site.js";
import { CHECK_RUN_NAME } from "./check-run-publisher.js";
import { httpStatusOf } from "./github-client.js";
import type { PublishSession } from "./pull-request-ref.js";

export type PullRequestSnapshot =
  | { kind: "closed"; isMerged: boolean }
  | {
      kind: "open";
      facts: PullRequestFacts;
      /** The head branch, and whether it lives in the base repository (only then may the app delete it). */
      headRef: string;
      isSameRepository: boolean;
    };

export interface ReadFactsOptions {
  postGlobs: readonly string[];
  /** The app's slug: Relecteur's own check run is the one named `Relecteur` that this app created. */
  appSlug: string;
  /** Logins trusted whatever their permission: their permission is not asked. */
  listedReviewers: readonly string[];
  /** The posts' texts the review has just read at this head: not fetched again. */
  knownTexts?: { headSha: string; texts: ReadonlyMap<string, string> };
  /** Waits between two reads of `mergeable` while GitHub computes it. */
  sleep(ms: number): Promise<void>;
}

const PER_PAGE = 100;
/** GitHub computes `mergeable` in the background after a push; a few seconds are usually enough. */
const MERGEABLE_RETRY_DELAYS_MS = [1000, 2000, 4000];

const ROLE_PERMISSIONS: ReadonlySet<string> = new Set(["admin", "maintain", "write", "triage", "read"]);

/**
 * Everything the merge policy decides on, read for the pull request's current head: the pull request,
 * its files, reviews, the check runs and statuses of that head, the permission of each approving
 * reviewer, and the changed posts' titles and dates. The head is read once, first; every later read is
 * keyed by that commit, and the merge is asked with it, so a push in between is refused by GitHub.
 */
export async function readPullRequestFacts(
  session: PublishSession,
  options: ReadFactsOptions,
): Promise<PullRequestSnapshot> {
  const { octokit, pull: ref } = session;
  const pull = await readPullWithMergeability(session, options.sleep);
  if (pull.state !== "open") return { kind: "closed", isMerged: pull.merged === true };
  const headSha = pull.head.sha;
  const repo = { owner: ref.owner, repo: ref.repo };
  const authorLogin = pull.user?.login ?? "";

  const [files, reviews, checkRuns, checkSuites, commitStatuses] = await Promise.all([
    octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: ref.number, per_page: PER_PAGE }),
    octokit.paginate(octokit.rest.pulls.listReviews, {
      ...repo,
      pull_number: ref.number,
      per_page: PER_PAGE,
    }),
    octokit.paginate(octokit.rest.checks.listForRef, {
      ...repo,
      ref: headSha,
      filter: "latest",
      per_page: PER_PAGE,
    }),
    octokit.paginate(octokit.rest.checks.listSuitesForRef, { ...repo, ref: headSha, per_page: PER_PAGE }),
    // Every status, newest first, paginated (the combined status stops at 100 contexts).
    octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
      ...repo,
      ref: headSha,
      per_page: PER_PAGE,
    }),
  ]);

  const reviewFacts: ReviewFact[] = reviews.flatMap((review) =>
    review.user
      ? [
          {
            login: review.user.login,
            state: review.state as ReviewState,
            commitId: review.commit_id ?? "",
            ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
          },
        ]
      : [],
  );
  const { isPost } = emptySite(options.postGlobs);
  const postPaths = files
    .filter((file) => file.status !== "removed" && isPost(file.filename))
    .map((file) => file.filename);
  const [reviewerPermissions, posts] = await Promise.all([
    readPermissions(session, permissionsToAsk(reviewFacts, headSha, authorLogin, options.listedReviewers)),
    Promise.all(
      postPaths.map(async (path) => {
        const known =
          options.knownTexts?.headSha === headSha ? options.knownTexts.texts.get(path) : undefined;
        return postFactOf(path, known ?? (await readText(session, path, headSha)));
      }),
    ),
  ]);

  const runs: CheckRunFact[] = checkRuns.map((run) => ({
    name: run.name,
    status: run.status as CheckRunFact["status"],
    conclusion: (run.conclusion ?? null) as CheckRunFact["conclusion"],
    ...(run.name === CHECK_RUN_NAME && run.app?.slug === options.appSlug ? { isRelecteur: true } : {}),
  }));
  runs.push(...suitesWithoutRuns(checkSuites, options.appSlug));
  const own = runs.find((run) => run.isRelecteur);
  const facts: PullRequestFacts = {
    number: ref.number,
    headSha,
    state: "open",
    isDraft: pull.draft === true,
    labels: pull.labels.map((label) => label.name ?? "").filter((name) => name !== ""),
    authorLogin,
    changedFileCount: pull.changed_files,
    changedFiles: files.map((file) => ({
      path: file.filename,
      ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
      ...(file.status === "removed" ? { isRemoved: true } : {}),
    })),
    reviews: reviewFacts,
    reviewerPermissions,
    checkRuns: runs,
    statuses: latestStatuses(commitStatuses),
    relecteurCheck: {
      name: CHECK_RUN_NAME,
      conclusion: own?.status === "completed" ? own.conclusion : null,
    },
    mergeable: pull.mergeable ?? null,
    posts,
    postGlobs: options.postGlobs,
    configIssues: [],
  };
  const isSameRepository = pull.head.repo !== null && pull.head.repo.id === pull.base.repo.id;
  return { kind: "open", facts, headRef: pull.head.ref, isSameRepository };
}

/** The pull request, read again a few times while GitHub has not computed `mergeable` yet. */
async function readPullWithMergeability(session: PublishSession, sleep: (ms: number) => Promise<void>) {
  const { octokit, pull: ref } = session;
  const read = async () =>
    (await octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number })).data;
  let pull = await read();
  for (const delay of MERGEABLE_RETRY_DELAYS_MS) {
    if (pull.state !== "open" || pull.mergeable !== null) break;
    await sleep(delay);
    pull = await read();
  }
  return pull;
}

/**
 * The reviewers whose permission matters: those who approved the head commit, not the author (whose
 * approval never counts) and not listed in `publish.reviewers` (trusted anyway). Anyone else's
 * permission cannot change the decision, so it is not asked.
 */
function permissionsToAsk(
  reviews: readonly ReviewFact[],
  headSha: string,
  authorLogin: string,
  listed: readonly string[],
): string[] {
  const skip = new Set([authorLogin, ...listed].map((login) => login.toLowerCase()));
  const logins = reviews
    .filter((review) => review.state === "APPROVED" && review.commitId === headSha)
    .map((review) => review.login)
    .filter((login) => !skip.has(login.toLowerCase()));
  return [...new Set(logins)];
}

/**
 * Each login's permission on the repository, from the collaborator-permission endpoint: `role_name`
 * tells `maintain` and `triage` apart, which `permission` folds into `write` and `read`. Someone who is
 * not a collaborator (404) has none.
 */
async function readPermissions(
  session: PublishSession,
  logins: readonly string[],
): Promise<Record<string, RepositoryPermission>> {
  const { octokit, pull: ref } = session;
  const entries = await Promise.all(
    logins.map(async (login): Promise<[string, RepositoryPermission]> => {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          owner: ref.owner,
          repo: ref.repo,
          username: login,
        });
        const role = (data as { role_name?: string }).role_name ?? "";
        const permission = ROLE_PERMISSIONS.has(role) ? role : data.permission;
        return [login, (ROLE_PERMISSIONS.has(permission) ? permission : "none") as RepositoryPermission];
      } catch (error) {
        if (httpStatusOf(error) === 404) return [login, "none"];
        throw error;
      }
    }),
  );
  return Object.fromEntries(entries);
}

async function readText(session: PublishSession, path: string, ref: string): Promise<string> {
  const { octokit, pull } = session;
  const response = await octokit.rest.repos.getContent({
    owner: pull.owner,
    repo: pull.repo,
    path,
    ref,
    mediaType: { format: "raw" },
  });
  return typeof response.data === "string" ? response.data : "";
}

/** The latest status of each context: GitHub lists them newest first. */
function latestStatuses(statuses: readonly { context: string; state: string }[]): CommitStatusFact[] {
  const latest = new Map<string, CommitStatusFact>();
  for (const status of statuses) {
    if (!latest.has(status.context)) {
      latest.set(status.context, {
        context: status.context,
        state: status.state as CommitStatusFact["state"],
      });
    }
  }
  return [...latest.values()];
}

const SUITE_SUCCESS = new Set(["success", "neutral", "skipped"]);

/**
 * Check suites that concluded without a single check run, which no check run stands for: GitHub Actions
 * on a fork's pull request waiting for a maintainer to approve its workflows (`action_required`), a
 * workflow file that does not parse (`failure`, `startup_failure`). Without them, CI that never ran would
 * look like CI that passed. A suite still `queued` with no run is left out: GitHub creates one for every
 * app that may run checks, and most never do.
 */
function suitesWithoutRuns(
  suites: readonly {
    status: string | null;
    conclusion: string | null;
    latest_check_runs_count?: number;
    app: { slug?: string; name?: string } | null;
  }[],
  appSlug: string,
): CheckRunFact[] {
  return suites
    .filter(
      (suite) =>
        suite.app?.slug !== appSlug &&
        suite.status === "completed" &&
        (suite.latest_check_runs_count ?? 0) === 0 &&
        suite.conclusion !== null &&
        !SUITE_SUCCESS.has(suite.conclusion),
    )
    .map((suite) => ({
      name: suite.app?.name ?? suite.app?.slug ?? "check suite",
      status: "completed",
      conclusion: suite.conclusion as CheckRunFact["conclusion"],
    }));
}
