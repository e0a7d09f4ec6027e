import type { Finding } from "../types.js";

/** Two findings of the same rule at the same range with the same message are one. */
export function dropDuplicates(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.range.start.offset}\u0000${finding.range.end.offset}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
