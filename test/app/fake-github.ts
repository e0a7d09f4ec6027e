import { createHash } from "node:crypto";

/**
 * A small in-memory GitHub: one repository, one pull request, and the REST routes a review uses. Tests
 * plug it into nock (test/app/probot-harness.ts) or into a local HTTP server (the end-to-end test), and
 * assert on the state it ends in (check runs, reviews, comments) rather than on call shapes.
 */

export interface PullFile {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed" | "copied" | "changed" | "unchanged";
  patch?: string;
}

export interface ReviewComment {
  id: number;
  user: { login: string; type: string };
  body: string;
  path: string;
  line: number;
  side: string;
  commit_id: string;
  in_reply_to_id?: number;
}

export interface IssueComment {
  id: number;
  user: { login: string; type: string };
  body: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title: string; summary: string };
  annotations: {
    path: string;
    start_line: number;
    message: string;
    annotation_level: string;
    title?: string;
  }[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const BOT_LOGIN = "relecteur[bot]";
export const INSTALLATION_ID = 4242;

export interface FakeRepository {
  owner: string;
  repo: string;
  repoId: number;
  pullNumber: number;
  /** The pull request's current head, as `GET /pulls/:n` says. */
  headSha: string;
  /** `.github/relecteur.yml` on the default branch; undefined: no such file. */
  configText?: string;
  /** The pull request's files, as `GET /pulls/:n/files` lists them. */
  pullFiles: PullFile[];
  /** Every file of the head commit. */
  headFiles: Record<string, string>;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: string[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly reviews: { commit_id: string; event: string; body?: string; commentCount: number }[] = [];
  reviewComments: ReviewComment[] = [];
  issueComments: IssueComment[] = [];
  private nextId = 1000;
  private faults: { method: string; path: RegExp; status: number; times: number }[] = [];
  /** A review comment GitHub would refuse (a line outside the diff, say). */
  refuseComment: (comment: { path: string; line: number; body: string }) => boolean = () => false;
  /** Called before answering each request: the stale-review test moves the head from here. */
  onRequest: (request: RecordedRequest) => void = () => {};

  constructor(readonly repository: FakeRepository) {}

  /** The next `times` requests matching answer `status`. */
  fail(method: string, path: RegExp, status: number, times = 1): void {
    this.faults.push({ method, path, status, times });
  }

  /** Requests to the REST API, the installation token apart. */
  apiRequests(): RecordedRequest[] {
    return this.requests.filter((request) => !request.path.endsWith("/access_tokens"));
  }

  handle(method: string, url: string, body: unknown): FakeResponse {
    const parsed = new URL(url, "http://fake.invalid");
    // Octokit escapes `/` inside `{path}` parameters; routes are matched on the decoded path.
    const path = decodeURIComponent(parsed.pathname.replace(/^\/api\/v3/, ""));
    const request = { method, path, query: parsed.searchParams };
    this.requests.push(request);
    this.onRequest(request);
    const fault = this.faults.find(
      (item) => item.method === method && item.path.test(path) && item.times > 0,
    );
    if (fault) {
      fault.times--;
      return { status: fault.status, body: { message: "Server Error" } };
    }
    const response = this.route(method, path, parsed.searchParams, (body ?? {}) as Record<string, unknown>);
    if (!response) {
      this.unexpected.push(`${method} ${path}`);
      return { status: 404, body: { message: "Not Found" } };
    }
    return response;
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): FakeResponse | undefined {
    const { owner, repo, pullNumber } = this.repository;
    const base = `/repos/${owner}/${repo}`;
    const key = `${method} ${path}`;
    if (key === `POST /app/installations/${INSTALLATION_ID}/access_tokens`) {
      return {
        status: 201,
        body: { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z", permissions: {} },
      };
    }
    if (key === `GET ${base}/pulls/${pullNumber}/files`) return this.page(this.repository.pullFiles, query);
    if (key === `GET ${base}/pulls/${pullNumber}`) {
      return {
        status: 200,
        body: { number: pullNumber, state: "open", head: { sha: this.repository.headSha } },
      };
    }
    if (key === `GET ${base}/contents/.github/relecteur.yml`) {
      const text = this.repository.configText;
      return text === undefined
        ? { status: 404, body: { message: "Not Found" } }
        : {
            status: 200,
            body: text,
            headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
          };
    }
    if (key === `GET /repos/${owner}/.github/contents/.github/relecteur.yml`) {
      return { status: 404, body: { message: "Not Found" } };
    }
    const tree = path.match(new RegExp(`^${base}/git/trees/(\\w+)$`));
    if (method === "GET" && tree) return this.tree(tree[1] ?? "", query);
    const blob = path.match(new RegExp(`^${base}/git/blobs/(\\w+)$`));
    if (method === "GET" && blob) return this.blob(blob[1] ?? "");
    if (key === `POST ${base}/check-runs`) return this.createCheckRun(body);
    const checkRun = path.match(new RegExp(`^${base}/check-runs/(\\d+)$`));
    if (method === "PATCH" && checkRun) return this.updateCheckRun(Number(checkRun[1]), body);
    if (key === `GET ${base}/pulls/${pullNumber}/comments`) return this.page(this.reviewComments, query);
    if (key === `POST ${base}/pulls/${pullNumber}/reviews`) return this.createReview(body);
    if (key === `POST ${base}/pulls/${pullNumber}/comments`) return this.createReviewComment(body);
    const reviewComment = path.match(new RegExp(`^${base}/pulls/comments/(\\d+)$`));
    if (method === "DELETE" && reviewComment) {
      this.reviewComments = this.reviewComments.filter((comment) => comment.id !== Number(reviewComment[1]));
      return { status: 204 };
    }
    if (key === `GET ${base}/issues/${pullNumber}/comments`) return this.page(this.issueComments, query);
    if (key === `POST ${base}/issues/${pullNumber}/comments`) {
      const comment = { id: this.nextId++, user: bot(), body: String(body.body) };
      this.issueComments.push(comment);
      return { status: 201, body: comment };
    }
    const issueComment = path.match(new RegExp(`^${base}/issues/comments/(\\d+)$`));
    if (method === "PATCH" && issueComment) {
      const comment = this.issueComments.find((item) => item.id === Number(issueComment[1]));
      if (!comment) return { status: 404, body: { message: "Not Found" } };
      comment.body = String(body.body);
      return { status: 200, body: comment };
    }
    const commitPulls = path.match(new RegExp(`^${base}/commits/(\\w+)/pulls$`));
    if (method === "GET" && commitPulls) {
      const isHead = commitPulls[1] === this.repository.headSha;
      return {
        status: 200,
        body: isHead
          ? [
              {
                number: pullNumber,
                state: "open",
                head: { sha: this.repository.headSha },
                base: { repo: { id: this.repository.repoId } },
              },
            ]
          : [],
      };
    }
    return undefined;
  }

  private page(items: readonly unknown[], query: URLSearchParams): FakeResponse {
    const perPage = Number(query.get("per_page") ?? 30);
    const page = Number(query.get("page") ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const hasNext = page * perPage < items.length;
    const headers: Record<string, string> = hasNext
      ? { link: `<https://api.github.com/fake?per_page=${perPage}&page=${page + 1}>; rel="next"` }
      : {};
    return { status: 200, body: slice, headers };
  }

  private tree(sha: string, query: URLSearchParams): FakeResponse {
    if (sha !== this.repository.headSha || query.get("recursive") !== "true")
      return { status: 404, body: {} };
    const entries = Object.entries(this.repository.headFiles).map(([path, content]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha: blobSha(content),
      size: Buffer.byteLength(content),
    }));
    return { status: 200, body: { sha, tree: entries, truncated: false } };
  }

  private blob(sha: string): FakeResponse {
    const content = Object.values(this.repository.headFiles).find((text) => blobSha(text) === sha);
    if (content === undefined) return { status: 404, body: { message: "Not Found" } };
    return {
      status: 200,
      body: { sha, encoding: "base64", content: Buffer.from(content).toString("base64") },
    };
  }

  private createCheckRun(body: Record<string, unknown>): FakeResponse {
    const run: CheckRun = {
      id: this.nextId++,
      name: String(body.name),
      head_sha: String(body.head_sha),
      status: String(body.status ?? "queued"),
      annotations: [],
    };
    this.checkRuns.push(run);
    return { status: 201, body: { ...run, app: { id: 1, slug: "relecteur" } } };
  }

  private updateCheckRun(id: number, body: Record<string, unknown>): FakeResponse {
    const run = this.checkRuns.find((item) => item.id === id);
    if (!run) return { status: 404, body: { message: "Not Found" } };
    if (body.status) run.status = String(body.status);
    if (body.conclusion) {
      run.conclusion = String(body.conclusion);
      run.status = "completed";
    }
    const output = body.output as
      | (CheckRun["output"] & { annotations?: CheckRun["annotations"] })
      | undefined;
    if (output) {
      run.output = { title: output.title, summary: output.summary };
      if ((output.annotations?.length ?? 0) > 50)
        return { status: 422, body: { message: "Too many annotations" } };
      run.annotations.push(...(output.annotations ?? []));
    }
    return { status: 200, body: { ...run, app: { id: 1, slug: "relecteur" } } };
  }

  private createReview(body: Record<string, unknown>): FakeResponse {
    const comments = (body.comments ?? []) as { path: string; line: number; side: string; body: string }[];
    if (comments.some((comment) => this.refuseComment(comment))) {
      return {
        status: 422,
        body: { message: "Unprocessable Entity", errors: ["Line could not be resolved"] },
      };
    }
    this.reviews.push({
      commit_id: String(body.commit_id),
      event: String(body.event),
      commentCount: comments.length,
      ...(body.body ? { body: String(body.body) } : {}),
    });
    for (const comment of comments) {
      this.reviewComments.push({
        id: this.nextId++,
        user: bot(),
        commit_id: String(body.commit_id),
        ...comment,
      });
    }
    return { status: 200, body: { id: this.nextId++, state: "COMMENTED" } };
  }

  private createReviewComment(body: Record<string, unknown>): FakeResponse {
    const comment = body as unknown as {
      path: string;
      line: number;
      side: string;
      body: string;
      commit_id: string;
    };
    if (this.refuseComment(comment)) return { status: 422, body: { message: "Unprocessable Entity" } };
    const created = { id: this.nextId++, user: bot(), ...comment };
    this.reviewComments.push(created);
    return { status: 201, body: created };
  }
}

function bot() {
  return { login: BOT_LOGIN, type: "Bot" };
}

export function blobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** A unified diff that adds every line of `text`: what GitHub shows for a new file. */
export function addedFilePatch(text: string): string {
  const lines = text.replace(/\n$/, "").split("\n");
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n");
}
