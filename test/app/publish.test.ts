import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEDULED_LABEL } from "../../src/github/scheduled-label.js";
import { blogRepository, cleanPost, HEAD_SHA, NEXT_HEAD_SHA } from "./blog.js";
import { BOT_LOGIN, FakeGitHub, type PullFile } from "./fake-github.js";
import { createTestApp, interceptGitHub, type LogLine, loadPayload, NOW } from "./probot-harness.js";

/**
 * Publishing end to end inside Probot: webhooks in, the fake GitHub's state out (merges asked, refs
 * deleted, labels, the summary comment). The policy's conditions one by one are in
 * test/publish/merge-policy.test.ts; here each event and each GitHub answer is checked once.
 */

const POST = "_posts/2024-03-05-bilan-atelier.md";
const TITLE = "Bilan de l’atelier";
const OLDER_SHA = "0000aaaa1111bbbb2222cccc3333dddd4444eeee";

function publishingConfig(extra = ""): string {
  return `locale: fr\npublish:\n  enabled: true\n${extra}`;
}

function publishingBlog(
  options: { extra?: string; posts?: Record<string, string>; pullFiles?: PullFile[] } = {},
): FakeGitHub {
  const posts = options.posts ?? { [POST]: cleanPost(TITLE) };
  const fake = new FakeGitHub(
    blogRepository(posts, {
      configText: publishingConfig(options.extra),
      ...(options.pullFiles ? { pullFiles: options.pullFiles } : {}),
    }),
  );
  fake.permissions = { editrice: "write" };
  // Reviewed already, without an error: the review's own tests are elsewhere.
  fake.checkRuns.push({
    id: 1,
    name: "Relecteur",
    head_sha: HEAD_SHA,
    status: "completed",
    conclusion: "success",
    annotations: [],
  });
  return fake;
}

async function setUp(fake: FakeGitHub, now?: () => Date) {
  interceptGitHub(fake);
  return createTestApp(now ? { now } : {});
}

function summary(fake: FakeGitHub): string {
  expect(fake.issueComments).toHaveLength(1);
  return fake.issueComments[0]?.body ?? "";
}

/** The « Publication » section alone. */
function publication(fake: FakeGitHub): string {
  const body = summary(fake);
  const start = body.indexOf("<!-- relecteur:publication -->");
  const end = body.indexOf("<!-- /relecteur:publication -->");
  expect(start).toBeGreaterThanOrEqual(0);
  return body.slice(start, end);
}

/** The summary comment as Relecteur left it on an earlier run. */
function botSummary(body: string) {
  return { id: 2, user: { login: BOT_LOGIN, type: "Bot" }, body };
}

const errorsIn = (logs: readonly LogLine[]) => logs.filter((line) => line.level >= 50);

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("publishing after a review", () => {
  it("says in the summary what the post waits for, and merges nothing", async () => {
    const fake = publishingBlog();
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.unexpected).toEqual([]);
    expect(fake.mergeAttempts).toEqual([]);
    const section = publication(fake);
    expect(section).toContain("### Publication");
    expect(section).toContain("- 1 approbation manquante");
    // The review's part is still there, under the section.
    expect(summary(fake)).toContain("Rien à signaler");
    expect(summary(fake).indexOf("### Publication")).toBeLessThan(summary(fake).indexOf("| Article |"));
  });

  it("merges at once when the review is the last thing missing", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.merges).toEqual([
      { sha: HEAD_SHA, merge_method: "squash", commit_title: `Publie «\u00a0${TITLE}\u00a0» (#12)` },
    ]);
    expect(publication(fake)).toContain("✅ Publié\u00a0: fusion `squash` du commit `9f4e2c7`.");
  });

  it("leaves no section when publishing is off", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: cleanPost(TITLE) }));
    fake.review("editrice", "APPROVED");
    fake.permissions = { editrice: "write" };
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));

    expect(fake.mergeAttempts).toEqual([]);
    expect(summary(fake)).not.toContain("relecteur:publication");
    expect(fake.apiRequests().some((request) => request.path.endsWith("/reviews"))).toBe(false);
  });
});

