import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openLocalSite } from "../../src/cli/open-local-site.js";
import { packageRoot } from "../../src/cli/package-root.js";
import { readPostBytes } from "../../src/cli/read-post-bytes.js";
import { configSchema } from "../../src/config/schema.js";
import { markdownMessage } from "../../src/report/markdown-inline.js";
import { summarizePosts } from "../../src/report/summarize-posts.js";
import { renderSummaryComment } from "../../src/report/summary-comment.js";
import { reviewPost } from "../../src/review/engine.js";
import { runRuleExample } from "../../src/review/examples.js";
import { RULES } from "../../src/review/registry.js";
import { reviewFile } from "../../src/review/review-file.js";
import { buildSite } from "../../src/site/site.js";

const PATH = "_posts/2024-01-01-x.md";
const root = packageRoot().path;

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

function demoSummaryComment(): string {
  const opened = openLocalSite({ cwd: join(root, "examples", "site") });
  if (!opened.ok) throw new Error(opened.messages.join("\n"));
  const { root: siteRoot, site, config } = opened.local;
  const results = site.posts.map((path) => {
    const review = reviewFile({ path, bytes: readPostBytes(join(siteRoot, path)) }, site, config, {
      today: "2024-06-01",
    });
    return { path, displayPath: path, findings: review.findings, source: review.source };
  });
  return renderSummaryComment(summarizePosts(results, site, config, 42), config.locale);
}

describe("Relecteur's own French passes its own typography rules", () => {
  it("in the summary comment of the demo", () => {
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
});
