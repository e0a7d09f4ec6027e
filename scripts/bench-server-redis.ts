/**
 * A section of `npm run bench:server`: 50 pull requests of 5 posts each, reviewed by two instances of the
 * app as production runs them (`node dist/src/server.js`, REDIS_URL set) sharing one Redis (Debian's
 * redis-server, started here on a free port), against fake GitHubs served over HTTP on 127.0.0.1. The
 * webhooks go to the two instances in turn; printed: the time until every pull request has its completed
 * check run and its summary, the webhook answer times, each instance's peak memory and share of the
 * reviews, the API calls, and whether any review was lost or done twice.
 * Runs alone too: `node dist/scripts/bench-server-redis.js` after `npm run build` (`BENCH_PULL_REQUESTS=8`
 * for a quick look).
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../src/cli/package-root.js";
import { type AppInstance, startAppInstance } from "../test/app/app-instance.js";
import { blogRepository, postPath, postWithFixes } from "../test/app/blog.js";
import { FakeGitHub } from "../test/app/fake-github.js";
import { serveFakeGitHub } from "../test/app/fake-github-server.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { percentile } from "./bench/figures.js";

const PULL_REQUESTS = Number(process.env.BENCH_PULL_REQUESTS) || 50;
const POSTS_PER_PULL_REQUEST = 5;
/** Past this, the reviews still missing are counted as lost. */
const GIVE_UP_MS = Number(process.env.BENCH_GIVE_UP_MS) || 10 * 60_000;
const SECRET = "banc";

export const redisInstancesSection = {
  title: `${PULL_REQUESTS} pull requests de ${POSTS_PER_PULL_REQUEST} articles, deux instances sur un Redis`,
  run: benchRedisInstances,
};

async function benchRedisInstances(): Promise<string[]> {
  const fakes = Array.from({ length: PULL_REQUESTS }, (_, index) => pullRequestFake(index));
  const redis = await startRedisServer();
  const github = await serveFakeGitHub(fakes);
  const privateKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  const instances: AppInstance[] = [];
  try {
    for (const name of ["A", "B"]) {
      instances.push(
        await startAppInstance({
          name,
          entry: "build",
          gitHubHost: github.host,
          privateKey,
          secret: SECRET,
          redisUrl: redis.url,
          // The default GitHub time limit (20 s): Probot's throttling spaces writes 1 s apart and comments
          // 3 s apart over both instances, and the wait in that queue does not count in the limit.
        }),
      );
    }
    const template = JSON.parse(
      readFileSync(join(packageRoot().path, "test/fixtures/webhooks/pull_request.opened.json"), "utf8"),
    ) as Record<string, Record<string, unknown>>;
    const answers: number[] = [];
    const started = performance.now();
    for (const [index, fake] of fakes.entries()) {
      const instance = instances[index % instances.length] as AppInstance;
      const sentAt = performance.now();
      const status = await instance.send("pull_request", payloadFor(template, fake));
      answers.push(performance.now() - sentAt);
      if (status !== 200) throw new Error(`webhook ${index} answered ${status}`);
    }
    // Reviewed: the verdict of the posts (neutral: typography fixes only) and the summary comment.
    const isDone = (fake: FakeGitHub) =>
      fake.checkRuns.some((run) => run.conclusion === "neutral") && fake.issueComments.length > 0;
    while (!fakes.every(isDone) && performance.now() - started < GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsedMs = performance.now() - started;
    const done = fakes.filter(isDone).length;
    const duplicated = fakes.filter(
      (fake) => fake.checkRuns.length > 1 || fake.issueComments.length > 1 || fake.reviews.length > 1,
    ).length;
    const failed = instances.reduce(
      (total, instance) => total + instance.logs.filter((line) => line.msg === "review failed").length,
      0,
    );
    const apiCalls = fakes.reduce((total, fake) => total + fake.apiRequests().length, 0);
    const tokens = fakes.reduce((total, fake) => total + fake.requests.length, 0) - apiCalls;
    const lines = [
      `  ${done}/${PULL_REQUESTS} relues en ${(elapsedMs / 1000).toFixed(1)} s (${(elapsedMs / PULL_REQUESTS).toFixed(0)} ms par pull request), perdues\u00a0: ${PULL_REQUESTS - done}, faites deux fois\u00a0: ${duplicated}, échecs\u00a0: ${failed}`,
      `  réponse aux webhooks\u00a0: p50 ${percentile(answers, 50).toFixed(1)} ms, p99 ${percentile(answers, 99).toFixed(1)} ms (le job est dans Redis avant la réponse)`,
      `  appels à l’API\u00a0: ${apiCalls} (${(apiCalls / PULL_REQUESTS).toFixed(1)} par pull request), plus ${tokens} jetons d’installation`,
    ];
    for (const instance of instances) {
      const reviews = instance.logs.filter((line) => line.msg === "review reviewed").length;
      const peak = await instance.peakRssBytes();
      lines.push(
        `  instance ${instance.name} : ${reviews} relectures, mémoire maximale ${peak === undefined ? "?" : `${(peak / 1024 / 1024).toFixed(0)} Mo`}`,
      );
    }
    return lines;
  } finally {
    for (const instance of instances) await instance.kill("SIGTERM");
    await github.close();
    await redis.stop();
  }
}

/** One repository per pull request (`betagouv/blog-<n>`), each adding five posts. */
function pullRequestFake(index: number): FakeGitHub {
  const posts = Object.fromEntries(
    Array.from({ length: POSTS_PER_PULL_REQUEST }, (_, post) => [
      postPath(index * POSTS_PER_PULL_REQUEST + post),
      postWithFixes(`Article ${index}-${post}`),
    ]),
  );
  const repository = blogRepository(posts);
  return new FakeGitHub({ ...repository, repo: `blog-${index}`, repoId: 1000 + index });
}

function payloadFor(template: Record<string, Record<string, unknown>>, fake: FakeGitHub): unknown {
  const { repo, repoId, headSha, pullNumber } = fake.repository;
  const pull = template.pull_request ?? {};
  return {
    ...template,
    number: pullNumber,
    repository: { ...template.repository, id: repoId, name: repo, full_name: `betagouv/${repo}` },
    pull_request: {
      ...pull,
      number: pullNumber,
      head: { ...(pull.head as object), sha: headSha },
      base: {
        ...(pull.base as object),
        repo: { ...((pull.base as { repo: object }).repo ?? {}), id: repoId },
      },
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${redisInstancesSection.title}\n`);
  for (const line of await redisInstancesSection.run()) process.stdout.write(`${line}\n`);
}
