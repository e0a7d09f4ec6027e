/**
 * `npm run corpus [DIR]`: reviews every post and every revision of a real corpus read in place
 * (default `../shared/corpus/beta.gouv.fr-2018`), prints per-rule counts and any exception, and exits 1
 * when a rule threw.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { openLocalSite } from "../src/cli/open-local-site.js";
import { packageRoot } from "../src/cli/package-root.js";
import { reviewFile } from "../src/review/review-file.js";
import { listCorpusDocuments } from "./corpus-documents.js";

const dir = process.argv[2]
  ? resolve(process.argv[2])
  : join(packageRoot().path, "..", "shared", "corpus", "beta.gouv.fr-2018");
const siteDir = join(dir, "site");
const opened = openLocalSite({ cwd: siteDir, siteDir });
if (!opened.ok) {
  process.stderr.write(`${opened.messages.join("\n")}\n`);
  process.exit(2);
}
const { site, config } = opened.local;
const documents = listCorpusDocuments(dir, site.posts);
const today = new Date().toLocaleDateString("sv-SE");

const perRule = new Map<string, { findings: number; posts: number; revisions: number; severity: string }>();
const failures: string[] = [];
const started = performance.now();
for (const document of documents) {
  try {
    const { findings } = reviewFile(
      { path: document.path, bytes: readFileSync(document.file) },
      site,
      config,
      { today },
    );
    const seen = new Set<string>();
    for (const finding of findings) {
      const row = perRule.get(finding.ruleId) ?? {
        findings: 0,
        posts: 0,
        revisions: 0,
        severity: finding.severity,
      };
      row.findings++;
      if (!seen.has(finding.ruleId)) {
        seen.add(finding.ruleId);
        if (document.kind === "post") row.posts++;
        else row.revisions++;
      }
      perRule.set(finding.ruleId, row);
    }
  } catch (error) {
    failures.push(
      `${document.file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
const elapsed = performance.now() - started;

const posts = documents.filter((document) => document.kind === "post").length;
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`Corpus ${dir}`);
out(`${posts} articles, ${documents.length - posts} révisions relus en ${elapsed.toFixed(0)} ms\n`);
out(
  `${"règle".padEnd(40)} ${"niveau".padEnd(8)} ${"constats".padStart(8)} ${"articles".padStart(8)} ${"révisions".padStart(9)}`,
);
for (const [rule, row] of [...perRule].sort(
  (a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]),
)) {
  out(
    `${rule.padEnd(40)} ${row.severity.padEnd(8)} ${String(row.findings).padStart(8)} ${String(row.posts).padStart(8)} ${String(row.revisions).padStart(9)}`,
  );
}
out(`\n${failures.length} exception(s)`);
for (const failure of failures) process.stderr.write(`${failure}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
