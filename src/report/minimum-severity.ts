import { SEVERITIES, type Severity } from "../review/types.js";
import type { FileResult } from "./file-result.js";

/** `--severity`: the results without the findings less severe than `minimum` (`warning` drops infos). */
export function atLeastSeverity(results: readonly FileResult[], minimum: Severity): FileResult[] {
  const kept = new Set(SEVERITIES.slice(0, SEVERITIES.indexOf(minimum) + 1));
  return results.map((result) => ({
    ...result,
    findings: result.findings.filter((finding) => kept.has(finding.severity)),
  }));
}