describe("an approval", () => {
  it("of the head by a writer merges with the head sha, the method, the title, and deletes the branch", async () => {
    const fake = publishingBlog({ extra: "  method: rebase\n  deleteBranch: true\n" });
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.merges).toEqual([]);

    fake.review("editrice", "APPROVED");
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    expect(fake.unexpected).toEqual([]);
    expect(fake.merges).toEqual([
      { sha: HEAD_SHA, merge_method: "rebase", commit_title: `Publie «\u00a0${TITLE}\u00a0» (#12)` },
    ]);
    expect(fake.deletedRefs).toEqual(["bilan-atelier"]);
    expect(publication(fake)).toContain(
      "✅ Publié\u00a0: fusion `rebase` du commit `9f4e2c7`. Branche `bilan-atelier` supprimée.",
    );
    expect(summary(fake)).toContain("Rien à signaler");
    expect(errorsIn(app.logs)).toEqual([]);
  });

  it("of an older commit does not count", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED", OLDER_SHA);
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    expect(fake.mergeAttempts).toEqual([]);
    const section = publication(fake);
    expect(section).toContain("- 1 approbation manquante");
    expect(section).toContain("@\u200beditrice (approuvé un commit plus ancien)");
  });

  it("by someone without write permission does not count, unless publish.reviewers lists them", async () => {
    const fake = publishingBlog();
    fake.permissions = { editrice: "triage" };
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("@\u200beditrice (pas de droit d’écriture sur le dépôt)");

    fake.repository.configText = publishingConfig("  reviewers: [editrice]\n");
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.merges).toHaveLength(1);
  });

  it("by someone who is not a collaborator at all (404) does not count", async () => {
    const fake = publishingBlog();
    fake.permissions = {};
    fake.review("passant", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("@\u200bpassant (pas de droit d’écriture sur le dépôt)");
    expect(errorsIn(app.logs)).toEqual([]);
  });

  it("by the author of the post never counts, even an admin", async () => {
    const fake = publishingBlog();
    fake.permissions = { jdupont: "admin" };
    fake.review("jdupont", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("@\u200bjdupont (approbation de son propre article)");
  });

  it("does not lift changes requested by another reviewer", async () => {
    const fake = publishingBlog();
    fake.permissions = { editrice: "write", chef: "maintain" };
    fake.review("chef", "CHANGES_REQUESTED");
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("- @\u200bchef demande des modifications");
  });
});

describe("what GitHub answers to the merge", () => {
  it("409: the head moved between the evaluation and the merge; nothing is merged and the summary says why", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.onRequest = (request) => {
      if (request.method === "PUT" && request.path.endsWith("/merge"))
        fake.repository.headSha = NEXT_HEAD_SHA;
    };
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    expect(fake.merges).toEqual([]);
    expect(fake.mergeAttempts).toEqual([{ sha: HEAD_SHA, status: 409 }]);
    expect(publication(fake)).toContain(
      "❌ La fusion du commit `9f4e2c7` a échoué (GitHub 409\u00a0: «\u00a0Head branch was modified. Review and try the merge again.\u00a0»).",
    );
  });

  it("5xx: the pull request is read again before anything else, and the merge is not retried", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.fail("PUT", /\/pulls\/12\/merge$/, 502);
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    const calls = fake.apiRequests().map((request) => `${request.method} ${request.path}`);
    const merge = calls.indexOf("PUT /repos/betagouv/blog/pulls/12/merge");
    expect(merge).toBeGreaterThan(0);
    expect(calls[merge + 1]).toBe("GET /repos/betagouv/blog/pulls/12");
    expect(calls.filter((call) => call.endsWith("/merge"))).toHaveLength(1);
    expect(publication(fake)).toContain(
      "❌ La fusion du commit `9f4e2c7` a échoué (GitHub 502\u00a0: «\u00a0Server Error\u00a0»)",
    );
  });

  it("405 because someone merged it in between: reported as published, not as a failure", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.onRequest = (request) => {
      // Another instance (or a person) merges it just before this merge request arrives.
      if (request.method === "PUT" && request.path.endsWith("/merge") && fake.merges.length === 0) {
        fake.pull.state = "closed";
        fake.pull.merged = true;
      }
    };
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    expect(fake.mergeAttempts).toEqual([{ sha: HEAD_SHA, status: 405 }]);
    expect(publication(fake)).toContain("✅ Publié\u00a0: fusion `squash` du commit `9f4e2c7`.");
    expect(errorsIn(app.logs)).toEqual([]);
  });

  it("a conflict is reported before any merge request", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.pull.mergeable = false;
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "- conflit avec la branche de base\u00a0: à résoudre avant la publication",
    );
  });
});

