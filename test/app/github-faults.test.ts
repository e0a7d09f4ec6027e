import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { SUMMARY_MARKER } from "../../src/report/summary-comment.js";
import { blogRepository, HEAD_SHA, postWithFixes } from "./blog.js";
import { type FakeFault, FakeGitHub } from "./fake-github.js";
import {
  expectFailedRun,
  FAULTS,
  latestRun,
  reviewOpenedPullRequest,
  SECONDARY_LIMIT,
} from "./github-fault-kinds.js";
import { createTestApp, interceptGitHub, loadPayload, reviewLogLines } from "./probot-harness.js";

/**
 * Each GitHub call of a review failing for good, in turn, with each kind of fault, through the
 * production client (time limit, retries), with waits recorded instead of waited and time limits
 * that expire when a request hangs. Whatever
 * fails, the pull request ends with a completed check run that says which step failed and why, or, when
 * not even a check run can be created, a summary comment that says it.
 */

const POST = "_posts/2024-03-05-bilan-atelier.md";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

type Where = "check run" | "note" | "summary comment" | "none";

/** The calls of one review, in their order, and where their failure is told. */
const CALLS: { name: string; method: string; path: RegExp; where: Where; step?: string; isPost?: boolean }[] =
  [
    {
      name: "list the files",
      method: "GET",
      path: /\/pulls\/12\/files$/,
      where: "check run",
      step: "la lecture de la liste des fichiers",
    },
    {
      name: "read the config",
      method: "GET",
      path: /\/contents\/\.github\/relecteur\.yml$/,
      where: "check run",
      step: "la lecture de la configuration",
    },
    {
      name: "create the check run",
      method: "POST",
      path: /\/check-runs$/,
      where: "summary comment",
      step: "la création de la vérification",
    },
    // Housekeeping: looking for runs an interrupted review left is not worth failing a review for.
    { name: "list Relecteur's runs on the head", method: "GET", path: /\/check-runs$/, where: "none" },
    {
      name: "read the tree",
      method: "GET",
      path: /\/git\/trees\//,
      where: "check run",
      step: "la lecture des articles",
    },
    {
      name: "read a post",
      method: "GET",
      path: /\/git\/blobs\//,
      where: "check run",
      step: "la lecture des articles",
    },
    {
      name: "complete the check run",
      method: "PATCH",
      path: /\/check-runs\/\d+$/,
      where: "check run",
      step: "l’envoi du résultat de la vérification",
    },
    {
      name: "read the pull request again",
      method: "GET",
      path: /\/pulls\/12$/,
      where: "note",
      step: "la publication des suggestions",
    },
    {
      name: "list the review comments",
      method: "GET",
      path: /\/pulls\/12\/comments$/,
      where: "note",
      step: "la publication des suggestions",
    },
    {
      name: "post the suggestions",
      method: "POST",
      path: /\/pulls\/12\/reviews$/,
      where: "note",
      step: "la publication des suggestions",
      isPost: true,
    },
    {
      name: "list the comments",
      method: "GET",
      path: /\/issues\/12\/comments$/,
      where: "note",
      step: "le commentaire de synthèse",
    },
    {
      name: "write the summary comment",
      method: "POST",
      path: /\/issues\/12\/comments$/,
      where: "note",
      step: "le commentaire de synthèse",
      isPost: true,
    },
  ];

const CASES = CALLS.flatMap((call) => FAULTS.map((fault) => ({ call, ...fault })));

async function reviewWith(setUpFake: (fake: FakeGitHub) => void) {
  const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
  setUpFake(fake);
  return { fake, ...(await reviewOpenedPullRequest(fake)) };
}

