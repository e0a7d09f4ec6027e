import { applyFixes } from "./apply-fixes.js";
import type { Finding } from "./types.js";

/** Fix passes at most: a fix skipped because it overlapped another gets its turn in the next pass. */
const MAX_FIX_PASSES = 5;

/**
 * Applies the safe fixes of `findings`, reviews again and repeats until nothing changes. `review` returns
 * the findings of a text; the engine's, with whatever rules and options the caller chose.
 */
export function fixUntilStable(
  source: string,
  findings: Finding[],
  review: (text: string) => Finding[],
): string {
  let text = source;
  let current = findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = current.flatMap((finding) => (finding.fix ? [finding.fix] : []));
    if (fixes.length === 0) break;
    const result = applyFixes(text, fixes);
    if (result.text === text) break;
    text = result.text;
    current = review(text);
  }
  return text;
}
