import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { SUMMARY_MARKER } from "../../src/report/summary-comment.js";
import { blogRepository, cleanPost, HEAD_SHA, NEXT_HEAD_SHA, postWithFixes } from "./blog.js";
import { addedFilePatch, BOT_LOGIN, FakeGitHub } from "./fake-github.js";
import { createTestApp, interceptGitHub, loadPayload, reviewLogLines } from "./probot-harness.js";

const POST = "_posts/2024-03-05-bilan-atelier.md";

async function setUp(fake: FakeGitHub) {
  interceptGitHub(fake);
  return createTestApp();
}

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("a pull request that changes no post", () => {
  it("lists the files and does nothing else", async () => {
    const fake = new FakeGitHub(
      blogRepository(
        {},
        {
          pullFiles: [
            { filename: "assets/css/main.scss", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" },
            { filename: "_data/equipe.yml", status: "added", patch: "@@ -0,0 +1 @@\n+- jdupont" },
          ],
        },
      ),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /repos/betagouv/blog/pulls/12/files",
    ]);
    expect(fake.checkRuns).toEqual([]);
    expect(fake.issueComments).toEqual([]);
    // The installation token is the other request the client made.
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "no-posts", apiCalls: 2 }]);
  });
});

describe("a pull request that adds one post", () => {
  it("completes the check run with annotations, posts one review of suggestions and one summary", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.unexpected).toEqual([]);
    expect(fake.checkRuns).toHaveLength(1);
    const [run] = fake.checkRuns;
    expect(run).toMatchObject({
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "neutral",
    });
    expect(run?.annotations.map((annotation) => [annotation.path, annotation.start_line])).toEqual([
      [POST, 7],
      [POST, 7],
      [POST, 9],
    ]);
    expect(fake.reviews).toEqual([{ commit_id: HEAD_SHA, event: "COMMENT", commentCount: 2 }]);
    expect(fake.reviewComments.map((comment) => comment.line)).toEqual([7, 9]);
    expect(fake.reviewComments[0]?.body).toContain(
      "```suggestion\nNous avons appris beaucoup de choses\u00a0:",
    );
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).toContain(SUMMARY_MARKER);
    expect(fake.issueComments[0]?.body).toContain("Bilan de l’atelier");
    const [line] = reviewLogLines(app.logs);
    expect(line).toMatchObject({
      repository: "betagouv/blog",
      pullRequest: 12,
      head: HEAD_SHA,
      outcome: "reviewed",
      findings: 3,
    });
    expect(line?.apiCalls).toBe(fake.requests.length);
    expect(typeof line?.ms).toBe("number");
  });
});

describe("a pull request that adds several posts", () => {
  it("annotates each post and sums them up in one check run, one review and one comment", async () => {
    const second = "_posts/2024-03-06-second-article.md";
    const clean = "_posts/2024-03-07-article-propre.md";
    const fake = new FakeGitHub(
      blogRepository({
        [POST]: postWithFixes(),
        [second]: postWithFixes("Deuxième article"),
        [clean]: cleanPost(),
      }),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.unexpected).toEqual([]);
    expect(fake.checkRuns).toHaveLength(1);
    const paths = new Set(fake.checkRuns[0]?.annotations.map((annotation) => annotation.path));
    expect(paths).toEqual(new Set([POST, second]));
    expect(fake.reviews).toEqual([{ commit_id: HEAD_SHA, event: "COMMENT", commentCount: 4 }]);
    expect(fake.issueComments).toHaveLength(1);
    const summary = fake.issueComments[0]?.body ?? "";
    for (const title of ["Bilan de l’atelier", "Deuxième article", "Un article sans remarque"]) {
      expect(summary).toContain(title);
    }
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "reviewed", findings: 6 }]);
  });
});

describe("a post and its new author in the same pull request", () => {
  const post = postWithFixes("Premier article de Marie", "mmartin");
  const author = "_authors/mmartin.md";
  const authorText = "---\nfullname: Marie Martin\n---\n";
  const rulesOf = (fake: FakeGitHub) => fake.checkRuns[0]?.annotations.map((annotation) => annotation.title);

  it("knows the author from the head tree: no unknown-author finding", async () => {
    const fake = new FakeGitHub(
      blogRepository(
        { [POST]: post },
        {
          extraFiles: { [author]: authorText },
          pullFiles: [
            { filename: POST, status: "added", patch: addedFilePatch(post) },
            { filename: author, status: "added", patch: addedFilePatch(authorText) },
          ],
        },
      ),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(rulesOf(fake)).not.toContain("frontmatter/unknown-author");
    expect(rulesOf(fake)).toContain("typo/nbsp-before-colon");
  });

  it("reports the author when the pull request forgets the file", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: post }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(rulesOf(fake)).toContain("frontmatter/unknown-author");
  });
});

