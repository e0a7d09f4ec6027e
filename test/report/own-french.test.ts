import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainRule } from "../../src/cli/explain-command.js";
import { USAGE } from "../../src/cli/main.js";
import { openLocalSite } from "../../src/cli/open-local-site.js";
import { packageRoot } from "../../src/cli/package-root.js";
import { readPostBytes } from "../../src/cli/read-post-bytes.js";
import { renderInitialConfig } from "../../src/config/render-initial-config.js";
import { configSchema } from "../../src/config/schema.js";
import {
  configProblemsOutput,
  crashOutput,
  failureSummaryComment,
  interruptedOutput,
} from "../../src/github/failure-output.js";
import { previewBanner } from "../../src/preview/banner.js";
import { findingsBox } from "../../src/preview/findings-overlay.js";
import { BLOCK_REASON_ORDER, type BlockReason, blockReason } from "../../src/publish/block-reason.js";
import type { PublicationOutcome } from "../../src/publish/publication-outcome.js";
import { renderCheckRun } from "../../src/report/check-run.js";
import type { FileResult } from "../../src/report/file-result.js";
import { summaryLine } from "../../src/report/format-text.js";
import { codeSpan, markdownMessage, quotedParts } from "../../src/report/markdown-inline.js";
import { renderPublicationSection } from "../../src/report/publication-section.js";
import { summarizePosts } from "../../src/report/summarize-posts.js";
import { renderSummaryComment } from "../../src/report/summary-comment.js";
import { reviewPost } from "../../src/review/engine.js";
import { runRuleExample } from "../../src/review/examples.js";
import { RULES } from "../../src/review/registry.js";
import { reviewFile } from "../../src/review/review-file.js";
import { buildSite } from "../../src/site/site.js";
import { renderPost } from "../preview/memory-site.js";

const PATH = "_posts/2024-01-01-x.md";
const root = packageRoot().path;
const NOW = new Date("2024-06-01T10:00:00Z");

/** Relecteur's own typography rules, default configuration, on a text it writes (as `--only typo`). */
function typographyFindings(markdown: string): string[] {
  const source = `---\ntitle: Texte de Relecteur\n---\n${markdown}`;
  const config = configSchema.parse({});
  const { site } = buildSite({ files: [PATH], postGlobs: config.posts, texts: new Map([[PATH, source]]) });
  const lines = source.split("\n");
  return reviewPost({ path: PATH, source }, site, config, { today: "2024-06-01", only: ["typo"] }).map(
    (finding) =>
      `${finding.ruleId} ligne ${finding.range.start.line}: ${lines[finding.range.start.line - 1]} — ${finding.message}`,
  );
}

/**
 * Plain text (terminal, annotations, HTML pages) as the rules read it: one paragraph per line, what it
 * quotes between « » being source text as written, put in a code span as the Markdown outputs do; runs
 * of spaces that align columns (the help) are layout, not prose.
 */
function plainText(lines: readonly string[]): string {
  return `${lines
    .filter((line) => line.trim() !== "")
    .map((line) => quotesAsCode(line.trim().replace(/ {2,}/g, " ")))
    .join("\n\n")}\n`;
}

/** What a line quotes as a code span; the rest as it is (backticks already mark its code). */
function quotesAsCode(line: string): string {
  return quotedParts(line)
    .map((part) => (part.isQuoted ? codeSpan(part.text) : part.text))
    .join("");
}

function demoResults(): FileResult[] {
  const opened = openLocalSite({ cwd: join(root, "examples", "site") });
  if (!opened.ok) throw new Error(opened.messages.join("\n"));
  const { root: siteRoot, site } = opened.local;
  return site.posts.map((path) => {
    const review = reviewFile(
      { path, bytes: readPostBytes(join(siteRoot, path)) },
      site,
      opened.local.config,
      {
        today: "2024-06-01",
      },
    );
    return { path, displayPath: path, findings: review.findings, source: review.source };
  });
}

