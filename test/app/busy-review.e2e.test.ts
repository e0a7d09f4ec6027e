import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Probot, Server } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { createReviewQueue } from "../../src/github/review-queue.js";
import { createReviewPool } from "../../src/review/pool/review-pool.js";
import { freePort } from "../support/free-port.js";
import { sendWebhook } from "../support/signed-webhook.js";
import { blogRepository, postWithFixes } from "./blog.js";
import { FakeGitHub } from "./fake-github.js";
import { type FakeGitHubServer, serveFakeGitHub } from "./fake-github-server.js";
import { capturingLogger, loadPayload, NOW, TEST_PRIVATE_KEY, TestOctokit } from "./probot-harness.js";

/**
 * The app's event loop is never held by a review: while a post's review holds its worker thread busy (as a
 * hostile post would), Probot's own HTTP server still answers webhooks. The worker releases the review only
 * when the test says so, so the order of events is asserted, not a duration.
 */

const SECRET = "un secret de test";
const POST = "_posts/2024-03-05-bilan-atelier.md";
const release = join(mkdtempSync(join(tmpdir(), "relecteur-busy-")), "release");

const fake = new FakeGitHub(blogRepository({ [POST]: `${postWithFixes()}\nATTENDRE ${release}\n` }));
const queue = createReviewQueue({
  concurrency: 2,
  onError: (error) => {
    throw error;
  },
});
const pool = createReviewPool({
  threads: 1,
  workerUrl: new URL("../review/pool/misbehaving-worker.ts", import.meta.url),
});
let github: FakeGitHubServer;
let probotServer: Server;
let webhookUrl: string;

beforeAll(async () => {
  github = await serveFakeGitHub([fake]);
  const port = await freePort();
  const { log } = capturingLogger();
  probotServer = new Server({
    Probot: Probot.defaults({
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      secret: SECRET,
      baseUrl: github.baseUrl,
      Octokit: TestOctokit,
      log,
    }),
    host: "127.0.0.1",
    port,
    log,
  });
  await probotServer.load(
    createApp({
      queue,
      now: () => NOW,
      startSweep: () => {},
      startRecovery: false,
      checkLinks: false,
      reviewer: pool,
    }),
  );
  await probotServer.start();
  webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
});

afterAll(async () => {
  writeFileSync(release, "");
  await probotServer?.stop();
  await github?.close();
  await pool.close();
});

describe("a review in progress", () => {
  it("leaves the server answering webhooks until it ends", async () => {
    expect(await sendWebhook(webhookUrl, SECRET, "pull_request", loadPayload("pull_request.opened"))).toBe(
      200,
    );
    // The review is now holding its worker thread.
    while (!existsSync(`${release}.started`)) await sleep(20);

    expect(
      await sendWebhook(
        webhookUrl,
        SECRET,
        "pull_request_review",
        loadPayload("pull_request_review.submitted"),
      ),
    ).toBe(200);
    expect(
      await sendWebhook(webhookUrl, SECRET, "pull_request", loadPayload("pull_request.synchronize")),
    ).toBe(200);
    // Answered while the review was still running: its check run is not complete.
    expect(fake.checkRuns.map((run) => run.status)).toEqual(["in_progress"]);

    writeFileSync(release, "");
    await queue.idle();
    expect(fake.checkRuns[0]).toMatchObject({ status: "completed" });
  });
});
