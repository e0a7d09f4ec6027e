import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook } from "../support/signed-webhook.js";
import { blogRepository, HEAD_SHA, postWithFixes } from "./blog.js";
import { FakeGitHub } from "./fake-github.js";
import { type RunningApp, startAppServer } from "./http-servers.js";
import { loadPayload } from "./probot-harness.js";

/**
 * The app as it runs in production: Probot's own HTTP server verifies the webhook's signature and calls
 * the app, whose API calls reach a local HTTP server standing for a GitHub Enterprise Server
 * (`baseUrl` ending in `/api/v3`). No nock: real sockets on 127.0.0.1 only.
 */

const SECRET = "un secret de test";
const POST = "_posts/2024-03-05-bilan-atelier.md";

const fake = new FakeGitHub(
  blogRepository(
    { [POST]: postWithFixes() },
    { configText: "locale: fr\npublish:\n  enabled: true\n  deleteBranch: true\n" },
  ),
);
fake.permissions = { editrice: "write" };
const receivedUrls: string[] = [];
let app: RunningApp;
let webhookUrl: string;

beforeAll(async () => {
  // `checkLinks: undefined`: the app's own link checker, as in production.
  app = await startAppServer(fake, SECRET, () => ({ checkLinks: undefined }), {
    onRequest: (url) => receivedUrls.push(url),
  });
  webhookUrl = `${app.origin}/api/github/webhooks`;
});

afterAll(async () => {
  await app?.stop();
});

/**
 * Sends a webhook of `declaredBytes` (or chunked, without a length) a chunk at a time until the server
 * answers: the status, and how many bytes were sent by then.
 */
function sendLargeWebhook(
  declaredBytes: number | undefined,
  maxBytes: number,
): Promise<{ status: number; sent: number }> {
  const url = new URL(webhookUrl);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": "sha256=00",
          ...(declaredBytes === undefined ? {} : { "content-length": String(declaredBytes) }),
        },
      },
      (response) => {
        answered = true;
        response.resume();
        resolve({ status: response.statusCode ?? 0, sent });
        request.destroy();
      },
    );
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const writeMore = () => {
      if (answered || sent >= maxBytes) return;
      sent += chunk.byteLength;
      if (request.write(chunk)) setImmediate(writeMore);
      else request.once("drain", writeMore);
    };
    writeMore();
  });
}

describe("webhook input", () => {
  const MB = 1024 * 1024;

  it("refuses a body announced over 25 MB at once, without reading it", async () => {
    const before = fake.requests.length;
    // The client announces 30 MB but sends 1 MB, then waits: only an answer given before the body is read ends it.
    const { status, sent } = await sendLargeWebhook(30 * MB, 1 * MB);
    expect(status).toBe(413);
    expect(sent).toBe(MB);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses a chunked body once it passes 25 MB", async () => {
    const before = fake.requests.length;
    const { status, sent } = await sendLargeWebhook(undefined, 40 * MB);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(40 * MB);
    expect(fake.requests.length).toBe(before);
  });

  it("answers 400 with one log line to a signed payload that lacks what the handler needs", async () => {
    const before = fake.requests.length;
    const errorsBefore = app.logs.filter((line) => line.level >= 50).length;
    const status = await sendWebhook(webhookUrl, SECRET, "pull_request", {
      action: "opened",
      installation: { id: 4242 },
      pull_request: { number: 12 },
    });
    expect(status).toBe(400);
    const errors = app.logs.filter((line) => line.level >= 50).slice(errorsBefore);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toContain("pull_request.opened: the payload lacks what Relecteur needs");
    expect(errors[0]?.msg).toContain("pull_request.head");
    expect(errors[0]?.msg).toContain("repository");
    await app.queue.idle();
    expect(fake.requests.length).toBe(before);
  });
});

describe("the Probot server", () => {
  it("refuses a webhook with a bad signature and calls no API", async () => {
    const status = await sendWebhook(
      webhookUrl,
      "pas le bon secret",
      "pull_request",
      loadPayload("pull_request.opened"),
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await app.queue.idle();
    expect(fake.requests).toEqual([]);
  });

  it("answers a signed webhook at once, then reviews through the API", async () => {
    const status = await sendWebhook(webhookUrl, SECRET, "pull_request", loadPayload("pull_request.opened"));
    expect(status).toBe(200);
    await app.queue.idle();

    expect(fake.unexpected).toEqual([]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "neutral",
    });
    expect(fake.checkRuns[0]?.annotations).toHaveLength(3);
    expect(fake.reviews).toEqual([{ commit_id: HEAD_SHA, event: "COMMENT", commentCount: 2 }]);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain("<!-- relecteur:summary -->");
    expect(fake.issueComments[0]?.body).toContain("- 1 approbation manquante");
    // A GitHub Enterprise Server's web pages are at its API address without `/api/v3`.
    const server = `http://${app.github.host}`;
    expect(fake.issueComments[0]?.body).toContain(
      `[ligne 7](${server}/betagouv/blog/blob/${HEAD_SHA}/${POST}?plain=1#L7)`,
    );
    expect(fake.merges).toEqual([]);
    expect(receivedUrls.every((url) => url.startsWith("/api/v3/"))).toBe(true);
  });

  it("merges the post once an editor approves it, and says so in the summary", async () => {
    fake.review("editrice", "APPROVED");
    const status = await sendWebhook(
      webhookUrl,
      SECRET,
      "pull_request_review",
      loadPayload("pull_request_review.submitted"),
    );
    expect(status).toBe(200);
    await app.queue.idle();

    expect(fake.unexpected).toEqual([]);
    expect(fake.merges).toEqual([
      {
        sha: HEAD_SHA,
        merge_method: "squash",
        commit_title: "Publie «\u00a0Bilan de l’atelier\u00a0» (#12)",
      },
    ]);
    expect(fake.deletedRefs).toEqual(["bilan-atelier"]);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain(
      "✅ Publié\u00a0: fusion `squash` du commit `9f4e2c7`. Branche `bilan-atelier` supprimée.",
    );
    // The review's part of the summary is still there.
    expect(fake.issueComments[0]?.body).toContain("Bilan de l’atelier");
    expect(receivedUrls.every((url) => url.startsWith("/api/v3/"))).toBe(true);
  });
});