describe("what the policy looks at", () => {
  it("a file that is not a post means manual publication", async () => {
    const text = cleanPost(TITLE);
    const fake = publishingBlog({
      posts: { [POST]: text },
      pullFiles: [
        { filename: POST, status: "added", patch: "@@ -0,0 +1 @@\n+---" },
        { filename: "Gemfile", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" },
      ],
    });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "- le fichier `Gemfile` n’est pas un article\u00a0: publication manuelle",
    );
  });

  it("a post deleted alongside means manual publication", async () => {
    const fake = publishingBlog({
      pullFiles: [
        { filename: POST, status: "added", patch: "@@ -0,0 +1 @@\n+---" },
        { filename: "_posts/2024-01-15-ancien-article.md", status: "removed" },
      ],
    });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "- le fichier `_posts/2024-01-15-ancien-article.md` est supprimé\u00a0: publication manuelle",
    );
  });

  it("more changed files than GitHub lists means manual publication", async () => {
    const fake = publishingBlog();
    fake.changedFileCount = 3001;
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "- GitHub ne liste que 1 des 3001 fichiers modifiés\u00a0: publication manuelle",
    );
  });

  it("publish.alsoAllow lets images of the post through", async () => {
    const fake = publishingBlog({
      extra: '  alsoAllow: ["img/posts/**"]\n',
      pullFiles: [
        { filename: POST, status: "added", patch: "@@ -0,0 +1 @@\n+---" },
        { filename: "img/posts/atelier.jpg", status: "added" },
      ],
    });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.merges).toHaveLength(1);
  });

  it("a pull request without a post gets no comment and no merge on approval", async () => {
    // Only an allowed file: nothing blocks but the absence of a post.
    const fake = publishingBlog({
      posts: {},
      extra: '  alsoAllow: ["img/posts/**"]\n',
      pullFiles: [{ filename: "img/posts/equipe.jpg", status: "added" }],
    });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(fake.issueComments).toEqual([]);
  });

  it("publish.dryRun says what it would do and does nothing", async () => {
    const fake = publishingBlog({ extra: "  dryRun: true\n  deleteBranch: true\n" });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(fake.deletedRefs).toEqual([]);
    expect(publication(fake)).toContain(
      `🧪 Mode essai (\`publish.dryRun\`)\u00a0: tout est prêt, Relecteur fusionnerait maintenant (\`squash\`, «\u00a0Publie «\u00a0Bilan de l’atelier\u00a0» (#12)\u00a0») mais ne fait rien. Il supprimerait ensuite la branche \`bilan-atelier\`.`,
    );
  });

  it("a required label: the labeled event publishes", async () => {
    const fake = publishingBlog({ extra: "  label: à publier\n" });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(publication(fake)).toContain("- l’étiquette «\u00a0à publier\u00a0» manque");

    fake.pull.labels.push("à publier");
    await app.deliver("pull_request", loadPayload("pull_request.labeled"));
    expect(fake.merges).toHaveLength(1);
  });

  it("another check run in progress blocks; its completion publishes", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.otherCheckRuns.push({ name: "build", head_sha: HEAD_SHA, status: "in_progress", conclusion: null });
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(publication(fake)).toContain("- vérification `build` en cours");

    fake.otherCheckRuns[0] = {
      name: "build",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "success",
    };
    await app.deliver("check_run", loadPayload("check_run.completed"));
    expect(fake.merges).toHaveLength(1);
  });

  it("a required commit status not reported yet is pending; the status event finds the pull request by its head", async () => {
    const fake = publishingBlog({ extra: "  requiredChecks: [ci/build]\n" });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(publication(fake)).toContain("- vérification `ci/build` attendue");

    fake.statuses.push({ sha: HEAD_SHA, context: "ci/build", state: "success" });
    await app.deliver("status", loadPayload("status"));
    expect(fake.apiRequests().map((request) => request.path)).toContain(
      `/repos/betagouv/blog/commits/${HEAD_SHA}/pulls`,
    );
    expect(fake.merges).toHaveLength(1);
  });

  it("a status on a fork's head finds its pull request among the open ones", async () => {
    const fake = publishingBlog({ extra: "  deleteBranch: true\n" });
    fake.isHeadInFork = true;
    fake.pull.headRepoId = 999;
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("status", loadPayload("status"));
    expect(fake.apiRequests().map((request) => request.path)).toContain("/repos/betagouv/blog/pulls");
    expect(fake.merges).toHaveLength(1);
    // The configuration read to decide whether to look the pull request up is the one the job uses.
    const configReads = fake.apiRequests().filter((request) => request.path.endsWith("/relecteur.yml"));
    expect(configReads).toHaveLength(1);
    // A fork's branch is not the app's to delete.
    expect(fake.deletedRefs).toEqual([]);
  });

  it("a failed commit status blocks", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.statuses.push({ sha: HEAD_SHA, context: "ci/build", state: "failure" });
    const app = await setUp(fake);
    await app.deliver("status", loadPayload("status"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("- vérification `ci/build` en échec");
  });

  it("another app's failing run named Relecteur (a CI job running the command line) blocks too", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.otherCheckRuns.push({
      name: "Relecteur",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "failure",
    });
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("- vérification `Relecteur` en échec");
  });

  it("CI that never ran (Actions waiting for a maintainer's approval) is not CI that passed", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.otherCheckSuites.push({
      head_sha: HEAD_SHA,
      app: { slug: "github-actions", name: "GitHub Actions" },
      status: "completed",
      conclusion: "action_required",
    });
    // Another app's suite that was created but never ran anything does not block.
    fake.otherCheckSuites.push({
      head_sha: HEAD_SHA,
      app: { slug: "idle", name: "Idle" },
      status: "queued",
      conclusion: null,
    });
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "- vérification `GitHub Actions` en attente d’une action (des workflows à approuver\u202f?)",
    );
    fake.otherCheckSuites.shift();
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.merges).toHaveLength(1);
  });

  it("the latest status of a context counts, not an older failure", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.statuses.push({ sha: HEAD_SHA, context: "ci/build", state: "failure" });
    fake.statuses.push({ sha: HEAD_SHA, context: "ci/build", state: "success" });
    const app = await setUp(fake);
    await app.deliver("status", loadPayload("status"));
    expect(fake.merges).toHaveLength(1);
  });

  it("Relecteur's own errors block", async () => {
    const broken = ["---", `title: ${TITLE}`, "authors:", "  - inconnu", "---", "", "Texte.", ""].join("\n");
    const fake = publishingBlog({ posts: { [POST]: broken } });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.checkRuns.at(-1)?.conclusion).toBe("failure");
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain("- la relecture de Relecteur signale des erreurs");
  });

  it("publishing is off: a commit status costs one request, the configuration", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: cleanPost(TITLE) }));
    fake.isHeadInFork = true;
    const app = await setUp(fake);
    await app.deliver("status", loadPayload("status"));
    expect(fake.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /repos/betagouv/blog/contents/.github/relecteur.yml",
    ]);
  });

  it("publishing is off: an approval costs one request, the configuration, and changes nothing", async () => {
    const fake = new FakeGitHub(blogRepository({ [POST]: cleanPost(TITLE) }));
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /repos/betagouv/blog/contents/.github/relecteur.yml",
    ]);
  });
});

