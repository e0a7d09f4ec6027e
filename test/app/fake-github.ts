import { createHash } from "node:crypto";
import { answerGraphql } from "./fake-graphql.js";

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
  /** Never answered: the request hangs until the client gives up. */
  hang?: boolean;
}

/** What a faulty route answers: an error response, or nothing at all. */
export type FakeFault = { status: number; body?: unknown; headers?: Record<string, string> } | "hang";

/** What `GET /pulls/:n` says beyond the head, for the publishing tests. */
export interface FakePullState {
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergeable: boolean | null;
  labels: string[];
  author: string;
  title: string;
  headRef: string;
  /** The repository of the head branch: the base's id for a branch of the same repository. */
  headRepoId: number;
}

export interface FakeReview {
  id: number;
  user: { login: string };
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  commit_id: string;
  submitted_at: string;
}

export interface FakeCheckRunOfOthers {
  name: string;
  head_sha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
}

export interface FakeStatus {
  sha: string;
  context: string;
  state: "success" | "pending" | "failure" | "error";
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
  /** Every file of the head commit (images as bytes). */
  headFiles: Record<string, string | Uint8Array>;
  /** Other repositories' files at a ref (`owner/repo@ref` → files): a remote theme. */
  otherTrees?: Record<string, Record<string, string | Uint8Array>>;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** GitHub cuts a large blob's GraphQL `text`; tests lower the limit to see it. */
  graphqlMaxTextBytes: number | undefined;
  readonly unexpected: string[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly reviews: { commit_id: string; event: string; body?: string; commentCount: number }[] = [];
  reviewComments: ReviewComment[] = [];
  issueComments: IssueComment[] = [];
  /** Publishing state: the pull request, its reviews, others' checks, statuses, permissions. */
  pull: FakePullState;
  pullReviews: FakeReview[] = [];
  otherCheckRuns: FakeCheckRunOfOthers[] = [];
  /** Check suites of other apps that have no check run (Actions waiting for approval). */
  otherCheckSuites: {
    head_sha: string;
    app: { slug: string; name: string };
    status: string;
    conclusion: string | null;
  }[] = [];
  statuses: FakeStatus[] = [];
  /** `role_name` of each collaborator; anyone else is not a collaborator (404). */
  permissions: Record<string, "admin" | "maintain" | "write" | "triage" | "read"> = {};
  /** Successful merges, as asked. */
  readonly merges: { sha: string; merge_method: string; commit_title: string }[] = [];
  /** Every merge request, refused ones included. */
  readonly mergeAttempts: { sha: string; status: number }[] = [];
  readonly deletedRefs: string[] = [];
  /** GitHub does not list a fork's head commit among the commit's pull requests: only `GET /pulls` finds it. */
  isHeadInFork = false;
  /** A search that also answers a public pull request of another account, as GitHub's search can. */
  isSearchLeaky = false;
  /** `changed_files` when it is not the number of listed files (GitHub lists 3,000 at most). */
  changedFileCount: number | undefined;
  private nextId = 1000;
  private faults: { method: string; path: RegExp; fault: FakeFault; times: number }[] = [];
  /** A review comment GitHub would refuse (a line outside the diff, say). */
  refuseComment: (comment: { path: string; line: number; body: string }) => boolean = () => false;
  /** Called when a request is left hanging. */
  onHang: () => void = () => {};
  /** `private` of the repository, as `GET /repos/:owner/:repo` and a pull request's base say. */
  isPrivate = false;
  /** Called before answering each request: the stale-review test moves the head from here. */
  onRequest: (request: RecordedRequest) => void = () => {};

  constructor(readonly repository: FakeRepository) {
    this.pull = {
      state: "open",
      draft: false,
      merged: false,
      mergeable: true,
      labels: [],
      author: "jdupont",
      title: "Nouvel article",
      headRef: "bilan-atelier",
      headRepoId: repository.repoId,
    };
  }

  /** Adds a review of `commit` (the current head by default), submitted after every earlier one. */
  review(login: string, state: FakeReview["state"], commit = this.repository.headSha): void {
    const id = this.nextId++;
    const submitted = new Date(Date.UTC(2024, 0, 1) + id * 1000).toISOString();
    this.pullReviews.push({ id, user: { login }, state, commit_id: commit, submitted_at: submitted });
  }

  /** The next `times` requests matching answer `status`. */
  fail(method: string, path: RegExp, status: number, times = 1): void {
    this.faults.push({ method, path, fault: { status, body: { message: "Server Error" } }, times });
  }

  /** The next `times` requests matching get `fault` (every one, by default). */
  failWith(method: string, path: RegExp, fault: FakeFault, times = Number.POSITIVE_INFINITY): void {
    this.faults.push({ method, path, fault, times });
  }

  /** Removes every fault: GitHub is well again. */
  heal(): void {
    this.faults = [];
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
      if (fault.fault !== "hang") return fault.fault;
      this.onHang();
      return { status: 0, hang: true };
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
    if (key === `GET ${base}`) {
      return {
        status: 200,
        body: {
          id: this.repository.repoId,
          name: repo,
          full_name: `${owner}/${repo}`,
          private: this.isPrivate,
          html_url: `https://github.com/${owner}/${repo}`,
          default_branch: "main",
        },
      };
    }
    // GitHub.com serves GraphQL at `/graphql`, a GitHub Enterprise Server at `/api/graphql`.
    if (method === "POST" && (path === "/graphql" || path === "/api/graphql")) {
      return answerGraphql(body, {
        blobsOf: (owner, name) => this.blobsOf(owner, name),
        maxTextBytes: this.graphqlMaxTextBytes,
      });
    }
    const otherTree = /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/(.+)$/.exec(path);
    const otherFiles =
      otherTree && this.repository.otherTrees?.[`${otherTree[1]}/${otherTree[2]}@${otherTree[3]}`];
    if (method === "GET" && otherFiles) return this.treeOf(otherTree[3] ?? "", otherFiles);
    const otherBlob = /^\/repos\/([^/]+)\/([^/]+)\/git\/blobs\/(\w+)$/.exec(path);
    if (method === "GET" && otherBlob && `${otherBlob[1]}/${otherBlob[2]}` !== `${owner}/${repo}`) {
      const files = Object.entries(this.repository.otherTrees ?? {})
        .filter(([name]) => name.startsWith(`${otherBlob[1]}/${otherBlob[2]}@`))
        .flatMap(([, tree]) => Object.values(tree));
      return this.blobOf(otherBlob[3] ?? "", files);
    }
    if (key === `GET ${base}/pulls/${pullNumber}/files`) return this.page(this.repository.pullFiles, query);
    if (key === `GET ${base}/pulls/${pullNumber}`) return { status: 200, body: this.pullBody() };
    if (key === `GET ${base}/pulls`) {
      const open =
        query.get("state") === "open" ? [this.pullBody()].filter((pull) => pull.state === "open") : [];
      return this.page(open, query);
    }
    if (key === `GET ${base}/pulls/${pullNumber}/reviews`) return this.page(this.pullReviews, query);
    if (key === `PUT ${base}/pulls/${pullNumber}/merge`) return this.merge(body);
    const permission = path.match(new RegExp(`^${base}/collaborators/([^/]+)/permission$`));
    if (method === "GET" && permission) {
      const role = this.permissions[permission[1] ?? ""];
      if (role === undefined) return { status: 404, body: { message: "Not Found" } };
      const folded = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return { status: 200, body: { permission: folded, role_name: role, user: { login: permission[1] } } };
    }
    const checkRunsOfRef = path.match(new RegExp(`^${base}/commits/(\\w+)/check-runs$`));
    if (method === "GET" && checkRunsOfRef) return this.checkRunsOf(checkRunsOfRef[1] ?? "", query);
    const suitesOfRef = path.match(new RegExp(`^${base}/commits/(\\w+)/check-suites$`));
    if (method === "GET" && suitesOfRef) {
      const suites = this.otherCheckSuites
        .filter((suite) => suite.head_sha === suitesOfRef[1])
        .map((suite, index) => ({ id: 7000 + index, latest_check_runs_count: 0, ...suite }));
      const page = this.page(suites, query);
      return { ...page, body: { total_count: suites.length, check_suites: page.body } };
    }
    const statusesOfRef = path.match(new RegExp(`^${base}/commits/(\\w+)/statuses$`));
    if (method === "GET" && statusesOfRef) {
      // Newest first, as GitHub lists them.
      const statuses = this.statuses.filter((status) => status.sha === statusesOfRef[1]).reverse();
      return this.page(statuses, query);
    }
    const ref = path.match(new RegExp(`^${base}/git/refs/heads/(.+)$`));
    if (method === "DELETE" && ref) {
      if (ref[1] !== this.pull.headRef || this.deletedRefs.includes(ref[1])) {
        return { status: 422, body: { message: "Reference does not exist" } };
      }
      this.deletedRefs.push(ref[1]);
      return { status: 204 };
    }
    if (key === `POST ${base}/issues/${pullNumber}/labels`) {
      for (const label of (body.labels ?? []) as string[]) {
        if (!this.pull.labels.includes(label)) this.pull.labels.push(label);
      }
      return { status: 200, body: this.pull.labels.map((name) => ({ name })) };
    }
    const label = path.match(new RegExp(`^${base}/issues/${pullNumber}/labels/(.+)$`));
    if (method === "DELETE" && label) {
      if (!this.pull.labels.includes(label[1] ?? ""))
        return { status: 404, body: { message: "Label does not exist" } };
      this.pull.labels = this.pull.labels.filter((name) => name !== label[1]);
      return { status: 200, body: this.pull.labels.map((name) => ({ name })) };
    }
    if (key === "GET /installation/repositories") {
      const repository = { id: this.repository.repoId, name: repo, owner: { login: owner } };
      return { status: 200, body: { total_count: 1, repositories: [repository] } };
    }
    if (key === "GET /app") return { status: 200, body: { id: 1, slug: "relecteur", name: "Relecteur" } };
    if (key === "GET /app/installations") {
      return {
        status: 200,
        body: [{ id: INSTALLATION_ID, account: { login: owner, type: "Organization" } }],
      };
    }
    if (key === "GET /search/issues") return this.search(query);
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
    const content = path.match(new RegExp(`^${base}/contents/(.+)$`));
    if (method === "GET" && content && query.get("ref") === this.repository.headSha) {
      const text = this.repository.headFiles[content[1] ?? ""];
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
      const isHead = commitPulls[1] === this.repository.headSha && !this.isHeadInFork;
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

  private pullBody() {
    const { repoId, pullNumber, headSha } = this.repository;
    return {
      number: pullNumber,
      state: this.pull.state,
      draft: this.pull.draft,
      merged: this.pull.merged,
      mergeable: this.pull.state === "open" ? this.pull.mergeable : null,
      merge_commit_sha: this.pull.merged ? "c0ffee0000000000000000000000000000000000" : null,
      title: this.pull.title,
      changed_files: this.changedFileCount ?? this.repository.pullFiles.length,
      user: { login: this.pull.author },
      labels: this.pull.labels.map((name, index) => ({ id: index + 1, name })),
      head: { sha: headSha, ref: this.pull.headRef, repo: { id: this.pull.headRepoId } },
      base: { ref: "main", repo: { id: repoId, private: this.isPrivate } },
    };
  }

  /** GitHub's rules, in its order: a closed pull request, a moved head, a conflict. */
  private merge(body: Record<string, unknown>): FakeResponse {
    const sha = String(body.sha ?? "");
    const refuse = (status: number, message: string): FakeResponse => {
      this.mergeAttempts.push({ sha, status });
      return { status, body: { message } };
    };
    if (this.pull.state !== "open") return refuse(405, "Pull Request is not mergeable");
    if (sha !== this.repository.headSha) {
      return refuse(409, "Head branch was modified. Review and try the merge again.");
    }
    if (this.pull.mergeable === false) return refuse(405, "Pull Request is not mergeable");
    this.mergeAttempts.push({ sha, status: 200 });
    this.merges.push({
      sha,
      merge_method: String(body.merge_method ?? "merge"),
      commit_title: String(body.commit_title ?? ""),
    });
    this.pull.state = "closed";
    this.pull.merged = true;
    return {
      status: 200,
      body: {
        sha: "c0ffee0000000000000000000000000000000000",
        merged: true,
        message: "Pull Request successfully merged",
      },
    };
  }

  /**
   * Relecteur's own check runs (the latest of each name, or all with `filter=all`) and the others', on one
   * commit; `check_name` and `app_id` filter them as GitHub does.
   */
  private checkRunsOf(sha: string, query: URLSearchParams): FakeResponse {
    const latest = new Map<string, CheckRun>();
    const onCommit = this.checkRuns.filter((item) => item.head_sha === sha);
    for (const run of onCommit) latest.set(run.name, run);
    const own = query.get("filter") === "all" ? onCommit : [...latest.values()];
    const appId = query.get("app_id");
    const name = query.get("check_name");
    const runs = [
      ...own.map((run) => ({
        id: run.id,
        name: run.name,
        head_sha: run.head_sha,
        status: run.status,
        conclusion: run.conclusion ?? null,
        app: { id: 1, slug: "relecteur" },
      })),
      ...this.otherCheckRuns
        .filter((run) => run.head_sha === sha)
        .map((run, index) => ({ id: 9000 + index, ...run, app: { id: 2, slug: "ci" } })),
    ].filter(
      (run) => (appId === null || String(run.app.id) === appId) && (name === null || run.name === name),
    );
    const page = this.page(runs, query);
    return { ...page, body: { total_count: runs.length, check_runs: page.body } };
  }

  private search(query: URLSearchParams): FakeResponse {
    const q = query.get("q") ?? "";
    const label = /label:"([^"]+)"/.exec(q)?.[1];
    const user = /user:(\S+)/.exec(q)?.[1];
    const matches =
      user === this.repository.owner &&
      q.includes("is:pr") &&
      q.includes("is:open") &&
      this.pull.state === "open" &&
      label !== undefined &&
      this.pull.labels.includes(label);
    const { owner, repo, pullNumber } = this.repository;
    const items = matches
      ? [
          {
            number: pullNumber,
            repository_url: `https://api.github.com/repos/${owner}/${repo}`,
            pull_request: { url: `https://api.github.com/repos/${owner}/${repo}/pulls/${pullNumber}` },
          },
        ]
      : [];
    if (this.isSearchLeaky) {
      items.push({
        number: 3,
        repository_url: "https://api.github.com/repos/autre-compte/site",
        pull_request: { url: "https://api.github.com/repos/autre-compte/site/pulls/3" },
      });
    }
    return { status: 200, body: { total_count: items.length, incomplete_results: false, items } };
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
    return this.treeOf(sha, this.repository.headFiles);
  }

  private treeOf(sha: string, files: Record<string, string | Uint8Array>): FakeResponse {
    const entries = Object.entries(files).map(([path, content]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha: blobSha(content),
      size: Buffer.byteLength(content),
    }));
    return { status: 200, body: { sha, tree: entries, truncated: false } };
  }

