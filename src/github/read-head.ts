import { buildCommitSite, type PostBytes } from "../site/commit-site.js";
import type { Site } from "../site/site.js";
import { blobBytes, type ReviewSession } from "./github-client.js";

export type { PostBytes };

export interface HeadSnapshot {
  site: Site;
  /** The changed posts, in the order asked; a path missing from the head tree is left out. */
  posts: PostBytes[];
  /** The changed posts' texts, decoded as UTF-8, by path. */
  texts: ReadonlyMap<string, string>;
}

/** Blobs fetched at once: enough to hide latency, few enough to stay clear of secondary rate limits. */
const BLOB_CONCURRENCY = 8;

/**
 * Reads the site at the pull request's head through the API only: one recursive tree of the head commit
 * (every path, for authors, images and internal links), then the blobs of the changed posts and of
 * `_config.yml`. Nothing is cloned, and a fork is read through the base repository, which GitHub gives
 * the fork's commits to: the app needs no access to the fork.
 */
export async function readHead(
  session: ReviewSession,
  postPaths: readonly string[],
  postGlobs: readonly string[],
): Promise<HeadSnapshot> {
  const { octokit, target, log } = session;
  const { data: tree } = await octokit.rest.git.getTree({
    owner: target.owner,
    repo: target.repo,
    tree_sha: target.headSha,
    recursive: "true",
  });
  if (tree.truncated) {
    // Over 100,000 entries: the site model misses files, so some internal links may look dead.
    log.warn({ entries: tree.tree.length }, "the head tree is truncated; the site model is partial");
  }
  const blobShas = new Map<string, string>();
  for (const entry of tree.tree) {
    if (entry.type === "blob" && entry.path && entry.sha) blobShas.set(entry.path, entry.sha);
  }
  const wanted = ["_config.yml", ...postPaths].filter((path) => blobShas.has(path));
  const contents = new Map(
    await mapWithConcurrency(wanted, BLOB_CONCURRENCY, async (path) => {
      const { data } = await octokit.rest.git.getBlob({
        owner: target.owner,
        repo: target.repo,
        file_sha: blobShas.get(path) ?? "",
      });
      return [path, blobBytes(data)] as const;
    }),
  );
  const posts = postPaths.flatMap((path) => {
    const bytes = contents.get(path);
    return bytes ? [{ path, bytes }] : [];
  });
  const { site, texts } = buildCommitSite({
    files: [...blobShas.keys()],
    configBytes: contents.get("_config.yml"),
    posts,
    postGlobs,
  });
  return { site, posts, texts };
}

async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
