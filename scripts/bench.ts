/**
 * `npm run bench [DIR]`: first the built command line on one post beside `node -e 0`; then reviews the
 * posts of the corpus (offline, read in place) and prints the time per
 * post beside a bare remark parse of the same texts, measured in the same run, with their ratio. Falls back
 * to the bundled example site when the corpus is absent. Then the link checker, and how the review grows
 * with the lexicon (10 / 1,000 / 10,000 entries) and with the site (1,000 and 4,000 generated posts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { openLocalSite } from "../src/cli/open-local-site.js";
import { packageRoot } from "../src/cli/package-root.js";
import { reviewPost } from "../src/review/engine.js";
import { RULES } from "../src/review/registry.js";
import { benchLexicon } from "./bench/lexicon-scaling.js";
import { benchSiteScaling } from "./bench/site-scaling.js";
import { benchCli } from "./bench-cli.js";
import { benchLinks } from "./bench-links.js";

const WARMUP_ROUNDS = 5;
const MEASURED_ROUNDS = 30;

benchCli(packageRoot().path, (line) => process.stdout.write(`${line}\n`));

const corpus = process.argv[2]
  ? resolve(process.argv[2])
  : join(packageRoot().path, "..", "shared", "corpus", "beta.gouv.fr-2018");
const siteDir = existsSync(join(corpus, "site"))
  ? join(corpus, "site")
  : join(packageRoot().path, "examples", "site");
const opened = openLocalSite({ cwd: siteDir, siteDir });
if (!opened.ok) {
  process.stderr.write(`${opened.messages.join("\n")}\n`);
  process.exit(2);
}
const { site, config } = opened.local;
const posts = site.posts.map((path) => ({ path, source: readFileSync(join(siteDir, path), "utf8") }));
const offline = { ...config, links: { ...config.links, external: false } };
const bareRemark = unified().use(remarkParse).freeze();

/** Median milliseconds of one pass over every post. */
function measure(pass: () => void): number {
  for (let round = 0; round < WARMUP_ROUNDS; round++) pass();
  const samples: number[] = [];
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    const started = performance.now();
    pass();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const today = "2026-01-01";
let findings = 0;
const parseMs = measure(() => {
  for (const post of posts) bareRemark.parse(post.source);
});
const reviewMs = measure(() => {
  findings = 0;
  for (const post of posts) findings += reviewPost(post, site, offline, { today }).length;
});
const typographyRules = RULES.filter((rule) => rule.category === "typo" || rule.category === "lexicon");
const noRuleMs = measure(() => {
  for (const post of posts) reviewPost(post, site, offline, { today, rules: [] });
});
const typographyMs = measure(() => {
  for (const post of posts) reviewPost(post, site, offline, { today, rules: typographyRules });
});
const bytes = posts.reduce((total, post) => total + Buffer.byteLength(post.source), 0);
const ratio = (ms: number) => `${(ms / parseMs).toFixed(2).padStart(5)} × l’analyse remark`;
const perPost = (ms: number) => `${((ms / posts.length) * 1000).toFixed(0).padStart(7)} µs/article`;

process.stdout.write(`Site: ${siteDir}\n`);
process.stdout.write(
  `${posts.length} articles, ${(bytes / 1024).toFixed(0)} Kio, ${findings} constats\u202f; médiane de ${MEASURED_ROUNDS} passes\n\n`,
);
process.stdout.write(`analyse remark seule (référence)  ${perPost(parseMs)}\n`);
process.stdout.write(`lecture de l’article seule        ${perPost(noRuleMs)}   ${ratio(noRuleMs)}\n`);
process.stdout.write(
  `  + typographie et charte         ${perPost(typographyMs - noRuleMs)}   ${ratio(typographyMs - noRuleMs)}\n`,
);
process.stdout.write(`relecture complète (hors ligne)   ${perPost(reviewMs)}   ${ratio(reviewMs)}\n`);

await benchLinks((line) => process.stdout.write(`${line}\n`));

// How the review grows: with the lexicon's size, and with the site's (each site size in its own process).
const print = (line: string) => process.stdout.write(`${line}\n`);
print("");
benchLexicon(print);
print("");
benchSiteScaling(print);
