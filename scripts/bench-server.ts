/**
 * `npm run bench:server`: how the app holds up against hostile posts, measured in one run on this machine.
 * A list of sections, each printing its own lines: add one by appending to `SECTIONS`.
 * - hostile inputs: each 1 MiB shape reviewed through the worker pool, against the deadline + 2 s, beside
 *   a real post's review (the baseline);
 * - webhook answer time (p50/p99) of the real Probot server while a hostile post is being reviewed, beside
 *   the same server idle (the baseline). Goal: p99 < 100 ms;
 * - 50 pull requests of 5 posts reviewed by two instances on one Redis (scripts/bench-server-redis.ts).
 * - the built-in preview's first and repeated views, through a local GitHub stand-in (scripts/bench-preview.ts).
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createApp } from "../src/app.js";
import { packageRoot } from "../src/cli/package-root.js";
import { type Config, DEFAULT_CONFIG } from "../src/config/schema.js";
import type { ReviewContext } from "../src/review/pool/review-job.js";
import { sharedReviewPool } from "../src/review/pool/review-pool.js";
import { emptySite } from "../src/site/site.js";
import { freePort } from "../test/support/free-port.js";
import { signWebhook } from "../test/support/signed-webhook.js";
import { formatMs, percentile } from "./bench/figures.js";
import { previewViewsSection } from "./bench-preview.js";
import { redisInstancesSection } from "./bench-server-redis.js";

interface BenchSection {
  title: string;
  run(): Promise<string[]>;
}

const MIB = 1024 * 1024;
const config: Config = { ...DEFAULT_CONFIG, links: { ...DEFAULT_CONFIG.links, external: false } };
const context: ReviewContext = { site: emptySite(config.posts), config, today: "2024-06-01" };
const deadlineMs = config.review.timeoutSeconds * 1000;
const pool = sharedReviewPool();

/** A post of about 1 MiB: front matter, then `body` repeated. */
function mebibyteOf(body: string, separator = ""): string {
  const head = "---\ntitle: Hostile\n---\n\n";
  return (
    head +
    Array.from(
      { length: Math.floor((MIB - head.length) / (body.length + separator.length)) },
      () => body,
    ).join(separator)
  );
}

const HOSTILE: Record<string, string> = {
  "*a": mebibyteOf("*a"),
  _a: mebibyteOf("_a"),
  "[a](": mebibyteOf("[a]("),
  "> imbriqués": `---\ntitle: Hostile\n---\n\n${"> ".repeat(MIB / 2 - 20)}a\n`,
  "listes imbriquées": mebibyteOf("- "),
  "listes par indentation": `---\ntitle: Hostile\n---\n\n${Array.from({ length: 1400 }, (_, level) => `${" ".repeat(level)}- a`).join("\n")}\n`,
  // Just under every pre-check limit, in each of ~1,000 paragraphs: the worst a post can do past them.
  "*a ×199 par paragraphe": mebibyteOf("*a".repeat(199), "\n\n"),
};

async function reviewMs(text: string): Promise<{ ms: number; rules: string }> {
  const started = performance.now();
  const [outcome] = await pool.reviewPosts(context, [
    { path: "_posts/2024-03-05-hostile.md", bytes: Buffer.from(text) },
  ]);
  const ms = performance.now() - started;
  if (!outcome?.ok) throw outcome?.error;
  const rules =
    [...new Set(outcome.review.findings.map((finding) => finding.ruleId))].join(", ") || "aucune remarque";
  return { ms, rules };
}

function realPost(): string {
  const corpusPost = join(
    packageRoot().path,
    "..",
    "shared",
    "corpus",
    "beta.gouv.fr-2018",
    "site",
    "_posts",
    "2017-07-06-cellule-innovation-etat.md",
  );
  return existsSync(corpusPost)
    ? readFileSync(corpusPost, "utf8")
    : "---\ntitle: Un article\n---\n\nUn texte : court.\n";
}

const hostileInputs: BenchSection = {
  title: `Entrées hostiles de 1 Mio, relues dans le pool (délai ${config.review.timeoutSeconds} s, plafond ${config.review.timeoutSeconds + 2} s)`,
  async run() {
    await reviewMs(realPost()); // warms a worker
    const baseline = await reviewMs(realPost());
    const lines = [
      `  référence\u00a0: un article réel         ${formatMs(baseline.ms)}  (${baseline.rules})`,
    ];
    for (const [name, text] of Object.entries(HOSTILE)) {
      const { ms, rules } = await reviewMs(text);
      const verdict = ms <= deadlineMs + 2000 ? "ok" : "TROP LONG";
      lines.push(`  ${name.padEnd(34)} ${formatMs(ms)}  ${verdict}  (${rules})`);
    }
    return lines;
  },
};

const webhookLatency: BenchSection = {
  title: "Réponse aux webhooks du serveur Probot (objectif p99 < 100 ms)",
  async run() {
    const secret = "banc d'essai";
    const port = await freePort();
    const log = pino({ level: "silent" });
    const server = new Server({
      Probot: Probot.defaults({ appId: 1, privateKey: testKey(), secret, log }),
      host: "127.0.0.1",
      port,
      log,
    });
    await server.load(
      createApp({ reviewer: pool, checkLinks: false, startSweep: () => {}, startRecovery: false }),
    );
    await server.start();
    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    try {
      const idle = await answerTimes(url, secret, 200);
      const hostile = HOSTILE["*a ×199 par paragraphe"] as string;
      let reviews = 0;
      let busy = true;
      const reviewing = (async () => {
        while (busy) {
          await reviewMs(hostile);
          reviews++;
        }
      })();
      const loaded = await answerTimes(url, secret, 200);
      busy = false;
      await reviewing;
      return [
        `  référence, serveur au repos         p50 ${formatMs(percentile(idle, 50))}  p99 ${formatMs(percentile(idle, 99))}`,
        `  pendant une relecture hostile      p50 ${formatMs(percentile(loaded, 50))}  p99 ${formatMs(percentile(loaded, 99))}  (${reviews} relecture(s) hostile(s) pendant la mesure)`,
      ];
    } finally {
      await server.stop();
    }
  },
};

/** Each section's lines; the lexicon and Redis sections are added here by the issues that bring them. */
const SECTIONS: BenchSection[] = [hostileInputs, webhookLatency, redisInstancesSection, previewViewsSection];

async function answerTimes(url: string, secret: string, count: number): Promise<number[]> {
  const times: number[] = [];
  const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
  const signature = signWebhook(body, secret);
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signature,
      },
      body,
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

/** Probot wants a private key to sign its app tokens; the ping handler never asks for one. */
function testKey(): string {
  return "-----BEGIN RSA PRIVATE KEY-----\nbanc\n-----END RSA PRIVATE KEY-----\n";
}

// `npm run bench:server -- aperçu`: only the sections whose title holds one of the words given.
const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
for (const section of SECTIONS) {
  if (wanted.length > 0 && !wanted.some((word) => section.title.toLowerCase().includes(word))) continue;
  process.stdout.write(`${section.title}\n`);
  for (const line of await section.run()) process.stdout.write(`${line}\n`);
  process.stdout.write("\n");
}
