import { createHash } from "node:crypto";
import { applyFixes } from "../review/apply-fixes.js";
import { LineIndex } from "../review/positions.js";
import type { Finding, Fix, Locale, Severity } from "../review/types.js";
import { parseDiffLines } from "./diff-lines.js";
import { codeSpan, longestRun, markdownMessage } from "./markdown-inline.js";

/** A review comment as "Create a review" takes it in `comments`, plus the fingerprint its body ends with. */
export interface ReviewSuggestion {
  path: string;
  /** Line of the file's new version; it lies inside a hunk of the pull request's diff. */
  line: number;
  side: "RIGHT";
  body: string;
  fingerprint: string;
}

/** Why a finding got no suggestion; annotations and the summary still show it. */
export type UnplacedReason =
  /** The finding has neither a fix nor a suggestion. */
  | "no-fix"
  /** The fix replaces text by the same text. */
  | "no-change"
  /** The fix does not lie within one line (it spans lines, or falls outside the source). */
  | "multi-line"
  /** The fix's line is not in a hunk of the diff, or the file has no patch. */
  | "outside-diff"
  /** The fix overlaps another fix of the same line, which the suggestion applies instead. */
  | "overlap"
  /** Its line came after the `max` first ones. */
  | "limit";

export interface UnplacedFinding {
  finding: Finding;
  reason: UnplacedReason;
}

export interface RenderedSuggestions {
  /** At most `max`, errors first, then warnings, then infos, then by line. */
  comments: ReviewSuggestion[];
  /** Every other finding of the file, in the file's order. */
  unplaced: UnplacedFinding[];
}

export interface SuggestionFile {
  path: string;
  /** The file at the pull request's head, which the findings' offsets point into. */
  source: string;
  /** The file's `patch` from "List pull request files"; missing for binary files and huge diffs. */
  patch?: string;
  findings: Finding[];
}

export interface SuggestionOptions {
  /** `review.maxSuggestions` from the config. */
  max: number;
  locale: Locale;
}

/** A suggestion comment ends with this marker, found again on the next push. */
export function suggestionMarker(fingerprint: string): string {
  return `<!-- relecteur:suggestion ${fingerprint} -->`;
}

const MARKER_PATTERN = /<!-- relecteur:suggestion ([0-9a-f]+) -->/;

/** The fingerprint in a comment's body, when the comment is one of Relecteur's suggestions. */
export function fingerprintOf(body: string): string | undefined {
  return MARKER_PATTERN.exec(body)?.[1];
}

