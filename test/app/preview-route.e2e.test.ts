import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PREVIEW_HEADERS } from "../../src/github/preview-route.js";
import { signPreviewToken } from "../../src/preview/preview-token.js";
import { HEAD_SHA } from "./blog.js";
import { blobSha, type FakeGitHub } from "./fake-github.js";
import { type RunningApp, startAppServer } from "./http-servers.js";
import {
  PIXEL_PNG,
  PREVIEW_POST,
  PREVIEW_SECRET,
  PREVIEW_SITE_FILES,
  PREVIOUS_SECRET,
  previewFake,
  tokenFor,
} from "./preview-blog.js";
import { loadPayload, NOW } from "./probot-harness.js";

/**
 * The built-in preview as it runs: Probot's own server, the review writing the signed link in the summary
 * comment, and the page and its files read at the head commit from a local GitHub stand-in over HTTP.
 */

const WEBHOOK_SECRET = "un secret de webhook";

async function sendWebhook(app: RunningApp, event: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${app.origin}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
    },
    body,
  });
  await response.arrayBuffer();
  await app.queue.idle();
  return response.status;
}

function previewLinkIn(body: string | undefined): string | undefined {
  return /\[aperçu Relecteur\]\((http[^)\s]+)\)/.exec(body ?? "")?.[1];
}

