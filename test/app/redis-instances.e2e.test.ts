import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { type AppInstance, startAppInstance } from "./app-instance.js";
import { blogRepository, HEAD_SHA, postWithFixes } from "./blog.js";
import { FakeGitHub } from "./fake-github.js";
import { type FakeGitHubServer, serveFakeGitHub } from "./fake-github-server.js";
import { loadPayload, TEST_PRIVATE_KEY } from "./probot-harness.js";

/**
 * Two instances of the app as production runs them (child processes of `src/server.ts`, REDIS_URL set)
 * on one real Redis, against the fake GitHub over HTTP. The instance holding a review is killed with
 * SIGKILL in the middle of it: the fake holds the request for the post's content open until then, so
 * the review is, deterministically, past its check run and before any comment. The other instance takes
 * the job over (lock of 2 s, stalled-job check every second) and finishes it: one check run, completed;
 * one summary comment; one merge.
 */

const SECRET = "un secret de test";
const POST = "_posts/2024-03-05-bilan-atelier.md";

let redis: RedisServer;
let github: FakeGitHubServer;
const instances: AppInstance[] = [];
const fake = new FakeGitHub(
  blogRepository(
    { [POST]: postWithFixes() },
    { configText: "locale: fr\npublish:\n  enabled: true\n  deleteBranch: true\n" },
  ),
);
fake.permissions = { editrice: "write" };
fake.review("editrice", "APPROVED");

const start = async (name: string, env: Record<string, string> = {}) => {
  const instance = await startAppInstance({
    name,
    entry: "source",
    gitHubHost: github.host,
    privateKey: TEST_PRIVATE_KEY,
    secret: SECRET,
    redisUrl: redis.url,
    env: { RELECTEUR_JOB_LOCK_SECONDS: "2", RELECTEUR_STALLED_CHECK_SECONDS: "1", ...env },
  });
  instances.push(instance);
  return instance;
};

/** Waits on the fake's state, not on the clock; the test's timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeAll(async () => {
  redis = await startRedisServer();
  github = await serveFakeGitHub([fake]);
});

afterAll(async () => {
  for (const instance of instances) await instance.kill("SIGKILL");
  await github?.close();
  await redis?.stop();
});

describe("two instances on one Redis", () => {
  it("an instance killed in the middle of a review loses nothing: the other finishes it, once", {
    timeout: 120_000,
  }, async () => {
    const held = new Promise<void>((resolve) => {
      fake.onHang = resolve;
    });
    // The post's content (a blob of the head's tree) is read after the check run is created.
    fake.failWith("GET", /\/git\/blobs\//, "hang", 1);
    // The first instance never gives the held request up (a time limit of an hour): it dies holding it.
    const first = await start("first", { RELECTEUR_GITHUB_TIMEOUT_MS: "3600000" });
    expect(await first.send("pull_request", loadPayload("pull_request.opened"))).toBe(200);
    // Stored in Redis before the answer: the job's hash is there (waiting or already taken).
    const client = new Redis(redis.url);
    const jobKeys = await client.keys("relecteur:reviews:betagouv/blog#12@*");
    client.disconnect();
    expect(jobKeys.length).toBeGreaterThan(0);

    await held;
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]?.status).toBe("in_progress");
    const second = await start("second");
    await first.kill("SIGKILL");

    await until(() => fake.issueComments.length > 0 && fake.merges.length > 0);
    await until(() => second.logs.some((line) => line.msg === "review reviewed"));
    expect(fake.unexpected).toEqual([]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "neutral",
    });
    expect(fake.checkRuns[0]?.annotations).toHaveLength(3);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("<!-- relecteur:summary -->");
    expect(fake.reviews).toHaveLength(1);
    expect(fake.merges).toEqual([expect.objectContaining({ sha: HEAD_SHA, merge_method: "squash" })]);
    expect(second.logs.some((line) => line.msg === "check run of the interrupted run carried on")).toBe(true);
    // Probot's throttling keeps its limits in the same Redis (Bottleneck's keys), shared by both.
    const after = new Redis(redis.url);
    const bottleneckKeys = await after.keys("b_*");
    after.disconnect();
    expect(bottleneckKeys.length).toBeGreaterThan(0);
  });
});
