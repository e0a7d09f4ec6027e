import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HEAD_SHA, NEXT_HEAD_SHA } from "./blog.js";
import { type FakeGitHub, INSTALLATION_ID } from "./fake-github.js";
import { PREVIEW_POST, PREVIEW_SECRET, previewFake } from "./preview-blog.js";
import { createTestApp, interceptGitHub, loadPayload, type TestApp } from "./probot-harness.js";

/**
 * The site's own deploy preview, found by itself: a `deployment_status` or a Netlify commit status of the
 * head commit edits the one summary comment, each post linked at its permalink on the deployment (the
 * site's baseurl is /blog). Payloads are GitHub's own examples, pointed at the fixture repository.
 */

const PUBLIC_URL = "https://relecteur.exemple.org";
const POST_URL_PATH = "/blog/2024/03/05/bilan-atelier.html";

function example(name: string, index = 0): Record<string, unknown> {
  const found = (examples as { name: string; examples: Record<string, unknown>[] }[]).find(
    (event) => event.name === name,
  );
  if (!found) throw new Error(`no example of ${name}`);
  return structuredClone(found.examples[index] as Record<string, unknown>);
}

const fixtureRepository = (loadPayload("pull_request.opened") as { repository: unknown }).repository;

function deploymentStatus(sha: string, status: Record<string, unknown>): Record<string, unknown> {
  const payload = example("deployment_status");
  const deployment = payload.deployment as Record<string, unknown>;
  const current = payload.deployment_status as Record<string, unknown>;
  return {
    ...payload,
    installation: { id: INSTALLATION_ID },
    repository: fixtureRepository,
    deployment: { ...deployment, sha },
    deployment_status: { ...current, ...status },
  };
}

function commitStatus(sha: string, context: string, state: string, targetUrl: string | null) {
  return {
    ...example("status"),
    installation: { id: INSTALLATION_ID },
    repository: fixtureRepository,
    sha,
    context,
    state,
    target_url: targetUrl,
  };
}

function summary(fake: FakeGitHub): string {
  expect(fake.issueComments).toHaveLength(1);
  return fake.issueComments[0]?.body ?? "";
}

function postLine(body: string): string {
  return body.split("\n").find((line) => line.startsWith(`\`${PREVIEW_POST}\``)) ?? "";
}

let fake: FakeGitHub;
let app: TestApp;

beforeEach(async () => {
  fake = previewFake();
  interceptGitHub(fake);
  app = await createTestApp({ builtInPreview: { publicUrl: PUBLIC_URL, secrets: [PREVIEW_SECRET] } });
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the deploy preview in the summary comment", () => {
  it("replaces the built-in link by the deployment's, per post, when deployment_status succeeds", async () => {
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(postLine(summary(fake))).toContain(`[aperçu Relecteur](${PUBLIC_URL}/relecteur/apercu/`);

    await app.deliver(
      "deployment_status",
      deploymentStatus(HEAD_SHA, {
        state: "success",
        environment_url: "https://bilan-atelier.vercel.app/",
        target_url: "https://vercel.com/betagouv/blog/logs",
      }),
    );
    const line = postLine(summary(fake));
    expect(line).toContain(`[aperçu](https://bilan-atelier.vercel.app${POST_URL_PATH})`);
    expect(line).not.toContain("/relecteur/apercu/");
    expect(fake.unexpected).toEqual([]);
  });

  it("takes target_url when the deployment has no environment_url, and the address's own baseurl", async () => {
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    await app.deliver(
      "deployment_status",
      deploymentStatus(HEAD_SHA, { state: "success", target_url: "https://betagouv.github.io/blog/" }),
    );
    expect(postLine(summary(fake))).toContain(`[aperçu](https://betagouv.github.io${POST_URL_PATH})`);
  });

  it("ignores a deployment that has not succeeded", async () => {
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    const before = summary(fake);
    for (const state of ["pending", "in_progress", "failure", "error"]) {
      await app.deliver(
        "deployment_status",
        deploymentStatus(HEAD_SHA, { state, environment_url: "https://bilan-atelier.vercel.app/" }),
      );
    }
    expect(summary(fake)).toBe(before);
  });

  it("links a Netlify deploy preview reported as a commit status", async () => {
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    await app.deliver(
      "status",
      commitStatus(
        HEAD_SHA,
        "netlify/blog/deploy-preview",
        "success",
        "https://deploy-preview-12--blog.netlify.app",
      ),
    );
    expect(postLine(summary(fake))).toContain(
      `[aperçu](https://deploy-preview-12--blog.netlify.app${POST_URL_PATH})`,
    );
  });

  it("takes another status only when preview.statusContext matches it", async () => {
    fake.repository.configText = 'locale: fr\npreview:\n  statusContext: "pages/*"\n';
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    const before = summary(fake);
    await app.deliver(
      "status",
      commitStatus(HEAD_SHA, "ci/tests", "success", "https://ci.exemple.org/run/1"),
    );
    await app.deliver(
      "status",
      commitStatus(HEAD_SHA, "pages/preview", "failure", "https://pages.exemple.org/x/"),
    );
    expect(summary(fake)).toBe(before);
    await app.deliver(
      "status",
      commitStatus(HEAD_SHA, "pages/preview", "success", "https://pages.exemple.org/x/"),
    );
    expect(postLine(summary(fake))).toContain(`[aperçu](https://pages.exemple.org/x${POST_URL_PATH})`);
  });

  it("belongs to its commit: a new push shows the built-in preview until its own deployment reports", async () => {
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    await app.deliver(
      "deployment_status",
      deploymentStatus(HEAD_SHA, { state: "success", environment_url: "https://un.vercel.app" }),
    );
    expect(postLine(summary(fake))).toContain("https://un.vercel.app/blog/");

    fake.repository.headSha = NEXT_HEAD_SHA;
    const push = loadPayload("pull_request.synchronize") as { pull_request: { head: { sha: string } } };
    push.pull_request.head.sha = NEXT_HEAD_SHA;
    await app.deliver("pull_request", push);
    expect(postLine(summary(fake))).toContain(`[aperçu Relecteur](${PUBLIC_URL}/relecteur/apercu/`);

    // The old commit's deployment reporting late changes nothing.
    await app.deliver(
      "deployment_status",
      deploymentStatus(HEAD_SHA, { state: "success", environment_url: "https://retard.vercel.app" }),
    );
    expect(postLine(summary(fake))).not.toContain("retard.vercel.app");

    await app.deliver(
      "deployment_status",
      deploymentStatus(NEXT_HEAD_SHA, { state: "success", environment_url: "https://deux.vercel.app" }),
    );
    expect(postLine(summary(fake))).toContain(`[aperçu](https://deux.vercel.app${POST_URL_PATH})`);
  });

  it("never creates the comment; a review ending after the deployment reported links to it at once", async () => {
    await app.deliver(
      "deployment_status",
      deploymentStatus(HEAD_SHA, { state: "success", environment_url: "https://tot.vercel.app" }),
    );
    expect(fake.issueComments).toEqual([]);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(postLine(summary(fake))).toContain(`[aperçu](https://tot.vercel.app${POST_URL_PATH})`);
  });
});
