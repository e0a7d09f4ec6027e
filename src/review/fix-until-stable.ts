import { applyFixes } from "./apply-fixes.js";
import type { Finding, Fix } from "./types.js";

/** Fix passes at most: a fix skipped because it overlapped another gets its turn in the next pass. */
const MAX_FIX_PASSES = 5;

/** `safe`: the fixes only (`--fix`); `all`: the suggestions too (`--fix=all`). */
export type FixScope = "safe" | "all";

/** The corrections of a finding that a scope applies. */
export function correctionOf(finding: Finding, scope: FixScope): Fix | undefined {
  return finding.fix ?? (scope === "all" ? finding.suggestion : undefined);
}

/**
 * Applies the corrections of `findings` that `scope` allows, reviews again and repeats until nothing
 * changes. `review` returns the findings of a text; the engine's, with whatever rules and options the caller
 * chose.
 */
export function fixUntilStable(
  source: string,
  findings: Finding[],
  review: (text: string) => Finding[],
  scope: FixScope = "safe",
): string {
  let text = source;
  let current = findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = current.flatMap((finding) => correctionOf(finding, scope) ?? []);
    if (fixes.length === 0) break;
    const result = applyFixes(text, fixes);
    if (result.text === text) break;
    text = result.text;
    current = review(text);
  }
  return text;
}
