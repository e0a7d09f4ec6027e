/**
 * The `publish` section of the configuration, as the merge policy reads it: plain typed values, already
 * defaulted. The zod schema in `src/config/schema.ts` is the one place that parses it and writes the
 * defaults (`DEFAULT_CONFIG.publish`); this module only names the shape, and the policy re-checks the few
 * values it cannot trust blindly.
 */

export type MergeMethod = "squash" | "merge" | "rebase";

/**
 * Never 0: a stranger's pull request from a fork would then be merged with no one involved. The schema
 * refuses less and the policy, which may be handed a value from elsewhere, blocks it: one rule, here.
 */
export const MIN_APPROVALS = 1;

export interface PublishPolicy {
  /** Off unless `true`: Relecteur never merges by default. */
  enabled: boolean;
  /** Approvals of the head commit required from trusted reviewers. */
  approvals: number;
  method: MergeMethod;
  /** When set, the pull request must carry this label. */
  label?: string;
  /** Any of these labels (case-insensitive) blocks the merge. */
  blockingLabels: readonly string[];
  /** Globs of files a publishing pull request may touch besides the `posts` globs. */
  alsoAllow: readonly string[];
  /** Logins whose approval counts whatever their repository permission. */
  reviewers: readonly string[];
  /** Check names that must have reported and succeeded: not reported yet means pending. */
  requiredChecks: readonly string[];
  /** `HH:MM`, the publication time of a post whose date has no time. */
  time: string;
  /** IANA zone of `time` and of dates written without an offset. */
  timezone: string;
  /** Delete the head branch after the merge, when it lives in the same repository. */
  deleteBranch: boolean;
  /** Say what would be done, do nothing. */
  dryRun: boolean;
  /** Minutes between two sweeps of the scheduled pull requests. */
  sweepMinutes: number;
}