/** The demo's summary comment, with the built-in preview's links and a post that has older findings. */
function demoSummaryComment(): string {
  const opened = openLocalSite({ cwd: join(root, "examples", "site") });
  if (!opened.ok) throw new Error(opened.messages.join("\n"));
  const { site, config } = opened.local;
  const posts = summarizePosts(demoResults(), site, config, 42).map((post, index) => ({
    ...post,
    preview: {
      kind: "builtin" as const,
      url: `https://relecteur.example/apercu/${index}/`,
      annotatedUrl: `https://relecteur.example/apercu/${index}/?relecture=1`,
      commit: "0123456789abcdef",
      baseurl: "",
    },
    ...(index === 0 && { olderFindings: 3 }),
  }));
  return renderSummaryComment(posts, config.locale);
}

const EVERY_BLOCK_REASON: BlockReason[] = BLOCK_REASON_ORDER.map((code) => {
  const data = {
    "config-invalid": { key: "publish.time", problem: "une heure HH:MM est attendue, comme 09:00" },
    "publish-disabled": {},
    "path-not-allowed": { path: "Gemfile" },
    "file-removed": { path: "_posts/2024-01-01-ancien.md" },
    "files-unlisted": { listed: 3000, total: 3200 },
    "no-post": {},
    "not-open": {},
    draft: {},
    "blocking-label": { label: "ne pas publier" },
    "missing-label": { label: "prêt" },
    "missing-approvals": {
      required: 2,
      actual: 0,
      ignored: [
        { login: "alice", cause: "own-approval" },
        { login: "bob", cause: "older-commit" },
        { login: "carol", cause: "no-write-permission" },
      ],
    },
    "changes-requested": { reviewer: "dave" },
    "check-failing": { check: "build", source: "check-run", conclusion: "failure" },
    "check-pending": { check: "build", source: "check-run", isReported: false },
    "not-mergeable": {},
    "mergeability-pending": {},
    "publication-date-invalid": { path: "_posts/2024-13-01-x.md", text: "demain" },
    "publication-date-in-future": {
      date: "2024-06-04T07:00:00.000Z",
      timeZone: "Europe/Paris",
      path: "_posts/2024-06-04-x.md",
    },
  }[code];
  return blockReason(code, data as never, NOW);
});

const EVERY_PUBLICATION_OUTCOME: PublicationOutcome[] = [
  { kind: "blocked", reasons: EVERY_BLOCK_REASON },
  {
    kind: "blocked",
    reasons: [EVERY_BLOCK_REASON.at(-1) as BlockReason],
    scheduledFor: "2024-06-04T07:00:00.000Z",
  },
  {
    kind: "blocked",
    reasons: [EVERY_BLOCK_REASON.at(-1) as BlockReason],
    scheduledFor: "2024-06-04T07:00:00.000Z",
    isLabelMissing: true,
  },
  {
    kind: "dry-run",
    sha: "0123456",
    method: "squash",
    commitTitle: "Nouvel article",
    wouldDeleteBranch: "x",
  },
  { kind: "merge-failed", sha: "0123456", status: 405, message: "Base branch was modified" },
  { kind: "closed", isMerged: true },
  { kind: "closed", isMerged: false },
  { kind: "unavailable", status: 502, message: "Bad Gateway" },
] as PublicationOutcome[];