describe("a pull request from a fork", () => {
  it("reads the head through the base repository's API only", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened.fork"));
    expect(fake.unexpected).toEqual([]);
    for (const request of fake.requests) {
      expect(request.path).toMatch(/^\/(repos\/betagouv\/blog\/|app\/installations\/)/);
    }
    expect(fake.requests.some((request) => request.path.includes("contributrice"))).toBe(false);
    expect(fake.checkRuns[0]).toMatchObject({ head_sha: HEAD_SHA, conclusion: "neutral" });
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
  });
});

describe("an invalid configuration", () => {
  it("fails the check run naming the key and its line, and does nothing else", async () => {
    const configText = "locale: fr\ntypography:\n  nbps: narrow\n";
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }, { configText }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.checkRuns).toHaveLength(1);
    const [run] = fake.checkRuns;
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run?.output?.title).toBe("Configuration invalide");
    expect(run?.output?.summary).toContain(".github/relecteur.yml, ligne 3 (clé `typography.nbps`)");
    expect(run?.output?.summary).toContain("clé inconnue «\u00a0typography.nbps\u00a0»");
    expect(fake.requests.some((request) => request.path.includes("/git/"))).toBe(false);
    expect(fake.reviews).toEqual([]);
    expect(fake.issueComments).toEqual([]);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "config-invalid" }]);
  });

  it("places a YAML syntax error on its line", async () => {
    const configText = 'locale: fr\nposts: ["_posts/**/*.md"\nrules: {}\n';
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }, { configText }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns[0]).toMatchObject({ conclusion: "failure" });
    expect(fake.checkRuns[0]?.output?.summary).toMatch(
      /\.github\/relecteur\.yml, ligne \d+\u00a0: YAML invalide/,
    );
  });

  it("lets a valid config choose the posts and the language", async () => {
    const path = "blog/2024-03-05-bilan-atelier.md";
    const configText = 'locale: en\nposts: ["blog/*.md"]\n';
    const fake = new FakeGitHub(blogRepository({ [path]: postWithFixes() }, { configText }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns[0]?.annotations[0]?.path).toBe(path);
    expect(fake.issueComments[0]?.body).toContain("Editorial review");
  });
});

describe("a deleted post", () => {
  const removed = "_posts/2024-01-15-ancien-article.md";

  it("is ignored next to a changed post", async () => {
    const fake = new FakeGitHub(
      blogRepository(
        { [POST]: postWithFixes() },
        {
          pullFiles: [
            { filename: removed, status: "removed", patch: "@@ -1,3 +0,0 @@\n----\n-title: x\n----" },
            { filename: POST, status: "added", patch: addedFilePatch(postWithFixes()) },
          ],
        },
      ),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(new Set(fake.checkRuns[0]?.annotations.map((annotation) => annotation.path))).toEqual(
      new Set([POST]),
    );
    expect(fake.issueComments[0]?.body).not.toContain("ancien-article");
    expect(fake.requests.filter((request) => request.path.includes("/git/blobs/"))).toHaveLength(2);
  });

  it("alone, leaves no trace", async () => {
    const fake = new FakeGitHub(
      blogRepository(
        {},
        { pullFiles: [{ filename: removed, status: "removed", patch: "@@ -1 +0,0 @@\n----" }] },
      ),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.apiRequests()).toHaveLength(1);
    expect(fake.checkRuns).toEqual([]);
  });
});

describe("a suggestion GitHub refuses", () => {
  it("still posts the others", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.refuseComment = (comment) => comment.line === 9;
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.reviewComments.map((comment) => comment.line)).toEqual([7]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
    expect(app.logs.some((line) => line.msg === "GitHub refused a suggestion" && line.line === 9)).toBe(true);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "reviewed" }]);
  });
});

