import type { Finding } from "../review/types.js";
import { parseDiffLines } from "./diff-lines.js";
import type { FileResult } from "./file-result.js";

/** `review.scope`: in a post that a change edits, show what it changed (`changed`) or everything (`file`). */
export type ReviewScope = "changed" | "file";

/**
 * What a change (a pull request, or `git diff`) did to one file. `lines` absent: the file is new, or its
 * diff is unknown (GitHub leaves `patch` out of huge diffs), and the whole file is the change's.
 */
export interface FileChange {
  /** Lines of the new version that the change added or rewrote. */
  lines?: ReadonlySet<number>;
  /** The change gave the file its name (a rename): what the name implies is the change's too. */
  renamed?: boolean;
}

export interface ScopedFindings {
  /** The findings the change answers for, in their order. */
  shown: Finding[];
  /** Findings the file held before the change, on lines it did not touch: counted, not listed. */
  older: number;
}

/**
 * Front matter findings about the file as a whole, which no line of their own can carry: a post without a
 * readable front matter, or missing a field every post needs, or whose name Jekyll does not publish, is
 * broken whatever line the change touched. Field-level findings (an author, a date, an image) are on
 * their line like any other, so an old author missing from `_authors/` does not hold a typo fix back.
 */
const WHOLE_FILE_RULES: ReadonlySet<string> = new Set([
  "frontmatter/no-front-matter",
  "frontmatter/unclosed-front-matter",
  "frontmatter/yaml-syntax",
  "frontmatter/required-field",
  "frontmatter/file-name",
]);

/**
 * What the file name implies (its form, its date): a rename decides it, an edit of an old post cannot
 * change it without breaking its published address.
 */
const NAME_RULES: ReadonlySet<string> = new Set([
  "frontmatter/file-name",
  "frontmatter/slug-style",
  "frontmatter/date-mismatch",
]);

/** The change of a pull request's file, from "List pull request files" (`status`, `patch`). */
export function changeOfPullFile(file: { status?: string; patch?: string }): FileChange {
  // A copy is a new file (a post started from another): its diff against the source says nothing of it.
  if (file.status === "added" || file.status === "copied" || file.patch === undefined) return {};
  const lines = parseDiffLines(file.patch).added;
  return file.status === "renamed" ? { lines, renamed: true } : { lines };
}

/**
 * The findings a change answers for: every finding of a new file; in an edited file, those that touch a
 * line it added or rewrote, plus the whole-file front matter ones. The same rule for the app and for
 * `relecteur check --changed-since`.
 */
export function scopeFindings(
  findings: readonly Finding[],
  change: FileChange | undefined,
  scope: ReviewScope,
): ScopedFindings {
  if (scope === "file" || change?.lines === undefined) return { shown: [...findings], older: 0 };
  const { lines, renamed } = change;
  const shown = findings.filter(
    (finding) =>
      WHOLE_FILE_RULES.has(finding.ruleId) ||
      (renamed === true && NAME_RULES.has(finding.ruleId)) ||
      touchesLines(finding, lines),
  );
  return { shown, older: findings.length - shown.length };
}

/** Each result scoped to its file's change (by `path`); a file the change map lacks keeps everything. */
export function scopeResults(
  results: readonly FileResult[],
  changes: ReadonlyMap<string, FileChange>,
  scope: ReviewScope,
): FileResult[] {
  return results.map((result) => {
    const { shown, older } = scopeFindings(result.findings, changes.get(result.path), scope);
    return older === 0
      ? { ...result, findings: shown }
      : { ...result, findings: shown, olderFindings: older };
  });
}

function touchesLines(finding: Finding, lines: ReadonlySet<number>): boolean {
  const { start, end } = finding.range;
  // A range that ends at the start of a line (a whole line and its newline) ends on the line before.
  const last = end.line > start.line && end.column === 1 ? end.line - 1 : Math.max(start.line, end.line);
  for (let line = start.line; line <= last; line++) if (lines.has(line)) return true;
  return false;
}
