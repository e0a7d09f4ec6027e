import type { FileResult } from "./file-result.js";

const COMMANDS = { error: "error", warning: "warning", info: "notice" } as const;

/** `--format github`: workflow commands that GitHub Actions turns into annotations. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(result.path)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(",");
      lines.push(`::${COMMANDS[finding.severity]} ${properties}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

// Escaping as in @actions/core's command.ts.
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