describe("a second push", () => {
  it("posts no suggestion twice, deletes the outdated one and edits the one summary comment", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.reviewComments.map((comment) => comment.line)).toEqual([7, 9]);
    const firstSummary = fake.issueComments[0]?.body;

    // The author fixes line 9 by hand and pushes: line 7's suggestion is the same, line 9's is outdated.
    const fixed = postWithFixes().replace("mardi ; venez", "mardi\u202f; venez");
    fake.repository.headSha = NEXT_HEAD_SHA;
    fake.repository.headFiles[POST] = fixed;
    fake.repository.pullFiles = [{ filename: POST, status: "added", patch: addedFilePatch(fixed) }];
    const payload = loadPayload("pull_request.synchronize") as { pull_request: { head: { sha: string } } };
    payload.pull_request.head.sha = NEXT_HEAD_SHA;
    await app.deliver("pull_request", payload);

    expect(fake.unexpected).toEqual([]);
    expect(fake.checkRuns.map((run) => run.head_sha)).toEqual([HEAD_SHA, NEXT_HEAD_SHA]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments.map((comment) => comment.line)).toEqual([7]);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]?.body).not.toBe(firstSummary);
  });

  it("keeps an outdated suggestion that someone answered, and a summary comment that is not the bot's", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.issueComments.push({
      id: 1,
      user: { login: "jdupont", type: "User" },
      body: `Le robot écrit ${SUMMARY_MARKER} dans ses commentaires.`,
    });
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    const line9 = fake.reviewComments.find((comment) => comment.line === 9);
    fake.reviewComments.push({
      ...(line9 as NonNullable<typeof line9>),
      id: 2,
      user: { login: "jdupont", type: "User" },
      body: "Pourquoi ?",
      in_reply_to_id: line9?.id ?? 0,
    });

    const fixed = postWithFixes().replace("mardi ; venez", "mardi\u202f; venez");
    fake.repository.headFiles[POST] = fixed;
    fake.repository.pullFiles = [{ filename: POST, status: "added", patch: addedFilePatch(fixed) }];
    await app.deliver("pull_request", loadPayload("pull_request.synchronize"));

    expect(fake.reviewComments.map((comment) => [comment.line, comment.user.login])).toEqual([
      [7, BOT_LOGIN],
      [9, BOT_LOGIN],
      [9, "jdupont"],
    ]);
    expect(fake.issueComments.map((comment) => comment.user.login)).toEqual(["jdupont", BOT_LOGIN]);
  });
});

describe("a re-run", () => {
  it("from the check run reviews the head again without repeating comments", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    await app.deliver("check_run", loadPayload("check_run.rerequested"));
    expect(fake.checkRuns.map((run) => [run.head_sha, run.status])).toEqual([
      [HEAD_SHA, "completed"],
      [HEAD_SHA, "completed"],
    ]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
    expect(reviewLogLines(app.logs).map((line) => line.outcome)).toEqual(["reviewed", "reviewed"]);
  });

  it("from the check suite reviews the head again", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    await app.deliver("check_suite", loadPayload("check_suite.rerequested"));
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.reviews).toHaveLength(1);
  });

  it("of a fork's pull request finds it by its head commit", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    const payload = loadPayload("check_suite.rerequested") as { check_suite: { pull_requests: unknown[] } };
    payload.check_suite.pull_requests = [];
    await app.deliver("check_suite", payload);
    expect(fake.requests.some((request) => request.path.endsWith(`/commits/${HEAD_SHA}/pulls`))).toBe(true);
    expect(fake.checkRuns).toHaveLength(1);
  });

  it("of another app's check run is not ours", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    const payload = loadPayload("check_run.rerequested") as { check_run: { name: string } };
    payload.check_run.name = "build";
    await app.deliver("check_run", payload);
    expect(fake.requests).toEqual([]);
  });
});

