import type { Category, Finding, Locale, Severity } from "../review/types.js";
import { codeSpan, markdownMessage, tableCell } from "./markdown-inline.js";
import { type PostPreview, renderPreviewLinks } from "./preview-links.js";
import { PUBLICATION_END, PUBLICATION_START } from "./publication-section.js";

/** Found again on every push so that the one summary comment is edited, never repeated. */
export const SUMMARY_MARKER = "<!-- relecteur:summary -->";

/** How many findings a post's section lists: the comment points, the annotations detail. */
const TOP_FINDINGS = 5;

export interface PostSummary {
  path: string;
  title?: string;
  url?: string;
  previewUrl?: string;
  /** The file's page at the head commit (`…/blob/<sha>/<path>?plain=1`): each « ligne N » links to its line. */
  blobUrl?: string;
  /** The preview link chosen for the app (deployment, template or built-in); it replaces `previewUrl`. */
  preview?: PostPreview;
  findings: readonly Finding[];
  /** Findings on lines the pull request did not touch: counted, not listed. */
  olderFindings?: number;
}

const TEXTS = {
  fr: {
    heading: "Relecture éditoriale",
    noPost: "Aucun article modifié.",
    clean: "Rien à signaler\u00a0: bravo\u202f!",
    cleanChanges: "Rien à signaler dans les lignes modifiées.",
    older: (count: number) =>
      count === 1
        ? "Hors des lignes modifiées, cet article compte encore une remarque plus ancienne, non détaillée ici."
        : `Hors des lignes modifiées, cet article compte encore ${count} remarques plus anciennes, non détaillées ici.`,
    post: "article",
    onSite: "sur le site",
    preview: "aperçu",
    columns: ["Article", "Erreurs", "Avertissements", "Infos"],
    line: "ligne",
    colon: "\u00a0: ",
    more: (count: number) =>
      `… et ${count} autre${count > 1 ? "s" : ""} point${count > 1 ? "s" : ""} dans les annotations.`,
    categories: {
      frontmatter: "en-tête",
      markdown: "Markdown",
      typo: "typographie",
      lexicon: "charte éditoriale",
      links: "liens",
    },
    footer: (command: string) =>
      `Relisez vos articles avant de pousser\u00a0: \`${command}\`\u202f; ajoutez \`--fix\` pour appliquer les corrections sûres.`,
  },
  en: {
    heading: "Editorial review",
    noPost: "No post changed.",
    clean: "Nothing to report: well done!",
    cleanChanges: "Nothing to report in the changed lines.",
    older: (count: number) =>
      `Outside the changed lines, this post still holds ${count} older finding${count === 1 ? "" : "s"}, not listed here.`,
    post: "post",
    onSite: "on the site",
    preview: "preview",
    columns: ["Post", "Errors", "Warnings", "Infos"],
    line: "line",
    colon: ": ",
    more: (count: number) => `… and ${count} more in the annotations.`,
    categories: {
      frontmatter: "front matter",
      markdown: "Markdown",
      typo: "typography",
      lexicon: "house style",
      links: "links",
    },
    footer: (command: string) =>
      `Review your posts before you push: \`${command}\`; add \`--fix\` to apply the safe fixes.`,
  },
} as const;

