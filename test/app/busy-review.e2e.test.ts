import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReviewPool } from "../../src/review/pool/review-pool.js";
import { sendWebhook } from "../support/signed-webhook.js";
import { blogRepository, postWithFixes } from "./blog.js";
import { FakeGitHub } from "./fake-github.js";
import { type RunningApp, startAppServer } from "./http-servers.js";
import { loadPayload } from "./probot-harness.js";

/**
 * The app's event loop is never held by a review: while a post's review holds its worker thread busy (as a
 * hostile post would), Probot's own HTTP server still answers webhooks. The worker releases the review only
 * when the test says so, so the order of events is asserted, not a duration.
 */

const SECRET = "un secret de test";
const POST = "_posts/2024-03-05-bilan-atelier.md";
const release = join(mkdtempSync(join(tmpdir(), "relecteur-busy-")), "release");

const fake = new FakeGitHub(blogRepository({ [POST]: `${postWithFixes()}\nATTENDRE ${release}\n` }));
const pool = createReviewPool({
  threads: 1,
  workerUrl: new URL("../review/pool/misbehaving-worker.ts", import.meta.url),
});
let app: RunningApp;
let webhookUrl: string;

beforeAll(async () => {
  app = await startAppServer(fake, SECRET, () => ({ reviewer: pool }));
  webhookUrl = `${app.origin}/api/github/webhooks`;
});

afterAll(async () => {
  writeFileSync(release, "");
  await app?.stop();
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
    await app.queue.idle();
    expect(fake.checkRuns[0]).toMatchObject({ status: "completed" });
  });
});
