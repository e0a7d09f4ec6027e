import { CATEGORIES, type Category, type Finding, type Locale, type Severity } from "../review/types.js";
import { countTotals, type FileResult } from "./file-result.js";
import { codeSpan, tableCell } from "./markdown-inline.js";

// GitHub's limits on a check run's output, from the REST docs of "Create a check run" and "Update a check run":
// https://docs.github.com/en/rest/checks/runs#create-a-check-run

/** "The Checks API limits the number of annotations to a maximum of 50 per API request." */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary`: "Maximum length: 65535 characters." */
export const MAX_SUMMARY_LENGTH = 65_535;
/** `annotations[].message`: "The maximum size is 64 KB." Read as 64,000 bytes, the smaller of its meanings. */
export const MAX_ANNOTATION_MESSAGE_BYTES = 64_000;
/** `annotations[].title`: "The maximum size is 255 characters." */
export const MAX_ANNOTATION_TITLE_LENGTH = 255;

export type CheckRunConclusion = "failure" | "neutral" | "success";

/** One item of `output.annotations`, spelt as the API wants it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only when the annotation starts and ends on the same line: GitHub refuses columns otherwise. */
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  message: string;
  title: string;
}

export interface RenderedCheckRun {
  conclusion: CheckRunConclusion;
  title: string;
  summary: string;
  /** Every finding as an annotation, errors first, in requests of at most 50: the first one creates the run. */
  annotationBatches: Annotation[][];
}

const ANNOTATION_LEVELS: Record<Severity, Annotation["annotation_level"]> = {
  error: "failure",
  warning: "warning",
  info: "notice",
};
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const TEXTS = {
  fr: {
    noPost: "Aucun article à relire",
    clean: "Aucune remarque",
    counts: (errors: number, warnings: number, infos: number) =>
      [
        errors > 0 ? plural(errors, "erreur", "erreurs") : "",
        warnings > 0 ? plural(warnings, "avertissement", "avertissements") : "",
        infos > 0 ? plural(infos, "info", "infos") : "",
      ].filter(Boolean),
    inPosts: (posts: number) => ` dans ${plural(posts, "article", "articles")}`,
    noPostSummary: "Aucun article modifié.",
    columns: ["Article", "Erreurs", "Avertissements", "Infos", "Catégories"],
    colon: "\u00a0: ",
    categories: {
      frontmatter: "en-tête",
      markdown: "Markdown",
      typo: "typographie",
      lexicon: "charte éditoriale",
      links: "liens",
    } satisfies Record<Category, string>,
    cleanSummary: "Rien à signaler.",
    annotated: "Chaque remarque est annotée sur sa ligne.",
    older: (count: number) =>
      `${plural(count, "remarque plus ancienne", "remarques plus anciennes")}, hors des lignes modifiées, ` +
      `${count === 1 ? "n’est pas annotée et ne compte pas" : "ne sont pas annotées et ne comptent pas"} (\`review.scope\`).`,
    truncated: (posts: number) =>
      `Résumé tronqué à la limite de GitHub\u00a0: ${plural(posts, "article", "articles")} de plus, ` +
      `dont les remarques restent annotées sur leurs lignes.`,
  },
  en: {
    noPost: "No post to review",
    clean: "No findings",
    counts: (errors: number, warnings: number, infos: number) =>
      [
        errors > 0 ? plural(errors, "error", "errors") : "",
        warnings > 0 ? plural(warnings, "warning", "warnings") : "",
        infos > 0 ? plural(infos, "info", "infos") : "",
      ].filter(Boolean),
    inPosts: (posts: number) => ` in ${plural(posts, "post", "posts")}`,
    noPostSummary: "No post changed.",
    columns: ["Post", "Errors", "Warnings", "Infos", "Categories"],
    colon: ": ",
    categories: {
      frontmatter: "front matter",
      markdown: "Markdown",
      typo: "typography",
      lexicon: "house style",
      links: "links",
    } satisfies Record<Category, string>,
    cleanSummary: "Nothing to report.",
    annotated: "Each finding is annotated on its line.",
    older: (count: number) =>
      `${plural(count, "older finding", "older findings")}, outside the changed lines, ` +
      `${count === 1 ? "is" : "are"} neither annotated nor counted (\`review.scope\`).`,
    truncated: (posts: number) =>
      `Summary truncated at GitHub's limit: ${plural(posts, "more post", "more posts")}, ` +
      `whose findings are still annotated on their lines.`,
  },
} as const;

/**
 * The check run of a review: `failure` when a finding is an error, `neutral` when the worst is a warning,
 * `success` otherwise (infos alone do not hold a pull request back). Only the findings shown count: a
 * pull request is judged on what it changed, not on the older problems of the posts it edits.
 */