describe("Relecteur's own French passes its own typography rules", () => {
  it("in the summary comment of the demo, with its preview links", () => {
    expect(typographyFindings(demoSummaryComment())).toEqual([]);
  });

  it("in every message of the rules' documented examples, as the summary comment shows them", () => {
    const messages = new Set<string>();
    for (const rule of RULES) {
      for (const example of rule.docs.wrong) {
        if (example.config?.locale === "en") continue;
        for (const finding of runRuleExample(rule, example).findings) messages.add(finding.message);
      }
    }
    expect(messages.size).toBeGreaterThan(100);
    const list = [...messages].map((message) => `- ${markdownMessage(message)}`).join("\n");
    expect(typographyFindings(`${list}\n`)).toEqual([]);
  });

  it("in docs/rules.md", () => {
    expect(typographyFindings(readFileSync(join(root, "docs", "rules.md"), "utf8"))).toEqual([]);
  });

  it("in the check run of the demo: title, summary and annotations", () => {
    const run = renderCheckRun(demoResults(), "fr");
    const annotations = run.annotationBatches.flat();
    expect(annotations.length).toBeGreaterThan(10);
    expect(typographyFindings(`# ${run.title}\n\n${run.summary}\n`)).toEqual([]);
    expect(
      typographyFindings(
        plainText(annotations.flatMap((annotation) => [annotation.title, annotation.message])),
      ),
    ).toEqual([]);
  });

  it("in the check runs of a failure and the summary comment that repeats them", () => {
    const runs = [
      configProblemsOutput([{ line: 3, key: "publish.time", message: "une heure HH:MM est attendue" }], "fr"),
      crashOutput(new Error("boom"), "review", "fr"),
      interruptedOutput("fr"),
    ];
    for (const run of runs) expect(typographyFindings(failureSummaryComment(run))).toEqual([]);
  });

  it("in the publication section, for every outcome and every reason not to publish", () => {
    const sections = EVERY_PUBLICATION_OUTCOME.map((outcome) => renderPublicationSection(outcome, "fr", NOW));
    expect(typographyFindings(`${sections.join("\n\n")}\n`)).toEqual([]);
  });

  it("in the command line's help, tally, `init` comments and `explain` texts", () => {
    const explained = RULES.flatMap((rule) =>
      // The examples' sources, indented, are the wrong texts the rule finds.
      explainRule(rule).filter((line) => !line.startsWith("    ")),
    );
    const initComments = renderInitialConfig({ postCount: 12, commonFields: [], plugins: [] })
      .split("\n")
      .filter((line) => line.trimStart().startsWith("#"))
      .map((line) => line.replace(/^\s*#\s?/, ""))
      // Commented-out keys are YAML to uncomment, not prose.
      .filter((line) => !/^\s*("[^"]*"|[\w-]+):(\s|$)/.test(line));
    const tally = summaryLine({ files: 3, errors: 2, warnings: 1, infos: 0 }, "fr");
    expect(
      typographyFindings(plainText([...USAGE.split("\n"), tally, ...initComments, ...explained])),
    ).toEqual([]);
  });

  it("in the built-in preview's findings box, quiet or not", () => {
    const findings = demoResults().flatMap((result) => result.findings);
    const boxes = [
      findingsBox({ placed: [], unplaced: [] }),
      findingsBox({ placed: findings.slice(0, 5), unplaced: findings.slice(5, 10) }),
    ];
    const texts: string[] = [];
    const collect = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === "text" && node.value) texts.push(node.value);
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    for (const box of boxes) collect(box);
    expect(texts.length).toBeGreaterThan(0);
    expect(typographyFindings(plainText(texts))).toEqual([]);
  });

  it("in the built-in preview's banner, with what a page could not reproduce", async () => {
    const page = await renderPost({
      "_config.yml":
        "markdown: CommonMarkGhPages\nremote_theme: owner/theme\nplugins: [jekyll-remote-theme, jemoji]\n",
      "_posts/2024-05-01-essai.md":
        '---\nlayout: absente\n---\n{% seo %}{% mystere %}x{% endmystere %}\n\n<script>alert(1)</script>\n<p onclick="x()">Texte.</p>\n',
    });
    expect(page.omissions.length).toBeGreaterThanOrEqual(6);
    const banner = previewBanner({
      commit: "abc1234def",
      pullRequestUrl: "https://github.com/o/r/pull/1",
      omissions: page.omissions,
    });
    const texts: string[] = [];
    const collect = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === "text" && node.value) texts.push(node.value);
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    collect(banner);
    expect(typographyFindings(plainText([texts.slice(0, 3).join(""), ...texts.slice(3)]))).toEqual([]);
  });
});
