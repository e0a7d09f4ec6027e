import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { blogRepository, cleanPost, HEAD_SHA, postWithFixes } from "./blog.js";
import { addedFilePatch, type FakeFault, FakeGitHub } from "./fake-github.js";
import {
  expectFailedRun,
  FAULTS,
  latestRun,
  reviewOpenedPullRequest,
  SECONDARY_LIMIT,
} from "./github-fault-kinds.js";
import { loadPayload, reviewLogLines } from "./probot-harness.js";

/**
 * The GitHub calls of a review that github-faults.test.ts does not fail, because they need a state of the
 * pull request its first review does not have: the installation token, the owner's shared config (when the
 * repository has none), completing a run an interrupted review left, and on a second review, updating the
 * summary comment and deleting a suggestion the author applied. Each fails for good, in turn, with each
 * kind of fault, through the production client (waits recorded, time limits expired when a request hangs).
 */

const POST = "_posts/2024-03-05-bilan-atelier.md";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(FAULTS)("$name", ({ fault, reason }) => {
  const told = `${reason} (4\u00a0essais).`;

  it("on the installation token, once: retried, and the review ends as if nothing happened", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.failWith("POST", /\/access_tokens$/, fault, 1);
    const { app } = await reviewOpenedPullRequest(fake);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "reviewed" }]);
    expect(fake.checkRuns).toMatchObject([{ status: "completed", conclusion: "neutral" }]);
    expect(fake.issueComments).toHaveLength(1);
  });

  it("on the installation token, for good: nothing can be written, the log says why", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.failWith("POST", /\/access_tokens$/, fault);
    const { app } = await reviewOpenedPullRequest(fake);
    // Every request to the repository needs the token (only the app's own `GET /app` does not): neither
    // a check run nor a comment can say it. The next event or a re-run reviews the pull request again.
    expect(fake.apiRequests().filter((request) => request.path.startsWith("/repos/"))).toEqual([]);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "failed" }]);
    const failures = app.logs.filter(
      (line) => line.msg === "could not report the failure on the pull request",
    );
    expect(failures).toHaveLength(1);
  });

  it("reading the owner's shared config (the repository has none): the check run says why", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }, { configText: undefined }));
    fake.repository.configText = undefined;
    fake.failWith("GET", /^\/repos\/betagouv\/\.github\/contents\//, fault);
    const { app } = await reviewOpenedPullRequest(fake);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "failed" }]);
    expectFailedRun(latestRun(fake), "la lecture de la configuration", told);
  });

  it("completing a run an interrupted review left: the review goes on, the next one completes it", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.checkRuns.push({
      id: 1,
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "in_progress",
      annotations: [],
    });
    fake.failWith("PATCH", /\/check-runs\/1$/, fault);
    const { app } = await reviewOpenedPullRequest(fake);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "reviewed" }]);
    expect(latestRun(fake)).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(fake.checkRuns[0]?.status).toBe("in_progress");

    fake.heal();
    await app.deliver("pull_request", loadPayload("pull_request.synchronize"));
    expect(fake.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(fake.checkRuns.filter((run) => run.status !== "completed")).toEqual([]);
  });

  describe("on a second review, once the author applied the suggestions", () => {
    /** A first review that suggests three fixes, then the post fixed and pushed, and `fault` set. */
    async function secondReviewWith(method: string, path: RegExp) {
      const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
      const { app } = await reviewOpenedPullRequest(fake);
      expect(fake.reviewComments).not.toEqual([]);
      fake.repository.headFiles[POST] = cleanPost();
      fake.repository.pullFiles = [{ filename: POST, status: "added", patch: addedFilePatch(cleanPost()) }];
      fake.failWith(method, path, fault as FakeFault);
      await app.deliver("pull_request", loadPayload("pull_request.synchronize"));
      return { fake, app };
    }

    it.each([
      {
        call: "deleting an applied suggestion",
        method: "DELETE",
        path: /\/pulls\/comments\/\d+$/,
        step: "la publication des suggestions",
      },
      {
        call: "updating the summary comment",
        method: "PATCH",
        path: /\/issues\/comments\/\d+$/,
        step: "le commentaire de synthèse",
      },
    ])("$call: the verdict stays, a note says what failed after", async ({ method, path, step }) => {
      const { fake, app } = await secondReviewWith(method, path);
      expect(reviewLogLines(app.logs).map((line) => line.outcome)).toEqual(["reviewed", "failed"]);
      const run = latestRun(fake);
      expect(fake.checkRuns).toHaveLength(2);
      expect(run).toMatchObject({ status: "completed", conclusion: "success" });
      expect(run?.output?.summary).toContain(`mais ${step} a échoué ensuite\u00a0: `);
      expect(run?.output?.summary).toContain(told);
      expect(fake.checkRuns.filter((item) => item.status !== "completed")).toEqual([]);
    });
  });

  if (fault === SECONDARY_LIMIT) {
    it("is waited for as GitHub asks, at each retry", async () => {
      const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }, { configText: undefined }));
      fake.repository.configText = undefined;
      fake.failWith("GET", /^\/repos\/betagouv\/\.github\/contents\//, fault);
      const { waits } = await reviewOpenedPullRequest(fake);
      expect(waits.slice(0, 3)).toEqual([7000, 7000, 7000]);
    });
  }
});
