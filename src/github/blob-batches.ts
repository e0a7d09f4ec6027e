import { posix } from "node:path";
import type { GitHubClient } from "./github-client.js";

/**
 * Text blobs read many at a time through GitHub's GraphQL API. A layout that loops over a collection (276
 * authors on beta.gouv.fr) reads hundreds of small files at once: one REST request each, they queued
 * behind each other in the client's pacing and made the preview's first view last seconds. The reads
 * asked within one turn of the event loop go out together as one query of aliased `object(oid:)` fields
 * per `BATCH_SIZE` blobs. Whatever GraphQL cannot give exactly — a binary or truncated blob, text whose
 * UTF-8 bytes differ from the blob's size (another encoding), an object missing from the answer — and
 * every blob of a batch whose query fails (a GitHub Enterprise Server without GraphQL, a 5xx, a limit) is
 * read through REST as before: batching never makes a read worse than one REST request would.
 */

/** GitHub's limits allow more nodes, but a larger query costs more and a slow one holds every read in it. */
export const BATCH_SIZE = 100;

/** Files read as bytes (images, fonts, archives): GraphQL gives no text for them, REST is asked at once. */
const BINARY_EXTENSIONS = new Set(
  [
    ...["png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "heic", "psd"],
    ...["woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "gz", "tgz", "mp3", "mp4", "webm", "mov"],
  ].map((extension) => `.${extension}`),
);

export interface BlobRepository {
  owner: string;
  repo: string;
}

/** Reads one blob's bytes by its sha, through REST. */
export type RestBlobRead = (sha: string) => Promise<Uint8Array>;

interface Waiting {
  sha: string;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: unknown) => void;
}

interface BlobFields {
  text: string | null;
  isBinary: boolean;
  isTruncated: boolean;
  byteSize: number;
}

/**
 * A blob reader that batches text files through GraphQL and reads the others, and whatever GraphQL could
 * not give, through `readRest`. A sha is expected once: callers keep their own map of reads under way.
 */
export function batchedBlobReader(
  octokit: GitHubClient,
  repository: BlobRepository,
  readRest: RestBlobRead,
): (sha: string, path: string) => Promise<Uint8Array> {
  let waiting: Waiting[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    // One file alone gains nothing from GraphQL: REST, which every stand-in and installation has.
    if (batch.length === 1) return void settle(batch, readRest);
    for (let start = 0; start < batch.length; start += BATCH_SIZE) {
      void readBatch(octokit, repository, batch.slice(start, start + BATCH_SIZE), readRest);
    }
  };
  return (sha, path) => {
    if (BINARY_EXTENSIONS.has(posix.extname(path).toLowerCase()) || !isObjectId(sha)) return readRest(sha);
    return new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ sha, resolve, reject });
    });
  };
}

async function readBatch(
  octokit: GitHubClient,
  repository: BlobRepository,
  batch: Waiting[],
  readRest: RestBlobRead,
): Promise<void> {
  let found: Record<string, BlobFields | null> | undefined;
  try {
    const data = await octokit.graphql<{ repository: Record<string, BlobFields | null> | null }>(
      batchQuery(batch.map((item) => item.sha)),
      { owner: repository.owner, name: repository.repo },
    );
    found = data.repository ?? undefined;
  } catch (error) {
    // GraphQL unavailable or failing: what it did not give is read as before GraphQL, through REST. An
    // answer with errors may still carry the blobs it could read (Octokit keeps them in `data`).
    found =
      (error as { data?: { repository?: Record<string, BlobFields | null> | null } }).data?.repository ??
      undefined;
  }
  const left: Waiting[] = [];
  batch.forEach((item, index) => {
    const bytes = exactBytes(found?.[`b${index}`]);
    if (bytes) item.resolve(bytes);
    else left.push(item);
  });
  settle(left, readRest);
}

function settle(items: readonly Waiting[], readRest: RestBlobRead): void {
  for (const item of items) readRest(item.sha).then(item.resolve, item.reject);
}

/** The blob's bytes when its GraphQL text is the whole blob, byte for byte; undefined otherwise. */
function exactBytes(blob: BlobFields | null | undefined): Uint8Array | undefined {
  if (!blob || blob.isBinary || blob.isTruncated || typeof blob.text !== "string") return undefined;
  const buffer = Buffer.from(blob.text, "utf8");
  if (buffer.byteLength !== blob.byteSize) return undefined;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The shas are written into the query: checked as hexadecimal object ids (SHA-1 or SHA-256) first. */
function isObjectId(sha: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha);
}

export function batchQuery(shas: readonly string[]): string {
  const objects = shas.map(
    (sha, index) => `b${index}: object(oid: "${sha}") { ... on Blob { text isBinary isTruncated byteSize } }`,
  );
  return `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${objects.join(" ")} } }`;
}
