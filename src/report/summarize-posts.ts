import type { Config } from "../config/schema.js";
import { identifyPost } from "../site/post-identity.js";
import type { Site } from "../site/site.js";
import { blobUrl, type RepositoryAt } from "./blob-url.js";
import type { FileResult } from "./file-result.js";
import { type PostSummary, previewUrlFor } from "./summary-comment.js";

/**
 * Adds to each reviewed post what the summary comment shows of it: title, site URL, preview URL, and,
 * when the repository is known, the address of the file at the head, which its line numbers link to.
 */
export function summarizePosts(
  results: readonly FileResult[],
  site: Site,
  config: Config,
  pullNumber?: number,
  head?: RepositoryAt,
): PostSummary[] {
  return results.map((result) => {
    const identity = result.source === undefined ? {} : identifyPost(result.path, result.source, site);
    return {
      path: result.path,
      title: identity.title,
      url: identity.url,
      previewUrl: previewUrlFor(config.preview.url, identity.permalink, pullNumber),
      ...(head && { blobUrl: blobUrl(head, result.path) }),
      findings: result.findings,
      ...(result.olderFindings && { olderFindings: result.olderFindings }),
    };
  });
}
