/**
 * Everything the merge policy needs to know about one pull request, fetched at the edge for one head
 * commit. Nothing here is fetched lazily: the policy is a pure function of these facts.
 */

export type RepositoryPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface ReviewFact {
  login: string;
  state: ReviewState;
  /** The commit the review was submitted on. */
  commitId: string;
  /** ISO 8601; absent for a pending review. */
  submittedAt?: string;
}

export type CheckRunConclusion =
  | "success"
  | "neutral"
  | "skipped"
  | "failure"
  | "cancelled"
  | "timed_out"
  | "action_required"
  | "stale"
  | "startup_failure";

export interface CheckRunFact {
  name: string;
  /**
   * Relecteur's own run, told by the app that created it, not by its name: `relecteurCheck` stands for
   * it. A run of another app with the same name (a CI job running `relecteur check`) is an ordinary check.
   */
  isRelecteur?: boolean;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  /** Set once `status` is `completed`. */
  conclusion: CheckRunConclusion | null;
}

export interface CommitStatusFact {
  context: string;
  state: "success" | "pending" | "failure" | "error";
}

export interface ChangedFileFact {
  path: string;
  /** The old path of a renamed file: it must be allowed too. */
  previousPath?: string;
  /** Deleted by the pull request: never published by the bot, even a post. */
  isRemoved?: boolean;
}

export interface PostFact {
  path: string;
  /** The front matter `title`, when there is one. */
  title?: string;
  /** The front matter `date` as written (`2024-12-10`, `2024-12-10 10:30:00 +0100`); else the file name's date is used. */
  date?: string;
}

/** A configuration problem found at the edge (zod), named by its key. */
export interface ConfigIssueFact {
  /** Dotted key, e.g. `publish.time`. */
  key: string;
  /** French description of the problem. */
  problem: string;
}

export interface PullRequestFacts {
  number: number;
  headSha: string;
  state: "open" | "closed";
  isDraft: boolean;
  labels: readonly string[];
  authorLogin: string;
  changedFiles: readonly ChangedFileFact[];
  /**
   * How many files GitHub says the pull request changes (`changed_files`). Its file list stops at 3,000:
   * when fewer were listed, some file was never checked against the allowed paths.
   */
  changedFileCount?: number;
  /** Every review, in any order. */
  reviews: readonly ReviewFact[];
  /** From the collaborator-permission endpoint, for every reviewer; a missing login counts as `none`. */
  reviewerPermissions: Readonly<Record<string, RepositoryPermission>>;
  /** The latest run of each check on the head (`filter=latest`), Relecteur's own included or not. */
  checkRuns: readonly CheckRunFact[];
  /** The latest commit status of each context on the head. */
  statuses: readonly CommitStatusFact[];
  /** Relecteur's own check run on the head: its name, and its conclusion (`null` while not concluded). */
  relecteurCheck: { name: string; conclusion: CheckRunConclusion | null };
  /** GitHub's `mergeable`: `null` while GitHub computes it. */
  mergeable: boolean | null;
  /** The changed posts (added or modified files matching `posts`). */
  posts: readonly PostFact[];
  /** The `posts` globs of the configuration. */
  postGlobs: readonly string[];
  /** Configuration problems found while parsing `.github/relecteur.yml`. */
  configIssues: readonly ConfigIssueFact[];
}
