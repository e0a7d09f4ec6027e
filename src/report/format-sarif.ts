import { RULES } from "../review/registry.js";
import type { Finding, Severity } from "../review/types.js";
import type { FileResult } from "./file-result.js";

/** SARIF's levels: `info` has no SARIF twin, `note` is its closest. */
const LEVELS: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

const INFORMATION_URI = "https://www.npmjs.com/package/relecteur";

/**
 * `--format sarif`: one SARIF 2.1.0 log, as GitHub code scanning uploads it (`github/codeql-action/upload-sarif`).
 * Paths are relative to the site root (`uriBaseId` %SRCROOT%), columns are UTF-16 code units, 1-based, as
 * in the other formats.
 */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const usedRuleIds = [
    ...new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId))),
  ];
  const rules = RULES.filter((rule) => usedRuleIds.includes(rule.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Relecteur",
            version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.docs.title },
              fullDescription: { text: rule.docs.rationale },
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { category: rule.category },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "La racine du site" } } },
        results: results.flatMap((result) =>
          result.findings.map((finding) => sarifResult(result, finding, ruleIndex.get(finding.ruleId))),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(result: FileResult, finding: Finding, ruleIndex: number | undefined) {
  const artifactLocation = { uri: encodeURI(result.path), uriBaseId: "%SRCROOT%" };
  // A suggestion (it changes letters) is proposed too: code scanning shows a fix, and a person applies it.
  const fixes = [
    ...(finding.fix ? [{ fix: finding.fix, description: finding.message }] : []),
    ...(finding.suggestion
      ? [
          {
            fix: finding.suggestion,
            description: `${finding.message} (suggestion\u00a0: à relire, elle change des lettres)`,
          },
        ]
      : []),
  ];
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: regionOf(finding.range) } }],
    ...(fixes.length > 0 && result.source !== undefined
      ? {
          fixes: fixes.map(({ fix, description }) => ({
            description: { text: description },
            artifactChanges: [
              {
                artifactLocation,
                replacements: [
                  {
                    deletedRegion: { charOffset: fix.start, charLength: fix.end - fix.start },
                    insertedContent: { text: fix.text },
                  },
                ],
              },
            ],
          })),
        }
      : {}),
  };
}

function regionOf(range: Finding["range"]) {
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}
