import type { Fix } from "./types.js";

export interface FixResult {
  text: string;
  applied: Fix[];
  /** Fixes that overlapped one already applied: they stay plain findings. */
  skipped: Fix[];
}

/**
 * Applies fixes from the end of the text backwards so that earlier offsets stay valid, skipping any fix
 * that overlaps one already applied (textlint's source-code fixer does the same). Two insertions at the
 * same offset overlap too: their order would be a guess.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const ordered = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let output = text;
  let previous: Fix | undefined;
  for (const fix of ordered) {
    if (previous && overlaps(fix, previous)) {
      skipped.push(fix);
      continue;
    }
    output = output.slice(0, fix.start) + fix.text + output.slice(fix.end);
    previous = fix;
    applied.push(fix);
  }
  return { text: output, applied: applied.reverse(), skipped };
}

/** `earlier` starts at or before `later` (fixes are visited from the end). */
function overlaps(earlier: Fix, later: Fix): boolean {
  if (earlier.end > later.start) return true;
  const isInsertion = (fix: Fix) => fix.start === fix.end;
  return isInsertion(earlier) && isInsertion(later) && earlier.start === later.start;
}
