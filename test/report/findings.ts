import type { FileResult } from "../../src/report/file-result.js";
import { LineIndex } from "../../src/review/positions.js";
import type { Category, Finding, Fix, Severity } from "../../src/review/types.js";

export interface FindingSpec {
  /** Offsets `[start, end)` of the finding in `source`. */
  at: [number, number];
  rule?: string;
  severity?: Severity;
  message?: string;
  fix?: Fix;
  suggestion?: Fix;
}

/** A finding placed in `source` by offsets, as the engine would stamp it. */
export function findingIn(source: string, spec: FindingSpec): Finding {
  const rule = spec.rule ?? "typo/nbsp-before-colon";
  const finding: Finding = {
    ruleId: rule,
    category: rule.split("/")[0] as Category,
    severity: spec.severity ?? "warning",
    message: spec.message ?? "Un message",
    range: new LineIndex(source).rangeAt(spec.at[0], spec.at[1]),
  };
  if (spec.fix) finding.fix = spec.fix;
  if (spec.suggestion) finding.suggestion = spec.suggestion;
  return finding;
}

/** A finding at the start of the file, for renderers that only read its fields. */
export function finding(spec: Partial<FindingSpec> & { line?: number } = {}): Finding {
  const source = "\n".repeat((spec.line ?? 1) - 1);
  return findingIn(source, { ...spec, at: spec.at ?? [source.length, source.length] });
}

export function fileResult(path: string, findings: Finding[], source?: string): FileResult {
  return { path, displayPath: path, findings, source };
}
