import { posix } from "node:path";
import type { GitHubClient } from "./github-client.js";

/**
 * Text blobs read many at a time through GitHub's GraphQL API. A layout that loops over a collection (276
 * authors on beta.gouv.fr) reads hundreds of small files at once: one REST request each, they queued
 * behind each other in the client's pacing and made the preview's first view last seconds. The reads
 * asked within one turn of the event loop, when they are many (`MIN_BATCH`), go out together as one query
 * of aliased `object(oid:)` fields per `BATCH_SIZE` blobs. Whatever GraphQL cannot give exactly — a binary or truncated blob, text whose
 * UTF-8 bytes differ from the blob's size (another encoding), an object missing from the answer — and
 * every blob of a batch whose query fails (a GitHub Enterprise Server without GraphQL, a 5xx, a limit) is
 * read through REST as before: batching never makes a read worse than one REST request would.
 */

/**
 * Blobs per query, and their bytes (the tree gives each blob's size). GitHub bounds a query by the nodes
 * of its connections (500,000; a blob is no connection) and by its time (10 s): a query of small files is
 * cheap, one of large files is cut into several so that none nears the time limit. Few queries matter:
 * Octokit's throttling sends GraphQL requests one a second per installation, as it does writes, so each
 * query after the first adds a second to the page's first view.
 */
export const BATCH_SIZE = 300;
export const BATCH_BYTES = 2 * 1024 * 1024;

/**
 * Fewer reads at once go through REST, all together: with GraphQL paced a second apart, batching is worth
 * it for a collection's hundreds of files, a loss for the few templates a page reads at a time.
 */
export const MIN_BATCH = 20;

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
  /** The blob's size as the tree gives it (0 when unknown). */
  size: number;
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
): (sha: string, path: string, size?: number) => Promise<Uint8Array> {
  let waiting: Waiting[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length < MIN_BATCH) return void settle(batch, readRest);
    for (const part of batches(batch)) void readBatch(octokit, repository, part, readRest);
  };
  return (sha, path, size = 0) => {
    if (BINARY_EXTENSIONS.has(posix.extname(path).toLowerCase()) || !isObjectId(sha)) return readRest(sha);
    return new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ sha, size, resolve, reject });
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

/** The reads cut into queries of at most `BATCH_SIZE` blobs and `BATCH_BYTES` bytes (a larger blob alone). */
function batches(reads: readonly Waiting[]): Waiting[][] {
  const parts: Waiting[][] = [];
  let part: Waiting[] = [];
  let bytes = 0;
  for (const read of reads) {
    if (part.length > 0 && (part.length >= BATCH_SIZE || bytes + read.size > BATCH_BYTES)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(read);
    bytes += read.size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
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