describe("events", () => {
  it("the pull request merged by a person: the section says it, and a later event does not undo Relecteur's account", async () => {
    const fake = publishingBlog();
    const app = await setUp(fake);
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    fake.pull.state = "closed";
    fake.pull.merged = true;
    await app.deliver("pull_request", { ...loadPayload("pull_request.opened"), action: "closed" });
    expect(publication(fake)).toContain("✅ Pull request fusionnée.");
    expect(fake.mergeAttempts).toEqual([]);
  });

  it("after Relecteur's own merge, the « closed » event keeps the detailed account", async () => {
    const fake = publishingBlog({ extra: "  deleteBranch: true\n" });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    const merged = summary(fake);
    expect(merged).toContain("Branche `bilan-atelier` supprimée.");
    await app.deliver("pull_request", { ...loadPayload("pull_request.opened"), action: "closed" });
    expect(summary(fake)).toBe(merged);
  });

  it("a pull request closed before any review gets no comment", async () => {
    const fake = publishingBlog();
    fake.pull.state = "closed";
    const app = await setUp(fake);
    await app.deliver("pull_request", { ...loadPayload("pull_request.opened"), action: "closed" });
    expect(fake.issueComments).toEqual([]);
  });

  it("Relecteur's own check run completing asks nothing (its review has just evaluated)", async () => {
    const fake = publishingBlog();
    const app = await setUp(fake);
    const payload = loadPayload("check_run.completed") as {
      check_run: { name: string; app: { id: number; slug: string } };
    };
    payload.check_run.name = "Relecteur";
    payload.check_run.app = { id: 1, slug: "relecteur" };
    await app.deliver("check_run", payload);
    expect(fake.apiRequests().map((request) => request.path)).toEqual(["/app"]);
  });

  it("another app's check run named Relecteur completing is an ordinary check: it evaluates", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    const payload = loadPayload("check_run.completed") as { check_run: { name: string } };
    payload.check_run.name = "Relecteur";
    await app.deliver("check_run", payload);
    expect(fake.merges).toHaveLength(1);
  });

  it("the scheduled label added by Relecteur itself triggers nothing", async () => {
    const fake = publishingBlog();
    const app = await setUp(fake);
    const payload = loadPayload("pull_request.labeled") as { label: { name: string }; sender: unknown };
    payload.label.name = SCHEDULED_LABEL;
    payload.sender = { login: BOT_LOGIN, id: 1, type: "Bot" };
    await app.deliver("pull_request", payload);
    expect(fake.apiRequests().map((request) => request.path)).toEqual(["/app"]);
  });

  it("another bot removing the scheduled label is answered like a person", async () => {
    const fake = publishingBlog({ posts: { "_posts/2024-03-12-bilan-atelier.md": cleanPost(TITLE) } });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    const payload = {
      ...loadPayload("pull_request.labeled"),
      action: "unlabeled",
      label: { name: SCHEDULED_LABEL },
      sender: { login: "label-sync[bot]", id: 77, type: "Bot" },
    };
    await app.deliver("pull_request", payload);
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);
  });

  it("a person removing the scheduled label gets it back while the post still waits for its date", async () => {
    const fake = publishingBlog({ posts: { "_posts/2024-03-12-bilan-atelier.md": cleanPost(TITLE) } });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    const payload = {
      ...loadPayload("pull_request.labeled"),
      action: "unlabeled",
      label: { name: SCHEDULED_LABEL },
    };
    await app.deliver("pull_request", payload);
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);
    expect(publication(fake)).toContain("📅 Publication programmée le mardi 12 mars à 9 h");
  });

  it("waits for GitHub to compute mergeability instead of reporting it pending at once", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.pull.mergeable = null;
    let reads = 0;
    fake.onRequest = (request) => {
      if (request.method === "GET" && request.path === "/repos/betagouv/blog/pulls/12" && ++reads === 2) {
        fake.pull.mergeable = true;
      }
    };
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(fake.merges).toHaveLength(1);
  });

  it("a GitHub error while reading the facts is reported in the section, not thrown", async () => {
    const fake = publishingBlog();
    fake.issueComments = [botSummary("<!-- relecteur:summary -->\n## Relecture éditoriale\n")];
    fake.review("editrice", "APPROVED");
    fake.fail("GET", /\/pulls\/12\/reviews$/, 503);
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.mergeAttempts).toEqual([]);
    expect(publication(fake)).toContain(
      "⚠️ La publication n’a pas pu être évaluée (GitHub 503\u00a0: «\u00a0Server Error\u00a0»)",
    );
  });
});