  /** The blobs of this repository's head, or of another one's trees (a remote theme), by sha. */
  private blobsOf(owner: string, name: string): ((sha: string) => Uint8Array | undefined) | undefined {
    const files =
      `${owner}/${name}` === `${this.repository.owner}/${this.repository.repo}`
        ? Object.values(this.repository.headFiles)
        : Object.entries(this.repository.otherTrees ?? {})
            .filter(([tree]) => tree.startsWith(`${owner}/${name}@`))
            .flatMap(([, tree]) => Object.values(tree));
    if (files.length === 0) return undefined;
    return (sha) => {
      const content = files.find((file) => blobSha(file) === sha);
      return content === undefined ? undefined : Buffer.from(content);
    };
  }

  private blob(sha: string): FakeResponse {
    return this.blobOf(sha, Object.values(this.repository.headFiles));
  }

  private blobOf(sha: string, files: readonly (string | Uint8Array)[]): FakeResponse {
    const content = files.find((text) => blobSha(text) === sha);
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
    if (body.conclusion) run.conclusion = String(body.conclusion);
    const output = body.output as CheckRun["output"] | undefined;
    if (output) run.output = { title: output.title, summary: output.summary };
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

export function blobSha(content: string | Uint8Array): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** A unified diff that adds every line of `text`: what GitHub shows for a new file. */
export function addedFilePatch(text: string): string {
  const lines = text.replace(/\n$/, "").split("\n");
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n");
}