const SEVERITY_ICONS: Record<Severity, string> = { error: "🔴", warning: "🟠", info: "🔵" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The Markdown of the summary comment: per post, its title, URL, counts and the findings that matter most. */
export function renderSummaryComment(posts: readonly PostSummary[], locale: Locale): string {
  const texts = TEXTS[locale];
  const lines = [SUMMARY_MARKER, `## ${texts.heading}`, ""];
  if (posts.length === 0) return [...lines, texts.noPost, ""].join("\n");
  lines.push(`| ${texts.columns.join(" | ")} |`, `| --- | ---: | ---: | ---: |`);
  for (const post of posts) {
    const count = (severity: Severity) =>
      post.findings.filter((finding) => finding.severity === severity).length;
    lines.push(
      `| ${tableCell(codeSpan(post.title ?? post.path))} | ${count("error")} | ${count("warning")} | ${count("info")} |`,
    );
  }
  for (const post of posts) lines.push("", ...renderPost(post, locale));
  const command = `npx relecteur check ${posts.map((post) => shellQuote(post.path)).join(" ")}`;
  lines.push("", "---", `<sub>${texts.footer(command)}</sub>`, "");
  return lines.join("\n");
}

function renderPost(post: PostSummary, locale: Locale): string[] {
  const texts = TEXTS[locale];
  const links = [`\`${post.path}\``];
  if (post.url) links.push(`[${texts.onSite}](${linkDestination(post.url)})`);
  if (post.previewUrl && !post.preview) links.push(`[${texts.preview}](${linkDestination(post.previewUrl)})`);
  const lines = [
    `### ${codeSpan(post.title ?? post.path)}`,
    "",
    links.join(" · ") + (post.preview ? renderPreviewLinks(post.preview, locale) : ""),
  ];
  const older = post.olderFindings ?? 0;
  const olderNote = older > 0 ? ["", texts.older(older)] : [];
  if (post.findings.length === 0)
    return [...lines, "", older > 0 ? texts.cleanChanges : texts.clean, ...olderNote];
  const perCategory = new Map<Category, number>();
  for (const finding of post.findings)
    perCategory.set(finding.category, (perCategory.get(finding.category) ?? 0) + 1);
  lines.push(
    "",
    [...perCategory]
      .map(([category, count]) => `${texts.categories[category]}${texts.colon}${count}`)
      .join(" · "),
    "",
  );
  const top = [...post.findings]
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range.start.offset - b.range.start.offset,
    )
    .slice(0, TOP_FINDINGS);
  for (const finding of top) {
    const line = finding.range.start.line;
    const place = post.blobUrl
      ? `[${texts.line} ${line}](${linkDestination(`${post.blobUrl}#L${line}`)})`
      : `${texts.line} ${line}`;
    lines.push(
      `- ${SEVERITY_ICONS[finding.severity]} ${place}${texts.colon}${markdownMessage(finding.message)} (\`${finding.ruleId}\`)`,
    );
  }
  if (post.findings.length > TOP_FINDINGS) lines.push(`- ${texts.more(post.findings.length - TOP_FINDINGS)}`);
  return [...lines, ...olderNote];
}

/**
 * A URL holds text from the post (its permalink), where Jekyll leaves `(` and `)` as written: in `<…>` a `)`
 * cannot end the link early. `<`, `>` and blanks, which `<…>` refuses, are percent-escaped.
 */
function linkDestination(url: string): string {
  const safe = url.replace(/[<>\s]/g, (character) => encodeURIComponent(character));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}

/** A path as a shell word: the suggested command must work for `2024-03-05-mon bilan.md` too. */
function shellQuote(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/** The preview URL from the `preview.url` template, when everything it needs is known. */
export function previewUrlFor(
  template: string | undefined,
  permalink: string | undefined,
  pullNumber?: number,
): string | undefined {
  if (!template || permalink === undefined) return undefined;
  if (template.includes("{number}") && pullNumber === undefined) return undefined;
  return template.replaceAll("{number}", String(pullNumber ?? "")).replaceAll("{permalink}", permalink);
}

export interface SummaryParts {
  /** The review's part, as `renderSummaryComment` gives it; absent: keep the comment's. */
  review?: string;
  /** The delimited « Publication » section; absent: keep the comment's; `null`: remove it. */
  publication?: string | null;
  /** The language of the heading of a comment that has no review part yet. */
  locale?: Locale;
}

/**
 * The summary comment's body after a review, a publication evaluation, or both. The two are written at
 * different times (an approval changes the publication, not the review), so each keeps the other's part
 * of the existing comment. The publication section goes right under the heading: it is what editors
 * look for first.
 */
export function composeSummaryComment(existing: string | undefined, parts: SummaryParts): string {
  const current = existing === undefined ? undefined : splitPublication(existing);
  const review =
    parts.review ?? current?.rest ?? `${SUMMARY_MARKER}\n## ${TEXTS[parts.locale ?? "fr"].heading}\n`;
  const publication =
    parts.publication === undefined ? current?.publication : (parts.publication ?? undefined);
  const withoutPublication = splitPublication(review).rest;
  if (publication === undefined) return withoutPublication;
  const lines = withoutPublication.split("\n");
  const heading = lines.findIndex((line) => line.startsWith("## "));
  const at = heading === -1 ? 1 : heading + 1;
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  while (after[0] === "") after.shift();
  const tail = after.length === 0 ? [""] : ["", ...after];
  return [...before, "", publication, ...tail].join("\n");
}

/** The comment without its publication section (and the blank line that separated it), and the section. */
function splitPublication(body: string): { rest: string; publication?: string } {
  const start = body.indexOf(PUBLICATION_START);
  const end = body.indexOf(PUBLICATION_END, start);
  if (start === -1 || end === -1) return { rest: body };
  const publication = body.slice(start, end + PUBLICATION_END.length);
  const rest = `${body.slice(0, start).replace(/\n+$/, "\n")}${body.slice(end + PUBLICATION_END.length).replace(/^\n+/, "\n")}`;
  return { rest, publication };
}