describe("a scheduled post moved out of the posts", () => {
  it("loses its label and the section that promised the date", async () => {
    const fake = publishingBlog({
      posts: {},
      pullFiles: [{ filename: "_drafts/bilan-atelier.md", status: "added", patch: "@@ -0,0 +1 @@\n+---" }],
    });
    fake.review("editrice", "APPROVED");
    fake.pull.labels = [SCHEDULED_LABEL];
    fake.issueComments = [
      botSummary(
        "<!-- relecteur:summary -->\n## Relecture éditoriale\n\n<!-- relecteur:publication -->\n### Publication\n\n📅 Publication programmée\n<!-- /relecteur:publication -->\n",
      ),
    ];
    const app = await setUp(fake);
    await app.sweep();
    expect(fake.pull.labels).toEqual([]);
    expect(summary(fake)).not.toContain("relecteur:publication");
    expect(fake.mergeAttempts).toEqual([]);
  });
});

describe("publishing turned off", () => {
  it("the sweep withdraws the label and the section of a pull request scheduled when it was on", async () => {
    const fake = publishingBlog();
    fake.pull.labels = [SCHEDULED_LABEL];
    fake.issueComments = [
      botSummary(
        "<!-- relecteur:summary -->\n## Relecture éditoriale\n\n<!-- relecteur:publication -->\n### Publication\n\n📅 Publication programmée\n<!-- /relecteur:publication -->\n\n| Article |\n",
      ),
    ];
    fake.repository.configText = "locale: fr\n";
    const app = await setUp(fake);
    await app.sweep();
    expect(fake.pull.labels).toEqual([]);
    expect(summary(fake)).toBe("<!-- relecteur:summary -->\n## Relecture éditoriale\n\n| Article |\n");
    expect(fake.mergeAttempts).toEqual([]);
  });
});

