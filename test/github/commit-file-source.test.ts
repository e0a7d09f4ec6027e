import { LRUCache } from "lru-cache";
import { afterEach, describe, expect, it } from "vitest";
import { BATCH_BYTES, BATCH_SIZE, MIN_BATCH } from "../../src/github/blob-batches.js";
import { type BlobCache, openCommitFileSource } from "../../src/github/commit-file-source.js";
import { RelecteurOctokit } from "../../src/github/resilient-octokit.js";
import { PreviewSite } from "../../src/preview/preview-site.js";
import { blogRepository, HEAD_SHA } from "../app/blog.js";
import { blobSha, FakeGitHub } from "../app/fake-github.js";
import { type FakeGitHubServer, serveFakeGitHub } from "../app/fake-github-server.js";

/**
 * A commit's files read for the preview: text files in GraphQL batches, through a local GitHub Enterprise
 * Server stand-in (REST under `/api/v3`, GraphQL at `/api/graphql`), with REST whenever GraphQL cannot
 * give a file exactly.
 */

const AUTHORS = 150;
const POST = "_posts/2024-03-05-equipe.md";

function authorsSite(extraFiles: Record<string, string | Uint8Array> = {}): FakeGitHub {
  const files: Record<string, string | Uint8Array> = {
    "_config.yml": "title: Le blog\ncollections:\n  authors:\n    output: false\n",
    "_layouts/post.html":
      "<h1>{{ page.title }}</h1>{{ content }}<ul>{% for author in site.authors %}<li>{{ author.fullname }}</li>{% endfor %}</ul>\n",
    ...extraFiles,
  };
  for (let index = 0; index < AUTHORS; index++) {
    files[`_authors/auteur-${index}.md`] = `---\nfullname: Autrice n° ${index}\n---\nBiographie ${index}.\n`;
  }
  return new FakeGitHub(
    blogRepository(
      { [POST]: "---\ntitle: L’équipe\nlayout: post\n---\n\nBonjour.\n" },
      { extraFiles: files },
    ),
  );
}

let server: FakeGitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(fake: FakeGitHub) {
  server = await serveFakeGitHub([fake]);
  const octokit = new RelecteurOctokit({
    baseUrl: server.baseUrl,
    auth: "ghs_test",
    authStrategy: undefined,
    requestPolicy: { sleep: async () => {} },
  });
  const blobs: BlobCache = new LRUCache({
    maxSize: 50_000_000,
    sizeCalculation: (bytes) => bytes.byteLength,
  });
  const source = await openCommitFileSource(
    octokit,
    { owner: fake.repository.owner, repo: fake.repository.repo, ref: HEAD_SHA },
    blobs,
  );
  if (!source) throw new Error("commit not found");
  return source;
}

async function renderAuthorsPage(fake: FakeGitHub): Promise<string> {
  const source = await open(fake);
  const site = await PreviewSite.open(source, { postGlobs: ["_posts/**/*.md"], now: new Date(0) });
  return (await site.renderPost(POST)).html;
}

const graphqlRequests = (fake: FakeGitHub) =>
  fake.requests.filter((request) => request.path.endsWith("/graphql"));
const restBlobReads = (fake: FakeGitHub) =>
  fake.requests.flatMap((request) => request.path.split("/git/blobs/")[1] ?? []);

describe("reading a commit's files for the preview", () => {
  it("reads a layout's collection in GraphQL batches: a handful of requests for 150 authors", async () => {
    const fake = authorsSite();
    const html = await renderAuthorsPage(fake);

    for (const index of [0, 75, AUTHORS - 1]) expect(html).toContain(`<li>Autrice n° ${index}</li>`);
    expect(graphqlRequests(fake)).toHaveLength(Math.ceil(AUTHORS / BATCH_SIZE));
    // The tree, the batches, and the few files the renderer asks for one at a time.
    expect(fake.requests.length).toBeLessThan(12);
    expect(fake.unexpected).toEqual([]);
  });

  it("cuts a batch of large files into queries of at most BATCH_BYTES", async () => {
    const large = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [
        `_data/grand-${index}.yml`,
        `n: ${index}\n${"x".repeat(100_000)}\n`,
      ]),
    );
    const fake = authorsSite(large);
    const source = await open(fake);
    const texts = await Promise.all(Object.keys(large).map((path) => source.readFile(path)));

    expect(texts.map((bytes) => Buffer.from(bytes ?? []).toString("utf8"))).toEqual(Object.values(large));
    expect(graphqlRequests(fake)).toHaveLength(Math.ceil((30 * 100_000) / BATCH_BYTES));
    expect(restBlobReads(fake)).toEqual([]);
  });

  it("reads through REST the blobs GraphQL gives no exact text for: binary, truncated, not UTF-8", async () => {
    const latin1 = Buffer.from("---\nfullname: Zoé\n---\n", "latin1");
    const long = `---\nfullname: Longue\n---\n${"é".repeat(600)}\n`;
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const fake = authorsSite({
      "_authors/zoe.md": latin1,
      "_authors/longue.md": long,
      "img/logo.png": image,
    });
    fake.graphqlMaxTextBytes = 1000;
    const source = await open(fake);

    // Read together with enough authors for a batch.
    const authors = Array.from({ length: MIN_BATCH }, (_, index) => `_authors/auteur-${index}.md`);
    const [zoe, longue, logo, first] = await Promise.all(
      ["_authors/zoe.md", "_authors/longue.md", "img/logo.png", ...authors].map((path) =>
        source.readFile(path),
      ),
    );
    expect(Buffer.from(zoe ?? []).equals(latin1)).toBe(true);
    expect(Buffer.from(longue ?? []).toString("utf8")).toBe(long);
    expect(Buffer.from(logo ?? []).equals(image)).toBe(true);
    expect(Buffer.from(first ?? []).toString("utf8")).toContain("Autrice n° 0");
    expect(graphqlRequests(fake)).toHaveLength(1);
    // The Latin-1 file (binary to GraphQL) and the truncated one again through REST; the image only there.
    expect(restBlobReads(fake).sort()).toEqual([blobSha(latin1), blobSha(long), blobSha(image)].sort());
  });

  it.each([
    ["answers 502", { status: 502, body: { message: "Server Error" } }],
    ["does not exist (a server without GraphQL)", { status: 404, body: { message: "Not Found" } }],
    ["answers with errors", { status: 200, body: { errors: [{ message: "Something went wrong" }] } }],
  ])("renders the page through REST when GraphQL %s", async (_, fault) => {
    const fake = authorsSite();
    fake.failWith("POST", /\/graphql$/, fault);
    const html = await renderAuthorsPage(fake);

    for (const index of [0, 75, AUTHORS - 1]) expect(html).toContain(`<li>Autrice n° ${index}</li>`);
    expect(graphqlRequests(fake).length).toBeGreaterThan(0);
    expect(restBlobReads(fake).length).toBeGreaterThan(AUTHORS);
  });
});
