import pc from "picocolors";
import type { Locale, Severity } from "../review/types.js";
import { countTotals, type FileResult, type Totals } from "./file-result.js";

type Paint = (text: string) => string;

const SEVERITY_NAMES: Record<Locale, Record<Severity, string>> = {
  fr: { error: "erreur", warning: "avertissement", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** `--format text`: grouped by file, `file:line:column  severity  message  rule`, then a one-line summary. */
export function formatText(
  results: readonly FileResult[],
  options: { locale: Locale; color: boolean },
): string {
  const colors = pc.createColors(options.color);
  const paint: Record<Severity, Paint> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const names = SEVERITY_NAMES[options.locale];
  const width = Math.max(...Object.values(names).map((name) => name.length));
  const blocks: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const lines = [colors.underline(result.displayPath)];
    for (const finding of result.findings) {
      const place = `${result.displayPath}:${finding.range.start.line}:${finding.range.start.column}`;
      const severity = paint[finding.severity](names[finding.severity].padEnd(width));
      lines.push(`${place}  ${severity}  ${finding.message}  ${colors.dim(finding.ruleId)}`);
    }
    blocks.push(lines.join("\n"));
  }
  const totals = countTotals(results);
  const summary = summaryLine(totals, options.locale);
  const paintSummary = totals.errors > 0 ? colors.red : totals.warnings > 0 ? colors.yellow : colors.green;
  return `${blocks.length > 0 ? `${blocks.join("\n\n")}\n\n` : ""}${paintSummary(summary)}\n`;
}

export function summaryLine(totals: Totals, locale: Locale): string {
  // French keeps 0 in the singular (« 0 erreur »), English does not.
  const isSingular = (count: number) => (locale === "fr" ? count <= 1 : count === 1);
  const plural = (count: number, one: string, many: string) => `${count} ${isSingular(count) ? one : many}`;
  if (locale === "en") {
    const counts = [
      plural(totals.errors, "error", "errors"),
      plural(totals.warnings, "warning", "warnings"),
      plural(totals.infos, "info", "infos"),
    ];
    return `${counts.join(", ")} in ${plural(totals.files, "file", "files")}`;
  }
  const counts = [
    plural(totals.errors, "erreur", "erreurs"),
    plural(totals.warnings, "avertissement", "avertissements"),
    plural(totals.infos, "info", "infos"),
  ];
  return `${counts.join(", ")} dans ${plural(totals.files, "fichier", "fichiers")}`;
}
