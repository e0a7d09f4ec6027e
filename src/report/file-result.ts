import type { Finding } from "../review/types.js";

/** The review of one file, as every output format receives it. */
export interface FileResult {
  /** Path from the site root, as in the repository (`_posts/…`). */
  path: string;
  /** Path as the user typed it or can open it from the current folder. */
  displayPath: string;
  findings: Finding[];
  /** The text reviewed, when it could be read: formats need it to express fixes. */
  source?: string;
  /**
   * Findings on lines that the change under review did not touch (`review.scope: changed`,
   * `--changed-since`): left out of `findings`, counted so that the reader knows the file holds more.
   */
  olderFindings?: number;
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function countTotals(results: readonly FileResult[]): Totals {
  const totals: Totals = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const { findings } of results) {
    for (const finding of findings) {
      if (finding.severity === "error") totals.errors++;
      else if (finding.severity === "warning") totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}

/**
 * The text that replaces the finding's own range, when its fix lies inside that range (JSON version 1
 * promises that `fix.text` replaces `line:column`–`endLine:endColumn`). `kind` picks the finding's `fix` or
 * its `suggestion`, which JSON gives in the same shape.
 */
export function fixTextForRange(
  finding: Finding,
  source: string | undefined,
  kind: "fix" | "suggestion" = "fix",
): string | undefined {
  const fix = finding[kind];
  const { range } = finding;
  if (!fix || source === undefined) return undefined;
  if (fix.start < range.start.offset || fix.end > range.end.offset) return undefined;
  return source.slice(range.start.offset, fix.start) + fix.text + source.slice(fix.end, range.end.offset);
}
