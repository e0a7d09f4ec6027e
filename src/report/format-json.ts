import { countTotals, type FileResult, fixTextForRange } from "./file-result.js";

/**
 * `--format json`, version 1: a stable contract that other tools parse (see DESIGN.md). `fix` is safe to apply
 * without reading; `suggestion`, of the same shape, changes letters and is for a person to accept.
 */
export function formatJson(results: readonly FileResult[]): string {
  const output = {
    version: 1,
    files: results.map((result) => ({
      path: result.path,
      findings: result.findings.map((finding) => {
        const fixText = fixTextForRange(finding, result.source);
        const suggestionText = fixTextForRange(finding, result.source, "suggestion");
        return {
          rule: finding.ruleId,
          category: finding.category,
          severity: finding.severity,
          message: finding.message,
          line: finding.range.start.line,
          column: finding.range.start.column,
          endLine: finding.range.end.line,
          endColumn: finding.range.end.column,
          ...(fixText === undefined ? {} : { fix: { text: fixText } }),
          ...(suggestionText === undefined ? {} : { suggestion: { text: suggestionText } }),
        };
      }),
    })),
    summary: countTotals(results),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
