/**
 * `npm run corpus [DIR]`: reviews every post and every revision of a real corpus read in place (default
 * `../shared/corpus/beta.gouv.fr-2018`) and prints:
 * - per-rule counts, by severity;
 * - for each labelled editorial commit of the history, whether the rules flagged, in the revision before,
 *   what the editor fixed by hand;
 * - the checks of `--fix` and `--fix=all` on every text (`fixProblems`): `--fix` changes no letter or digit,
 *   no heading id, no code, link target or Liquid; `--fix=all` no heading id, code or Liquid; after either
 *   the front matter parses as before and a second run changes nothing;
 * - the internal links of the final posts resolved against the repository's whole listing (`tree.txt`): those
 *   that lead nowhere, with the closest target, and the count resolved / unresolved.
 * Exits 1 when a rule throws or a fix breaks one of these promises.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { openLocalSite } from "../src/cli/open-local-site.js";
import { packageRoot } from "../src/cli/package-root.js";
import type { Config } from "../src/config/schema.js";
import { extractLinks } from "../src/links/extract-links.js";
import { postName } from "../src/links/liquid-urls.js";
import { resolveInternal, siteAddress } from "../src/links/resolve-internal.js";
import { parsePost } from "../src/review/parse-post.js";
import { reviewFile } from "../src/review/review-file.js";
import type { Finding } from "../src/review/types.js";
import { isMarkupFile, urlKey } from "../src/site/documents.js";
import { readSiteConfigText } from "../src/site/load-local-site.js";
import { buildSite } from "../src/site/site.js";
import { type CorpusDocument, listCorpusDocuments } from "./corpus-documents.js";
import { CORPUS_HOUSE_RULES, EDITORIAL_COMMITS } from "./editorial-commits.js";
import { fixProblems } from "./fix-invariants.js";

const dir = process.argv[2]
  ? resolve(process.argv[2])
  : join(packageRoot().path, "..", "shared", "corpus", "beta.gouv.fr-2018");
const siteDir = join(dir, "site");
const opened = openLocalSite({ cwd: siteDir, siteDir });
if (!opened.ok) {
  process.stderr.write(`${opened.messages.join("\n")}\n`);
  process.exit(2);
}
const { site: copiedSite } = opened.local;
// The site as the repository had it: tree.txt lists every file (images and layouts included, whose content
// the corpus did not copy), with the texts it did copy; without it, the copied folder alone.
const treeFile = join(dir, "tree.txt");
const site = existsSync(treeFile)
  ? buildSite({
      files: readFileSync(treeFile, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== ""),
      configText: readSiteConfigText(siteDir),
      postGlobs: opened.local.config.posts,
      texts: copiedSite.texts,
    }).site
  : copiedSite;
// The corpus has no .github/relecteur.yml: its editors' house rules, as its maintainers would write them.
const config: Config = { ...opened.local.config, ...CORPUS_HOUSE_RULES };
const documents = listCorpusDocuments(dir, site.posts);
const today = new Date().toLocaleDateString("sv-SE");
const out = (line = "") => process.stdout.write(`${line}\n`);
const failures: string[] = [];

function review(document: CorpusDocument, text?: string): { findings: Finding[]; source?: string } {
  const bytes = text === undefined ? readFileSync(document.file) : Buffer.from(text);
  return reviewFile({ path: document.path, bytes }, site, config, { today });
}

// 1. Every text, every rule: counts and exceptions.
const perRule = new Map<string, { error: number; warning: number; info: number; posts: Set<string> }>();
const findingsByFile = new Map<string, Finding[]>();
const started = performance.now();
for (const document of documents) {
  try {
    const { findings } = review(document);
    findingsByFile.set(document.file, findings);
    for (const finding of findings) {
      const row = perRule.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0, posts: new Set() };
      row[finding.severity]++;
      if (document.kind === "post") row.posts.add(document.path);
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
out(`Corpus ${dir}`);
out(`${posts} articles, ${documents.length - posts} révisions relus en ${elapsed.toFixed(0)} ms\n`);
out(
  `${"règle".padEnd(38)} ${"erreurs".padStart(8)} ${"avert.".padStart(8)} ${"infos".padStart(8)} ${"articles finaux".padStart(16)}`,
);
const total = (row: { error: number; warning: number; info: number }) => row.error + row.warning + row.info;
for (const [rule, row] of [...perRule].sort(
  (a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]),
)) {
  out(
    `${rule.padEnd(38)} ${String(row.error).padStart(8)} ${String(row.warning).padStart(8)} ${String(row.info).padStart(8)} ${String(row.posts.size).padStart(16)}`,
  );
}

// 2. The labelled editorial commits: did the rules flag, before, what the editor fixed?
out("\nCommits éditoriaux\u00a0: constats des règles attendues avant → après la correction à la main");
const revisions = documents.filter((document) => document.kind === "revision");
let detected = 0;
let labelled = 0;
for (const [index, document] of revisions.entries()) {
  const subject = document.subject ?? "";
  const expected = EDITORIAL_COMMITS.find((commit) => commit.subject.test(subject));
  const previous = revisions[index - 1];
  if (!expected || !previous || previous.post !== document.post) continue;
  // A finding the editor's change made disappear: same rule and message, fewer of them after.
  const counts = (file: string) => {
    const keyed = new Map<string, number>();
    for (const finding of findingsByFile.get(file) ?? []) {
      if (!expected.rules.includes(finding.ruleId)) continue;
      const key = `${finding.ruleId}\u0000${finding.message}`;
      keyed.set(key, (keyed.get(key) ?? 0) + 1);
    }
    return keyed;
  };
  const beforeCounts = counts(previous.file);
  const afterCounts = counts(document.file);
  const sum = (keyed: Map<string, number>) => [...keyed.values()].reduce((a, b) => a + b, 0);
  const before = sum(beforeCounts);
  const after = sum(afterCounts);
  const isFixed = [...beforeCounts].some(([key, count]) => (afterCounts.get(key) ?? 0) < count);
  labelled++;
  if (isFixed) detected++;
  out(
    `  ${isFixed ? "✓" : "✗"} ${document.post} ${document.revision} «\u00a0${subject}\u00a0»\u00a0: ${before} → ${after}`,
  );
}
out(`${detected}/${labelled} commits éditoriaux repérés par les règles attendues`);

// 3. --fix and --fix=all on every text.
let fixedTexts = 0;
for (const document of documents) {
  const findings = findingsByFile.get(document.file);
  if (!findings?.some((finding) => finding.fix ?? finding.suggestion)) continue;
  const source = readFileSync(document.file, "utf8");
  fixedTexts++;
  const problems = fixProblems(source, findings, (text) => review(document, text).findings);
  for (const problem of problems) failures.push(`${document.file}: ${problem}`);
}
out(`\n--fix et --fix=all vérifiés sur ${fixedTexts} textes`);

// 4. The internal links of the final posts, resolved in the repository.
const address = siteAddress(site, config.site.url);
out(
  `\nLiens internes des articles finaux (${[...address.hosts].join(", ")}), résolus dans ${existsSync(treeFile) ? "tree.txt" : "le dossier site/"}`,
);
const linkCounts = { resolved: 0, unresolved: 0, unknown: 0 };
const finalPosts = documents.filter((item) => item.kind === "post");
for (const document of finalPosts) {
  const post = parsePost(document.path, readFileSync(document.file, "utf8"));
  for (const link of extractLinks(post, site)) {
    const resolution = resolveInternal(link, post, site, { siteUrl: config.site.url });
    if (resolution.kind === "not-internal") continue;
    if (resolution.kind === "unknown") linkCounts.unknown++;
    else if (resolution.kind === "found") linkCounts.resolved++;
    else {
      linkCounts.unresolved++;
      const where = `${document.path}:${post.lines.pointAt(link.start).line}`;
      const closest = resolution.suggestion ? `«\u00a0${resolution.suggestion}\u00a0»` : "rien d’approchant";
      out(`  ✗ ${where}  «\u00a0${link.written}\u00a0» → ${closest}${unreadPageNote(resolution.path)}`);
    }
  }
}
const missingAnchors = finalPosts.flatMap((document) =>
  (findingsByFile.get(document.file) ?? [])
    .filter((finding) => finding.ruleId === "links/missing-anchor")
    .map((finding) => `${document.path}:${finding.range.start.line}  ${finding.message}`),
);
for (const line of missingAnchors) out(`  # ${line}`);
out(
  `${linkCounts.resolved} liens internes résolus, ${linkCounts.unresolved} sans cible, ${linkCounts.unknown} indéterminés\u202f; ${missingAnchors.length} ancres absentes`,
);

out(`\n${failures.length} échec(s)`);
for (const failure of failures) process.stderr.write(`${failure}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;

/** A page of tree.txt whose text the corpus lacks, named like the missing path: its permalink is unknown. */
function unreadPageNote(path: string): string {
  const name = urlKey(path).split("/").pop() ?? "";
  const unread = [...site.files].filter(
    (file) => isMarkupFile(file) && !site.texts.has(file) && postName(file) === name,
  );
  return unread.length > 0 ? ` (page sans texte dans le corpus\u00a0: ${unread.join(", ")})` : "";
}