describe("the publication date", () => {
  const SCHEDULED_POST = "_posts/2024-03-12-bilan-atelier.md";

  it("labels a post that only waits for its date, and the sweep merges it once the date has come", async () => {
    let clock = NOW; // Sunday 10 March 2024, 11:00 in Paris
    const fake = publishingBlog({ posts: { [SCHEDULED_POST]: cleanPost(TITLE) } });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake, () => clock);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));

    expect(fake.mergeAttempts).toEqual([]);
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);
    expect(publication(fake)).toContain("📅 Publication programmée le mardi 12 mars à 9 h");

    // Tuesday 08:59 in Paris: not yet.
    clock = new Date("2024-03-12T07:59:00Z");
    await app.sweep();
    expect(fake.apiRequests().some((request) => request.path === "/search/issues")).toBe(true);
    expect(fake.mergeAttempts).toEqual([]);
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);

    // A sweep a minute later is too early for the installation's pace (10 minutes): no search, and the
    // list of installations is the one read a minute ago.
    const count = (path: string) => fake.apiRequests().filter((request) => request.path === path).length;
    const searches = () => count("/search/issues");
    clock = new Date("2024-03-12T08:00:00Z");
    await app.sweep();
    expect(searches()).toBe(1);
    expect(count("/app/installations")).toBe(1);

    clock = new Date("2024-03-12T08:10:00Z");
    await app.sweep();
    expect(searches()).toBe(2);
    expect(fake.merges).toEqual([
      { sha: HEAD_SHA, merge_method: "squash", commit_title: `Publie «\u00a0${TITLE}\u00a0» (#12)` },
    ]);
    expect(fake.pull.labels).toEqual([]);
    expect(publication(fake)).toContain("✅ Publié");
    expect(errorsIn(app.logs)).toEqual([]);
  });

  it("a label GitHub refuses to add is said: the sweep will not come back by itself", async () => {
    const fake = publishingBlog({ posts: { [SCHEDULED_POST]: cleanPost(TITLE) } });
    fake.review("editrice", "APPROVED");
    fake.fail("POST", /\/issues\/12\/labels$/, 403);
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.pull.labels).toEqual([]);
    const section = publication(fake);
    expect(section).toContain("📅 Publication programmée le mardi 12 mars à 9 h");
    expect(section).toContain("⚠️ L’étiquette «\u00a0publication programmée\u00a0» n’a pas pu être posée");
  });

  it("a dry run writes no label", async () => {
    const fake = publishingBlog({ posts: { [SCHEDULED_POST]: cleanPost(TITLE) }, extra: "  dryRun: true\n" });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.pull.labels).toEqual([]);
    expect(publication(fake)).toContain(
      "🧪 Mode essai (`publish.dryRun`)\u00a0: tout le reste est prêt, la publication serait programmée le mardi 12 mars à 9 h\u202f; rien ne sera fusionné.",
    );
  });

  it("a refused merge of a scheduled post loses its label, so that no sweep asks again", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.pull.labels = [SCHEDULED_LABEL];
    fake.fail("PUT", /\/pulls\/12\/merge$/, 405);
    let clock = NOW;
    const app = await setUp(fake, () => clock);
    await app.sweep();
    expect(fake.merges).toEqual([]);
    expect(fake.pull.labels).toEqual([]);
    expect(publication(fake)).toContain("a échoué (GitHub 405");
    clock = new Date(NOW.getTime() + 10 * 60_000);
    await app.sweep();
    expect(fake.apiRequests().filter((request) => request.path === "/search/issues")).toHaveLength(2);
    expect(fake.apiRequests().filter((request) => request.path.endsWith("/merge"))).toHaveLength(1);
  });

  it("keeps the label while GitHub computes mergeability, so that a later sweep merges", async () => {
    const fake = publishingBlog();
    fake.review("editrice", "APPROVED");
    fake.pull.labels = [SCHEDULED_LABEL];
    fake.pull.mergeable = null;
    let clock = NOW;
    const app = await setUp(fake, () => clock);
    await app.sweep();
    expect(fake.merges).toEqual([]);
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);
    expect(publication(fake)).toContain("- GitHub vérifie encore l’absence de conflit");

    fake.pull.mergeable = true;
    clock = new Date(NOW.getTime() + 10 * 60_000);
    await app.sweep();
    expect(fake.merges).toHaveLength(1);
  });

  it("the sweep searches the installation's account only, and leaves other accounts' pull requests alone", async () => {
    const fake = publishingBlog();
    fake.isSearchLeaky = true;
    const app = await setUp(fake);
    await app.sweep();
    const search = fake.apiRequests().find((request) => request.path === "/search/issues");
    expect(search?.query.get("q")).toBe('is:pr is:open label:"publication programmée" user:betagouv');
    expect(fake.unexpected).toEqual([]);
    expect(fake.apiRequests().some((request) => request.path.includes("autre-compte"))).toBe(false);
  });

  it("a scheduled post that loses its approval loses its label", async () => {
    const fake = publishingBlog({ posts: { [SCHEDULED_POST]: cleanPost(TITLE) } });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(fake.pull.labels).toEqual([SCHEDULED_LABEL]);

    fake.review("editrice", "DISMISSED");
    await app.deliver("pull_request_review", {
      ...loadPayload("pull_request_review.submitted"),
      action: "dismissed",
    });
    expect(fake.pull.labels).toEqual([]);
    expect(publication(fake)).toContain("- 1 approbation manquante");
  });

  it("uses publish.time and publish.timezone for a date without time", async () => {
    const fake = publishingBlog({
      posts: { [SCHEDULED_POST]: cleanPost(TITLE) },
      extra: '  time: "07:30"\n  timezone: America/Montreal\n',
    });
    fake.review("editrice", "APPROVED");
    const app = await setUp(fake);
    await app.deliver("pull_request_review", loadPayload("pull_request_review.submitted"));
    expect(publication(fake)).toContain("📅 Publication programmée le mardi 12 mars à 7 h 30");
  });
});

