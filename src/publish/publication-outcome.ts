import type { BlockReason } from "./block-reason.js";
import type { MergeMethod } from "./publish-policy.js";

/**
 * What one evaluation of the publish policy ended in, as the summary comment's « Publication » section
 * tells it. Every outcome is about the head commit that was evaluated.
 */
export type PublicationOutcome =
  /**
   * Not merged, and exactly why. `scheduledFor` is when the sweep looks again (the publication date, or
   * now while GitHub computes mergeability); `isLabelMissing` when the `publication programmée` label that
   * the sweep looks for could not be added; `isDryRun` when no label is written at all.
   */
  | {
      kind: "blocked";
      reasons: readonly BlockReason[];
      scheduledFor?: string;
      isLabelMissing?: boolean;
      isDryRun?: boolean;
      /** It carried the `publication programmée` label when evaluated, i.e. its summary promised a date. */
      wasScheduled?: boolean;
    }
  /** `publish.dryRun`: what would have been done, and nothing was. */
  | { kind: "dry-run"; sha: string; method: MergeMethod; commitTitle: string; wouldDeleteBranch?: string }
  | {
      kind: "merged";
      sha: string;
      method: MergeMethod;
      commitTitle: string;
      /** The merge commit GitHub made, when it said. */
      mergeCommitSha?: string;
      /** The head branch, when Relecteur was to delete it, and whether it is gone. */
      branch?: { name: string; isDeleted: boolean };
    }
  /** GitHub refused or failed the merge; nothing is retried until the next event or sweep. */
  | { kind: "merge-failed"; sha: string; status?: number; message: string }
  /** Closed or merged by someone else (a person, or another instance of the app). */
  | { kind: "closed"; isMerged: boolean }
  /** The facts could not be read (a GitHub API error): nothing was decided, the next event tries again. */
  | { kind: "unavailable"; status?: number; message: string };