describe("GitHub failing", () => {
  it("fails the check run in French, logs it, and a later delivery succeeds", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.fail("GET", /\/git\/trees\//, 502);
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(fake.checkRuns[0]?.output?.title).toBe("Relecture échouée");
    expect(fake.checkRuns[0]?.output?.summary).toContain("la lecture des articles a échoué");
    expect(fake.checkRuns[0]?.output?.summary).toContain("erreur HTTP 502");
    expect(fake.checkRuns[0]?.output?.summary).toContain("«\u00a0Re-run\u00a0»");
    expect(fake.reviews).toEqual([]);
    expect(fake.issueComments).toEqual([]);
    expect(app.logs.some((line) => line.msg === "review failed" && line.level === 50)).toBe(true);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "failed" }]);

    await app.deliver("pull_request", loadPayload("pull_request.synchronize"));
    expect(fake.checkRuns.map((run) => run.conclusion)).toEqual(["failure", "neutral"]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
  });

  it("after the verdict, keeps the check run's conclusion with a note, still writes the summary, and logs the failure", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.fail("POST", /\/pulls\/12\/reviews$/, 500);
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns.map((run) => [run.status, run.conclusion])).toEqual([["completed", "neutral"]]);
    expect(fake.checkRuns[0]?.annotations).toHaveLength(3);
    expect(fake.checkRuns[0]?.output?.summary).toContain(
      "mais la publication des suggestions a échoué ensuite\u00a0: L’API GitHub a répondu par une erreur HTTP 500.",
    );
    expect(fake.issueComments).toHaveLength(1);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "failed", findings: 3 }]);
  });

  it("before the check run exists, creates it completed, saying so", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.fail("GET", /\/pulls\/12\/files$/, 500);
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns).toMatchObject([
      {
        head_sha: HEAD_SHA,
        status: "completed",
        conclusion: "failure",
        output: { title: "Relecture échouée" },
      },
    ]);
    expect(fake.checkRuns[0]?.output?.summary).toContain("la lecture de la liste des fichiers a échoué");
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "failed" }]);
  });
});

describe("a stale review", () => {
  it("finishes its own check run and leaves the comments to the newer head", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    fake.onRequest = (request) => {
      // A push lands while the posts are read.
      if (request.path.includes("/git/blobs/")) fake.repository.headSha = NEXT_HEAD_SHA;
    };
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "neutral",
    });
    expect(fake.reviews).toEqual([]);
    expect(fake.issueComments).toEqual([]);
    expect(reviewLogLines(app.logs)).toMatchObject([{ outcome: "stale" }]);
  });
});

describe("a markdown page that is not a post", () => {
  it("reads the config to know, then leaves no trace", async () => {
    const fake = new FakeGitHub(
      blogRepository(
        {},
        { pullFiles: [{ filename: "a-propos.md", status: "added", patch: "@@ -0,0 +1 @@\n+x" }] },
      ),
    );
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.apiRequests().map((request) => request.path)).toEqual([
      "/repos/betagouv/blog/pulls/12/files",
      "/repos/betagouv/blog/contents/.github/relecteur.yml",
    ]);
    expect(fake.checkRuns).toEqual([]);
  });
});

describe("a push storm", () => {
  it("reviews the running head and only the latest of the heads that waited", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: postWithFixes() }));
    const app = await setUp(fake);
    const receive = (payload: Record<string, unknown>) =>
      app.probot.receive({ id: "delivery", name: "pull_request", payload } as Parameters<
        typeof app.probot.receive
      >[0]);
    await receive(loadPayload("pull_request.opened"));
    await receive(loadPayload("pull_request.synchronize"));
    await receive(loadPayload("pull_request.synchronize"));
    await app.queue.idle();
    expect(fake.checkRuns).toHaveLength(2);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.issueComments).toHaveLength(1);
    expect(app.superseded).toEqual(["betagouv/blog#12"]);
  });
});

describe("external links", () => {
  it("are checked before the review, once per URL, and a dead one fails the check run", async () => {
    const post = `${cleanPost()}\nVoir [la page](https://exemple.fr/absente) et [encore](https://exemple.fr/absente).\n`;
    const fake = new FakeGitHub(blogRepository({ [POST]: post }));
    interceptGitHub(fake);
    const asked: string[][] = [];
    const app = await createTestApp({
      checkLinks: async (posts) => {
        asked.push(posts.map((candidate) => candidate.path));
        return new Map([
          ["https://exemple.fr/absente", { kind: "dead", status: 404, reason: "page introuvable (404)" }],
        ]);
      },
    });
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(asked).toEqual([[POST]]);
    const [run] = fake.checkRuns;
    expect(run?.conclusion).toBe("failure");
    expect(run?.annotations.filter((annotation) => annotation.title === "links/external-link")).toHaveLength(
      2,
    );
  });
});