describe("a GitHub call failing for good", () => {
  it.each(CASES)("$call.name, $name: the pull request says why", async ({ call, fault, reason }) => {
    const { fake, app, waits } = await reviewWith((fake) => {
      if (call.name === "list Relecteur's runs on the head") {
        fake.failWith(call.method, /\/commits\/\w+\/check-runs$/, fault);
      } else {
        fake.failWith(call.method, call.path, fault);
      }
    });
    const run = latestRun(fake);
    const outcome = reviewLogLines(app.logs)[0]?.outcome;
    // A POST whose repetition would show (a comment, a review) is tried once, unless GitHub refused it
    // for a rate limit; everything else four times.
    const attempts = call.isPost && fault !== SECONDARY_LIMIT ? "" : " (4\u00a0essais)";
    const told = `${reason}${attempts}.`;

    switch (call.where) {
      case "none":
        expect(outcome).toBe("reviewed");
        expect(run).toMatchObject({ status: "completed", conclusion: "neutral" });
        expect(fake.issueComments).toHaveLength(1);
        break;
      case "check run":
        expect(outcome).toBe("failed");
        expectFailedRun(run, `${call.step}`, told);
        expect(run?.output?.summary).not.toMatch(/https?:\/\//);
        break;
      case "note":
        // The verdict was given: its conclusion and annotations stay, and a note says what failed after.
        expect(outcome).toBe("failed");
        expect(fake.checkRuns).toHaveLength(1);
        expect(run).toMatchObject({ status: "completed", conclusion: "neutral" });
        expect(run?.annotations).toHaveLength(3);
        expect(run?.output?.summary).toContain(`mais ${call.step} a échoué ensuite\u00a0: `);
        expect(run?.output?.summary).toContain(told);
        break;
      case "summary comment": {
        expect(outcome).toBe("failed");
        expect(fake.checkRuns).toEqual([]);
        const [comment] = fake.issueComments;
        expect(comment?.body).toContain(SUMMARY_MARKER);
        expect(comment?.body).toContain(`${call.step} a échoué`);
        expect(comment?.body).toContain(told);
        break;
      }
    }
    // Every check run the review created is completed, but the one whose completion GitHub refused,
    // which a completed one replaced; the next review completes it (see below).
    const inProgress = fake.checkRuns.filter((item) => item.status !== "completed");
    expect(inProgress).toHaveLength(call.name === "complete the check run" ? 1 : 0);
    if (fault === SECONDARY_LIMIT && call.where !== "none") {
      // retry-after: 7, honoured at each of the three retries.
      expect(waits.slice(0, 3)).toEqual([7000, 7000, 7000]);
    }
  });
});

describe("a GitHub call failing once", () => {
  it.each([
    { name: "a 502 listing the files", method: "GET", path: /\/pulls\/12\/files$/, fault: FAULTS[1]?.fault },
    { name: "a hang reading a post", method: "GET", path: /\/git\/blobs\//, fault: "hang" as const },
    {
      name: "a secondary limit completing the check run",
      method: "PATCH",
      path: /\/check-runs\/\d+$/,
      fault: SECONDARY_LIMIT,
    },
    {
      name: "a secondary limit posting the suggestions",
      method: "POST",
      path: /\/pulls\/12\/reviews$/,
      fault: SECONDARY_LIMIT,
    },
  ])("$name is retried and the review ends as if nothing happened", async ({ method, path, fault }) => {
    const { fake, app } = await reviewWith((fake) => fake.failWith(method, path, fault as FakeFault, 1));
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "reviewed" }]);
    expect(fake.checkRuns).toMatchObject([{ status: "completed", conclusion: "neutral" }]);
    expect(fake.checkRuns[0]?.annotations).toHaveLength(3);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
  });

  it("waits 1, 2 then 4 s between the attempts of a 5xx, and tries four times", async () => {
    const { fake, waits } = await reviewWith((fake) =>
      fake.failWith("GET", /\/git\/trees\//, { status: 503, body: { message: "Unavailable" } }),
    );
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(fake.requests.filter((request) => request.path.includes("/git/trees/"))).toHaveLength(4);
  });

  it("does not repeat a comment after a 5xx: it may have been written", async () => {
    const { fake } = await reviewWith((fake) =>
      fake.failWith("POST", /\/issues\/12\/comments$/, { status: 502, body: { message: "Bad Gateway" } }),
    );
    const posts = fake.requests.filter(
      (request) => request.method === "POST" && request.path.endsWith("/issues/12/comments"),
    );
    expect(posts).toHaveLength(1);
  });
});

describe("a check run left in progress", () => {
  it("by a review whose completion GitHub refused is completed as interrupted by the next review", async () => {
    const { fake, app } = await reviewWith((fake) =>
      fake.failWith("PATCH", /\/check-runs\/\d+$/, { status: 502, body: { message: "Bad Gateway" } }),
    );
    const [stuck] = fake.checkRuns;
    expect(stuck?.status).toBe("in_progress");

    fake.heal();
    await app.deliver("check_run", loadPayload("check_run.rerequested"));
    expect(stuck).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(stuck?.output?.title).toBe("Relecture interrompue");
    expect(stuck?.output?.summary).toContain("Re-run");
    expect(latestRun(fake)).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(fake.checkRuns.filter((run) => run.status !== "completed")).toEqual([]);
  });

  it("by a killed process is completed as interrupted; another app's run of the same name is left alone", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    // What a review killed mid-way leaves: Relecteur's run, in progress, on the head.
    fake.checkRuns.push({
      id: 1,
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "in_progress",
      annotations: [],
    });
    fake.otherCheckRuns.push({
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "in_progress",
      conclusion: null,
    });
    interceptGitHub(fake);
    const app = await createTestApp();
    await app.deliver("pull_request", loadPayload("pull_request.synchronize"));
    expect(fake.checkRuns[0]).toMatchObject({ id: 1, status: "completed", conclusion: "failure" });
    expect(fake.checkRuns[0]?.output?.title).toBe("Relecture interrompue");
    expect(fake.otherCheckRuns[0]?.status).toBe("in_progress");
    expect(fake.unexpected).toEqual([]);
  });

  it("after a restart, is found at start-up: the pull request is reviewed again", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.checkRuns.push({
      id: 1,
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "in_progress",
      annotations: [],
    });
    interceptGitHub(fake);
    const app = await createTestApp();
    await app.recover();
    expect(fake.checkRuns.map((run) => [run.id, run.status, run.conclusion])).toEqual([
      [1, "completed", "failure"],
      [1000, "completed", "neutral"],
    ]);
    expect(fake.checkRuns[0]?.output?.title).toBe("Relecture interrompue");
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.unexpected).toEqual([]);
  });

  it("at start-up, a pull request whose runs are all completed is left alone", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.checkRuns.push({
      id: 1,
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "neutral",
      annotations: [],
    });
    fake.otherCheckRuns.push({
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "in_progress",
      conclusion: null,
    });
    interceptGitHub(fake);
    const app = await createTestApp();
    await app.recover();
    expect(fake.checkRuns).toHaveLength(1);
    expect(reviewLogLines(app.logs)).toEqual([]);
  });
});