function expectPreviewHeaders(response: Response): void {
  for (const [name, value] of Object.entries(PREVIEW_HEADERS)) expect(response.headers.get(name)).toBe(value);
  const policy = response.headers.get("content-security-policy") ?? "";
  expect(policy).toContain("script-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(response.headers.get("x-robots-tag")).toContain("noindex");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
}

describe("the built-in preview, served by the app", () => {
  let fake: FakeGitHub;
  let app: RunningApp;
  let pageUrl: string;
  let pageHtml: string;

  beforeAll(async () => {
    fake = previewFake();
    app = await startAppServer(fake, WEBHOOK_SECRET, (origin) => ({
      builtInPreview: { publicUrl: origin, secrets: [PREVIEW_SECRET, PREVIOUS_SECRET] },
    }));
    expect(await sendWebhook(app, "pull_request", loadPayload("pull_request.opened"))).toBe(200);
    pageUrl = previewLinkIn(fake.issueComments[0]?.body) ?? "";
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("links each post of the summary comment to its signed page", () => {
    expect(fake.issueComments).toHaveLength(1);
    expect(pageUrl.startsWith(`${app.origin}/relecteur/apercu/`)).toBe(true);
    expect(fake.issueComments[0]?.body).toContain(`(${pageUrl}?relecture=1)`);
  });

  it("serves the post in the site's layout, with the banner linking back to the pull request", async () => {
    const response = await fetch(pageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expectPreviewHeaders(response);
    pageHtml = await response.text();
    expect(pageHtml).toContain("<h1>Bilan de l’atelier</h1>");
    expect(pageHtml).toContain("Aperçu Relecteur");
    expect(pageHtml).toContain(`commit ${HEAD_SHA.slice(0, 7)}`);
    expect(pageHtml).toContain('href="https://github.com/betagouv/blog/pull/12"');
    expect(pageHtml).not.toMatch(/<script|onerror|piraté/i);
  });

  it("starts reading the stylesheet and the images as it serves the page, before the browser asks", async () => {
    const blobReads = () => fake.requests.map((request) => request.path.split("/git/blobs/")[1]);
    await vi.waitFor(
      () => {
        expect(blobReads()).toContain(blobSha(PREVIEW_SITE_FILES["css/main.scss"] as string));
        expect(blobReads()).toContain(blobSha(PIXEL_PNG));
      },
      { timeout: 20_000 },
    );
  });

  it("serves the images and the compiled stylesheet from the same commit, behind the same token", async () => {
    const token = new URL(pageUrl).pathname.split("/")[3] ?? "";
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(pageHtml)?.[1] ?? "";
    const image = /<img src="([^"]+)" alt="Une photo/.exec(pageHtml)?.[1] ?? "";
    expect(stylesheet).toBe(`/relecteur/apercu/${token}/css/main.css`);
    expect(image).toBe(`/relecteur/apercu/${token}/assets/photo.png`);

    const css = await fetch(new URL(stylesheet, app.origin));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expectPreviewHeaders(css);
    const cssText = await css.text();
    expect(cssText).toContain("color: #123456");
    expect(cssText).toContain(`url(/relecteur/apercu/${token}/assets/photo.png)`);

    const png = await fetch(new URL(image, app.origin));
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).equals(PIXEL_PNG)).toBe(true);
  });

  it("serves nothing of the commit but what pages load: 404 for other files and missing ones", async () => {
    const token = new URL(pageUrl).pathname.split("/")[3] ?? "";
    for (const path of ["Gemfile", "_config.yml", "assets/absent.png", "assets%2F..%2F_config.yml"]) {
      const response = await fetch(`${app.origin}/relecteur/apercu/${token}/${path}`);
      expect(response.status, path).toBe(404);
      expectPreviewHeaders(response);
    }
  });

  it("answers a repeated view from memory, without calling GitHub", async () => {
    const before = fake.requests.length;
    const response = await fetch(pageUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(pageHtml);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses a tampered link with 403", async () => {
    const token = tokenFor();
    const [payload = "", signature = ""] = token.split(".");
    const otherPath = Buffer.from(
      Buffer.from(payload, "base64url").toString("utf8").replace("bilan-atelier", "ancien-article"),
    ).toString("base64url");
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [`${otherPath}.${signature}`, `${payload}.${flipped}`, payload, "n-importe-quoi"]) {
      const response = await fetch(`${app.origin}/relecteur/apercu/${bad}/`);
      expect(response.status, bad).toBe(403);
      expectPreviewHeaders(response);
      expect(await response.text()).toContain("n’est pas valide");
    }
    const forged = tokenFor({ secret: "un autre secret" });
    expect((await fetch(`${app.origin}/relecteur/apercu/${forged}/`)).status).toBe(403);
    expect((await fetch(`${app.origin}/relecteur/apercu/${forged}/assets/photo.png`)).status).toBe(403);
  });

  it("refuses an expired link with 403", async () => {
    const expired = tokenFor({ expires: Math.floor(NOW.getTime() / 1000) - 1 });
    const response = await fetch(`${app.origin}/relecteur/apercu/${expired}/`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("a expiré");
  });

  it("keeps links signed with the previous secret alive across a rotation", async () => {
    const response = await fetch(`${app.origin}/relecteur/apercu/${tokenFor({ secret: PREVIOUS_SECRET })}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<h1>Bilan de l’atelier</h1>");
  });

  it("answers 404 for a post or a commit that does not exist", async () => {
    const absentPost = await fetch(
      `${app.origin}/relecteur/apercu/${tokenFor({ path: "_posts/2024-01-01-efface.md" })}/`,
    );
    expect(absentPost.status).toBe(404);
    expectPreviewHeaders(absentPost);
    const absentCommit = await fetch(
      `${app.origin}/relecteur/apercu/${tokenFor({ commit: "a".repeat(40) })}/`,
    );
    expect(absentCommit.status).toBe(404);
    expect(await absentCommit.text()).toContain("Ce commit n’existe plus");
  });

  it("refuses other methods than GET and HEAD", async () => {
    const response = await fetch(pageUrl, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
  });

  it("marks the review's findings in the text with ?relecture=1, the message on hover", async () => {
    const response = await fetch(`${pageUrl}?relecture=1`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const marks = [...html.matchAll(/<mark [^>]*title="([^"]+)"[^>]*>([^<]+)<\/mark>/g)];
    expect(marks.map((mark) => mark[2])).toEqual(["choses :", "tous !"]);
    expect(marks[0]?.[1]).toContain("typo/");
    expect(html).toContain('data-relecteur="findings"');
    expect(html).toContain("2 remarques, 2 surlignées");
    expect(html).not.toMatch(/<script/i);
  });

  it("signs with the first secret only", () => {
    const token = new URL(pageUrl).pathname.split("/")[3] ?? "";
    const [payload = ""] = token.split(".");
    const resigned = signPreviewToken(
      JSON.parse(Buffer.from(payload, "base64url").toString("utf8")).reduce(
        (grant: Record<string, unknown>, value: unknown, index: number) => {
          grant[["installationId", "owner", "repo", "pullNumber", "commit", "path", "expires"][index] ?? ""] =
            value;
          return grant;
        },
        {},
      ),
      PREVIEW_SECRET,
    );
    expect(resigned).toBe(token);
    expect(token).toBe(
      tokenFor({ expires: JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))[6] }),
    );
    expect(PREVIEW_POST).toBe(JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))[5]);
  });
});

describe("the built-in preview on a private repository", () => {
  let fake: FakeGitHub;
  let app: RunningApp;

  beforeAll(async () => {
    fake = previewFake();
    fake.isPrivate = true;
    app = await startAppServer(fake, WEBHOOK_SECRET, (origin) => ({
      builtInPreview: { publicUrl: origin, secrets: [PREVIEW_SECRET] },
    }));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("is off without preview.private: no link in the summary, 404 for a signed one", async () => {
    expect(await sendWebhook(app, "pull_request", loadPayload("pull_request.opened"))).toBe(200);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).not.toContain("/relecteur/apercu/");
    const response = await fetch(`${app.origin}/relecteur/apercu/${tokenFor()}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("preview.private");
  });
});

describe("the built-in preview on a private repository with preview.private: true", () => {
  let fake: FakeGitHub;
  let app: RunningApp;

  beforeAll(async () => {
    fake = previewFake();
    fake.isPrivate = true;
    fake.repository.configText = "locale: fr\npreview:\n  private: true\n  expiresDays: 2\n";
    app = await startAppServer(fake, WEBHOOK_SECRET, (origin) => ({
      builtInPreview: { publicUrl: origin, secrets: [PREVIEW_SECRET] },
    }));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("links and serves it, for preview.expiresDays", async () => {
    expect(await sendWebhook(app, "pull_request", loadPayload("pull_request.opened"))).toBe(200);
    const link = previewLinkIn(fake.issueComments[0]?.body) ?? "";
    const payload = new URL(link).pathname.split("/")[3]?.split(".")[0] ?? "";
    const expires = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))[6];
    expect(expires).toBe(Math.floor(NOW.getTime() / 1000) + 2 * 86_400);
    expect((await fetch(link)).status).toBe(200);
  });
});
