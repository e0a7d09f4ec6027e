/**
 * `npm run bench:server`: how the app holds up against hostile posts, measured in one run on this machine.
 * A list of sections, each printing its own lines: add one by appending to `SECTIONS`.
 * - hostile inputs: each 1 MiB shape reviewed through the worker pool, against the deadline + 2 s, beside
 *   a real post's review (the baseline);
 * - webhook answer time (p50/p99) of the real Probot server while a hostile post is being reviewed, beside
 *   the same server idle (the baseline). Goal: p99 < 100 ms;
 * - 50 pull requests of 5 posts reviewed by two instances on one Redis (scripts/bench-server-redis.ts).
 * - the built-in preview's first and repeated views on the example site, through a local GitHub stand-in.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { createApp } from "../src/app.js";
import { packageRoot } from "../src/cli/package-root.js";
import { type Config, DEFAULT_CONFIG } from "../src/config/schema.js";
import { builtInPreviewUrl } from "../src/github/preview-links.js";
import { createPreviewRoute } from "../src/github/preview-route.js";
import type { ReviewContext } from "../src/review/pool/review-job.js";
import { sharedReviewPool } from "../src/review/pool/review-pool.js";
import { emptySite } from "../src/site/site.js";
import { freePort } from "../test/support/free-port.js";
import { signWebhook } from "../test/support/signed-webhook.js";
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
    const lines = [`  référence : un article réel         ${format(baseline.ms)}  (${baseline.rules})`];
    for (const [name, text] of Object.entries(HOSTILE)) {
      const { ms, rules } = await reviewMs(text);
      const verdict = ms <= deadlineMs + 2000 ? "ok" : "TROP LONG";
      lines.push(`  ${name.padEnd(34)} ${format(ms)}  ${verdict}  (${rules})`);
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
        `  référence, serveur au repos         p50 ${format(percentile(idle, 50))}  p99 ${format(percentile(idle, 99))}`,
        `  pendant une relecture hostile      p50 ${format(percentile(loaded, 50))}  p99 ${format(percentile(loaded, 99))}  (${reviews} relecture(s) hostile(s) pendant la mesure)`,
      ];
    } finally {
      await server.stop();
    }
  },
};

/**
 * The built-in preview's route on the example site, read through a local GitHub stand-in (tree and blobs
 * over HTTP on 127.0.0.1): a post's first view (tree, blobs, Liquid, kramdown, layouts), its stylesheet's
 * first view (Sass), then repeated views from the cache. Goals: first view < 1 s, repeated < 50 ms.
 */
const previewViews: BenchSection = {
  title: "Aperçu intégré (site d'exemple, GitHub local)",
  async run() {
    const stand = await startPreviewStandIn(join(packageRoot().path, "examples", "site"));
    const settings = { publicUrl: "http://127.0.0.1", secrets: ["banc"] };
    const newRoute = () =>
      createPreviewRoute({
        settings,
        installationClient: async () =>
          new ProbotOctokit({ auth: { token: "banc" }, baseUrl: stand.baseUrl }),
        now: () => new Date(),
        log: pino({ level: "silent" }),
      });
    let route = newRoute();
    const server = createServer((request, response) => {
      void route(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const url = builtInPreviewUrl(settings, {
        installationId: 1,
        owner: "banc",
        repo: "site",
        pullNumber: 1,
        commit: stand.commit,
        path: stand.post,
        expires: Math.floor(Date.now() / 1000) + 3600,
      }).replace(settings.publicUrl, origin);
      const timed = async (address: string) => {
        const started = performance.now();
        const response = await fetch(address);
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${address}: ${response.status}`);
        return { ms: performance.now() - started, body };
      };
      const first = await timed(url);
      const firstRequests = stand.requests();
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(first.body)?.[1];
      const css = stylesheet === undefined ? undefined : await timed(`${origin}${stylesheet}`);
      // The same first view in a process that has rendered before (modules loaded and compiled): what
      // every view but the process's very first costs.
      route = newRoute();
      const requestsBefore = stand.requests();
      const warm = await timed(url);
      const warmRequests = stand.requests() - requestsBefore;
      const repeated: number[] = [];
      for (let index = 0; index < 20; index++) repeated.push((await timed(url)).ms);
      return [
        `  ${stand.post}`,
        `  première vue de la page    ${format(first.ms)}  (${firstRequests} requêtes au GitHub local)`,
        `  première vue, processus chaud ${format(warm.ms).trim()}  (${warmRequests} requêtes)`,
        css === undefined ? "  pas de feuille de style" : `  première vue du CSS (Sass) ${format(css.ms)}`,
        `  vue répétée p50 / p99      ${format(percentile(repeated, 50))} / ${format(percentile(repeated, 99)).trim()}`,
        `  mémoire du cache           ${(route.cachedBytes() / 1024).toFixed(0)} Kio`,
      ];
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await stand.stop();
    }
  },
};

/** The few GitHub routes the preview reads, serving one folder as a public repository's only commit. */
async function startPreviewStandIn(root: string) {
  const commit = "b".repeat(40);
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(root, path)));
    }
  };
  walk("");
  const shaOf = (bytes: Buffer) =>
    createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
  const blobs = new Map([...files.values()].map((bytes) => [shaOf(bytes), bytes]));
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (path === "/repos/banc/site")
      return json(200, { private: false, html_url: "https://github.com/banc/site" });
    if (path === `/repos/banc/site/git/trees/${commit}`) {
      const tree = [...files].map(([name, bytes]) => ({ path: name, type: "blob", sha: shaOf(bytes) }));
      return json(200, { sha: commit, tree, truncated: false });
    }
    const blob = /^\/repos\/banc\/site\/git\/blobs\/(\w+)$/.exec(path);
    const bytes = blob ? blobs.get(blob[1] ?? "") : undefined;
    if (bytes) return json(200, { encoding: "base64", content: bytes.toString("base64") });
    return json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const post = [...files.keys()].filter((name) => name.startsWith("_posts/")).sort()[0] ?? "";
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    commit,
    post,
    requests: () => requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Each section's lines; the lexicon and Redis sections are added here by the issues that bring them. */
const SECTIONS: BenchSection[] = [hostileInputs, webhookLatency, redisInstancesSection, previewViews];

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

function percentile(values: readonly number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function format(ms: number): string {
  return `${ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`}`.padStart(9);
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