export function renderCheckRun(results: readonly FileResult[], locale: Locale): RenderedCheckRun {
  const totals = countTotals(results);
  const conclusion: CheckRunConclusion =
    totals.errors > 0 ? "failure" : totals.warnings > 0 ? "neutral" : "success";
  return {
    conclusion,
    title: renderTitle(results, locale),
    summary: renderSummary(results, locale),
    annotationBatches: inBatches(renderAnnotations(results), MAX_ANNOTATIONS_PER_REQUEST),
  };
}

function renderTitle(results: readonly FileResult[], locale: Locale): string {
  const texts = TEXTS[locale];
  if (results.length === 0) return texts.noPost;
  const totals = countTotals(results);
  const counts = texts.counts(totals.errors, totals.warnings, totals.infos);
  if (counts.length === 0) return texts.clean;
  const postsWithFindings = results.filter((result) => result.findings.length > 0).length;
  return `${counts.join(", ")}${texts.inPosts(postsWithFindings)}`;
}

/** A table of the posts with their counts per severity and per category, cut to fit GitHub's limit. */
function renderSummary(results: readonly FileResult[], locale: Locale): string {
  const texts = TEXTS[locale];
  if (results.length === 0) return `${texts.noPostSummary}\n`;
  const head = [`| ${texts.columns.join(" | ")} |`, "| --- | ---: | ---: | ---: | --- |"];
  const rows = results.map((result) => renderRow(result, locale));
  const hasFindings = results.some((result) => result.findings.length > 0);
  const older = results.reduce((total, result) => total + (result.olderFindings ?? 0), 0);
  const notes = [
    hasFindings ? texts.annotated : texts.cleanSummary,
    ...(older > 0 ? [texts.older(older)] : []),
  ];
  const full = [...head, ...rows, "", notes.join(" "), ""].join("\n");
  if (full.length <= MAX_SUMMARY_LENGTH) return full;
  // Keep as many rows as fit with the note that replaces the others.
  let length = head.join("\n").length;
  let kept = 0;
  while (kept < rows.length) {
    const next = length + 1 + (rows[kept] as string).length;
    const note = `\n\n${texts.truncated(rows.length - kept - 1)}\n`;
    if (next + note.length > MAX_SUMMARY_LENGTH) break;
    length = next;
    kept++;
  }
  return [...head, ...rows.slice(0, kept), "", texts.truncated(rows.length - kept), ""].join("\n");
}

function renderRow(result: FileResult, locale: Locale): string {
  const texts = TEXTS[locale];
  const perSeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const perCategory = new Map<Category, number>();
  for (const finding of result.findings) {
    perSeverity[finding.severity]++;
    perCategory.set(finding.category, (perCategory.get(finding.category) ?? 0) + 1);
  }
  const categories = CATEGORIES.filter((category) => perCategory.has(category))
    .map((category) => `${texts.categories[category]}${texts.colon}${perCategory.get(category)}`)
    .join(" · ");
  return `| ${tableCell(codeSpan(result.path))} | ${perSeverity.error} | ${perSeverity.warning} | ${perSeverity.info} | ${categories || "—"} |`;
}

/** Every finding of every file, errors first, then warnings, then infos; files and findings in their order. */
function renderAnnotations(results: readonly FileResult[]): Annotation[] {
  const annotations = results.flatMap((result) =>
    result.findings.map((finding) => ({ finding, annotation: renderAnnotation(result.path, finding) })),
  );
  return annotations
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity])
    .map(({ annotation }) => annotation);
}

function renderAnnotation(path: string, finding: Finding): Annotation {
  const { start, end } = finding.range;
  // A range that ends at the start of a line (a whole line and its newline) ends on the line before.
  const endLine = end.line > start.line && end.column === 1 ? end.line - 1 : Math.max(start.line, end.line);
  const annotation: Annotation = {
    path,
    start_line: start.line,
    end_line: endLine,
    annotation_level: ANNOTATION_LEVELS[finding.severity],
    message: truncateBytes(finding.message, MAX_ANNOTATION_MESSAGE_BYTES),
    title: truncateCharacters(finding.ruleId, MAX_ANNOTATION_TITLE_LENGTH),
  };
  if (start.line === end.line) {
    // The same columns as `--format github`, whose workflow commands become the same annotations.
    annotation.start_column = start.column;
    annotation.end_column = Math.max(start.column, end.column);
  }
  return annotation;
}

function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}

const ELLIPSIS = "…";

/** Cuts `text` to at most `max` UTF-8 bytes, on a character boundary, ending with "…" when cut. */
function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, "utf8") <= max) return text;
  const budget = max - Buffer.byteLength(ELLIPSIS, "utf8");
  let bytes = 0;
  let kept = "";
  for (const character of text) {
    bytes += Buffer.byteLength(character, "utf8");
    if (bytes > budget) break;
    kept += character;
  }
  return kept + ELLIPSIS;
}

/** Cuts `text` to at most `max` characters (code points), ending with "…" when cut. */
function truncateCharacters(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : characters.slice(0, max - 1).join("") + ELLIPSIS;
}