describe("two instances of the app", () => {
  it("handling the same approval at the same time merge once, and neither reports a failure", async () => {
    const fake = publishingBlog({ extra: "  deleteBranch: true\n" });
    interceptGitHub(fake);
    const first = await createTestApp();
    const second = await createTestApp();
    await first.deliver("pull_request", loadPayload("pull_request.opened"));
    const before = summary(fake);

    fake.review("editrice", "APPROVED");
    const payload = loadPayload("pull_request_review.submitted");
    await Promise.all([
      first.deliver("pull_request_review", payload),
      second.deliver("pull_request_review", payload),
    ]);

    // Both read the pull request open and asked to merge: GitHub refused the second (405), which then
    // found it merged and reported it as published.
    expect(fake.mergeAttempts.map((attempt) => attempt.status)).toEqual([200, 405]);
    expect(fake.merges).toHaveLength(1);
    expect(fake.deletedRefs).toEqual(["bilan-atelier"]);
    expect(errorsIn(first.logs)).toEqual([]);
    expect(errorsIn(second.logs)).toEqual([]);
    expect(summary(fake)).not.toBe(before);
    expect(publication(fake)).toContain(
      "✅ Publié\u00a0: fusion `squash` du commit `9f4e2c7`. Branche `bilan-atelier` supprimée.",
    );
  });

  it("sweeping at the same time merge a due post once", async () => {
    const fake = publishingBlog();
    // Reviewed, approved and labelled earlier: the sweeps find it through the search API.
    fake.review("editrice", "APPROVED");
    fake.pull.labels = [SCHEDULED_LABEL];
    fake.issueComments = [botSummary("<!-- relecteur:summary -->\n## Relecture éditoriale\n")];
    interceptGitHub(fake);
    const first = await createTestApp();
    const second = await createTestApp();

    await Promise.all([first.sweep(), second.sweep()]);
    expect(fake.mergeAttempts.map((attempt) => attempt.status)).toEqual([200, 405]);
    expect(fake.merges).toHaveLength(1);
    expect(fake.pull.labels).toEqual([]);
    expect(errorsIn(first.logs)).toEqual([]);
    expect(errorsIn(second.logs)).toEqual([]);
    expect(publication(fake)).toContain("✅ Publié");
  });
});
