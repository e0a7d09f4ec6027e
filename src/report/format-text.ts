import pc from "picocolors";
import { type Locale, SEVERITIES, type Severity } from "../review/types.js";
import { countTotals, type FileResult, type Totals } from "./file-result.js";

type Paint = (text: string) => string;

const SEVERITY_NAMES: Record<Locale, Record<Severity, string>> = {
  fr: { error: "erreur", warning: "avertissement", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

/**
 * `--format text`: grouped by file, `file:line:column  severity  message  rule`, then a tally per rule (what
 * to fix first on a site of 300 posts), the older findings a change left aside, and the one-line tally per
 * severity.
 */
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
  if (blocks.length > 0) blocks.push(ruleTally(results, options.locale, paint));
  const older = results.reduce((total, result) => total + (result.olderFindings ?? 0), 0);
  if (older > 0) blocks.push(colors.dim(OLDER[options.locale](older)));
  const totals = countTotals(results);
  const summary = summaryLine(totals, options.locale);
  const paintSummary = totals.errors > 0 ? colors.red : totals.warnings > 0 ? colors.yellow : colors.green;
  return `${blocks.length > 0 ? `${blocks.join("\n\n")}\n\n` : ""}${paintSummary(summary)}\n`;
}

const OLDER: Record<Locale, (count: number) => string> = {
  fr: (count) =>
    count === 1
      ? "1 remarque plus ancienne, hors des lignes modifiées, n’est pas montrée (sans --changed-since, tout est montré)."
      : `${count} remarques plus anciennes, hors des lignes modifiées, ne sont pas montrées (sans --changed-since, tout est montré).`,
  en: (count) =>
    `${count} older finding${count === 1 ? "" : "s"}, outside the changed lines, ${count === 1 ? "is" : "are"} not shown (without --changed-since, everything is).`,
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One line per rule: its id and its counts per severity (a rule can report at several levels), the worst
 * rules first, then the most frequent.
 */
function ruleTally(results: readonly FileResult[], locale: Locale, paint: Record<Severity, Paint>): string {
  const perRule = new Map<string, Record<Severity, number>>();
  for (const { findings } of results) {
    for (const finding of findings) {
      const counts = perRule.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0 };
      counts[finding.severity]++;
      perRule.set(finding.ruleId, counts);
    }
  }
  const worst = (counts: Record<Severity, number>) =>
    Math.min(
      ...SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => SEVERITY_RANK[severity]),
    );
  const total = (counts: Record<Severity, number>) => counts.error + counts.warning + counts.info;
  const rows = [...perRule].sort(
    ([idA, a], [idB, b]) => worst(a) - worst(b) || total(b) - total(a) || idA.localeCompare(idB),
  );
  const width = Math.max(...rows.map(([id]) => id.length));
  const lines = rows.map(([id, counts]) => {
    const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) =>
      paint[severity](countOf(counts[severity], severity, locale)),
    );
    return `  ${id.padEnd(width)}  ${parts.join(", ")}`;
  });
  return [locale === "fr" ? "Par règle\u00a0:" : "By rule:", ...lines].join("\n");
}

const COUNT_NAMES: Record<Locale, Record<Severity, [string, string]>> = {
  fr: { error: ["erreur", "erreurs"], warning: ["avertissement", "avertissements"], info: ["info", "infos"] },
  en: { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["info", "infos"] },
};

function countOf(count: number, severity: Severity, locale: Locale): string {
  const [one, many] = COUNT_NAMES[locale][severity];
  return `${count} ${count === 1 ? one : many}`;
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
