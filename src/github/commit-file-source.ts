import type { LRUCache } from "lru-cache";
import { filesUnder, type SiteFileSource, sitePath } from "../preview/file-source.js";
import { batchedBlobReader } from "./blob-batches.js";
import { blobBytes, type GitHubClient, httpStatusOf } from "./github-client.js";

/** A repository at one commit (or ref, for a remote theme). */
export interface CommitRef {
  owner: string;
  repo: string;
  /** A commit sha, or any ref GitHub's tree API accepts (a branch, a tag). */
  ref: string;
}

/** Blobs by their sha: the same file in two commits (or two repositories) is read and kept once. */
export type BlobCache = LRUCache<string, Uint8Array>;

export interface CommitFileSource extends SiteFileSource {
  /** Bytes of the blobs this source has read so far (for the cache's budget). */
  bytesRead(): number;
  /** Whether GitHub cut the tree short (over 100,000 entries): some files are then missing. */
  truncated: boolean;
}

/**
 * A commit's files as the renderer reads them, through the API only: the recursive tree lists every path
 * (one request), a blob is fetched the first time it is read (text files read together, in GraphQL batches:
 * see blob-batches.ts). Undefined when the commit does not exist
 * (any more: a force-push, a deleted fork).
 */
export async function openCommitFileSource(
  octokit: GitHubClient,
  commit: CommitRef,
  blobs: BlobCache,
): Promise<CommitFileSource | undefined> {
  let tree: Awaited<ReturnType<GitHubClient["rest"]["git"]["getTree"]>>["data"];
  try {
    ({ data: tree } = await octokit.rest.git.getTree({
      owner: commit.owner,
      repo: commit.repo,
      tree_sha: commit.ref,
      recursive: "true",
    }));
  } catch (error) {
    // 422: the sha is not a tree-ish of this repository (GitHub answers so for an unknown commit).
    if (httpStatusOf(error) === 404 || httpStatusOf(error) === 422) return undefined;
    throw error;
  }
  const shas = new Map<string, string>();
  const sizes = new Map<string, number>();
  for (const entry of tree.tree) {
    if (entry.type === "blob" && entry.path && entry.sha) {
      shas.set(entry.path, entry.sha);
      sizes.set(entry.sha, entry.size ?? 0);
    }
  }
  const paths = [...shas.keys()];
  const reading = new Map<string, Promise<Uint8Array>>();
  let bytesRead = 0;
  const readRest = (sha: string) =>
    octokit.rest.git
      .getBlob({ owner: commit.owner, repo: commit.repo, file_sha: sha })
      .then(({ data }) => blobBytes(data));
  const read = batchedBlobReader(octokit, commit, readRest);
  const readBlob = (sha: string, path: string): Promise<Uint8Array> => {
    const cached = blobs.get(sha);
    if (cached) return Promise.resolve(cached);
    let pending = reading.get(sha);
    if (!pending) {
      pending = read(sha, path, sizes.get(sha))
        .then((bytes) => {
          bytesRead += bytes.byteLength;
          blobs.set(sha, bytes);
          return bytes;
        })
        .finally(() => reading.delete(sha));
      reading.set(sha, pending);
    }
    return pending;
  };
  return {
    truncated: tree.truncated,
    bytesRead: () => bytesRead,
    readFile: async (path) => {
      const key = sitePath(path);
      const sha = key === undefined ? undefined : shas.get(key);
      return sha === undefined || key === undefined ? undefined : readBlob(sha, key);
    },
    list: async (folder) => filesUnder(paths, folder),
  };
}