/** Hex digits of sha256 kept: 64 bits, plenty for the suggestions of one pull request. */
const FINGERPRINT_LENGTH = 16;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_ICONS: Record<Severity, string> = { error: "🔴", warning: "🟠", info: "🔵" };
const SEVERITY_NAMES: Record<Locale, Record<Severity, string>> = {
  fr: { error: "Erreur", warning: "Avertissement", info: "Info" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

interface LineSuggestion {
  line: number;
  original: string;
  corrected: string;
  findings: Finding[];
  severityRank: number;
}

/**
 * What a suggestion block offers for a finding: its fix, or its suggestion that changes letters. Both are
 * offered the same way, since a person reads and accepts every suggestion block: nothing is applied
 * silently.
 */
function correctionOf(finding: Finding): Fix | undefined {
  return finding.fix ?? finding.suggestion;
}

/**
 * One review comment per line that has fixes or suggestions inside the diff, whose `suggestion` block holds
 * the whole line corrected: one click applies every correction of the line. Fixes are applied from the end of the
 * line backwards; one that overlaps a fix already applied stays out of the block (`overlap`), and the next
 * push suggests it on the corrected line.
 */
export function renderReviewSuggestions(
  file: SuggestionFile,
  options: SuggestionOptions,
): RenderedSuggestions {
  const lines = new LineIndex(file.source);
  const { commentable } = parseDiffLines(file.patch);
  const reasons = new Map<Finding, UnplacedReason>();
  const perLine = new Map<number, { finding: Finding; fix: Fix }[]>();
  for (const finding of file.findings) {
    const reason = placementProblem(finding, file.source, lines, commentable);
    const fix = correctionOf(finding);
    if (reason) reasons.set(finding, reason);
    else if (fix) {
      const line = lines.pointAt(fix.start).line;
      perLine.set(line, [...(perLine.get(line) ?? []), { finding, fix }]);
    }
  }

  const suggestions: LineSuggestion[] = [];
  for (const [line, fixes] of [...perLine].sort(([a], [b]) => a - b)) {
    const start = lines.lineStart(line);
    const original = lines.lineText(line);
    // Offsets relative to the line, so that applyFixes works on the line alone.
    const shifted = new Map(
      fixes.map(({ finding, fix }) => [
        { start: fix.start - start, end: fix.end - start, text: fix.text } satisfies Fix,
        finding,
      ]),
    );
    const { text, applied, skipped } = applyFixes(original, [...shifted.keys()]);
    for (const fix of skipped) reasons.set(shifted.get(fix) as Finding, "overlap");
    const findings = applied.map((fix) => shifted.get(fix) as Finding);
    suggestions.push({
      line,
      original,
      corrected: text.replace(/\r\n?/g, "\n"),
      findings,
      severityRank: Math.min(...findings.map((finding) => SEVERITY_RANK[finding.severity])),
    });
  }

  // The same correction of the same text can occur on several lines: their rank among them tells them
  // apart, and stays the same when lines above are added or removed.
  const occurrences = new Map<string, number>();
  const fingerprinted = suggestions.map((suggestion) => {
    const key = JSON.stringify([suggestion.original, suggestion.corrected]);
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return {
      ...suggestion,
      fingerprint: fingerprint(file.path, suggestion.original, suggestion.corrected, occurrence),
    };
  });

  const ordered = fingerprinted.sort((a, b) => a.severityRank - b.severityRank || a.line - b.line);
  const kept = ordered.slice(0, Math.max(0, Math.floor(options.max)));
  for (const suggestion of ordered.slice(kept.length)) {
    for (const finding of suggestion.findings) reasons.set(finding, "limit");
  }
  return {
    comments: kept.map((suggestion) => ({
      path: file.path,
      line: suggestion.line,
      side: "RIGHT",
      body: renderBody(suggestion.findings, suggestion.corrected, suggestion.fingerprint, options.locale),
      fingerprint: suggestion.fingerprint,
    })),
    unplaced: file.findings.flatMap((finding) => {
      const reason = reasons.get(finding);
      return reason ? [{ finding, reason }] : [];
    }),
  };
}

function placementProblem(
  finding: Finding,
  source: string,
  lines: LineIndex,
  commentable: ReadonlySet<number>,
): UnplacedReason | undefined {
  const fix = correctionOf(finding);
  if (!fix) return "no-fix";
  if (fix.start < 0 || fix.end > source.length || fix.start > fix.end) return "multi-line";
  const line = lines.pointAt(fix.start).line;
  if (fix.start < lines.lineStart(line) || fix.end > lines.lineEnd(line)) return "multi-line";
  if (source.slice(fix.start, fix.end) === fix.text) return "no-change";
  if (!commentable.has(line)) return "outside-diff";
  return undefined;
}

/**
 * Stable across pushes: it hashes what the suggestion does (path, line before, line after), not where the
 * line sits, so a suggestion already posted is recognised after lines above it moved.
 */
function fingerprint(path: string, original: string, corrected: string, occurrence: number): string {
  return createHash("sha256")
    .update(JSON.stringify([path, original, corrected, occurrence]))
    .digest("hex")
    .slice(0, FINGERPRINT_LENGTH);
}

function renderBody(findings: readonly Finding[], corrected: string, print: string, locale: Locale): string {
  const items = findings.map(
    (finding) =>
      `${SEVERITY_ICONS[finding.severity]} **${SEVERITY_NAMES[locale][finding.severity]}** — ${markdownMessage(finding.message)} (${codeSpan(finding.ruleId)})`,
  );
  const list = items.length === 1 ? items : items.map((item) => `- ${item}`);
  // A fence longer than any run of backticks in the line, so that the line cannot close the block.
  const fence = "`".repeat(Math.max(3, longestRun(corrected, "`") + 1));
  return [...list, "", `${fence}suggestion`, corrected, fence, "", suggestionMarker(print)].join("\n");
}

/** The suggestions not posted yet: the fingerprints of those already posted come from their markers. */
export function suggestionsToPost(
  rendered: readonly ReviewSuggestion[],
  existingFingerprints: ReadonlySet<string>,
): ReviewSuggestion[] {
  return rendered.filter((suggestion) => !existingFingerprints.has(suggestion.fingerprint));
}

/** A review comment already on the pull request. */
export interface ExistingComment {
  id: number;
  body: string;
  /** Someone answered it: the conversation stays, even when the suggestion is outdated. */
  hasReplies: boolean;
}

/**
 * The ids of Relecteur's suggestion comments that no longer match a current suggestion (applied, fixed by
 * hand, or the line changed) and that nobody answered: they can be deleted. Pass only the comments that the
 * app itself wrote; its marker is what tells a suggestion from its other comments.
 */
export function outdatedComments(
  existing: readonly ExistingComment[],
  currentFingerprints: ReadonlySet<string>,
): number[] {
  return existing
    .filter((comment) => {
      const print = fingerprintOf(comment.body);
      return print !== undefined && !currentFingerprints.has(print) && !comment.hasReplies;
    })
    .map((comment) => comment.id);
}
