import type { Config } from "../config/schema.js";
import { identifyPost } from "../site/post-identity.js";
import type { Site } from "../site/site.js";
import type { FileResult } from "./file-result.js";
import { type PostSummary, previewUrlFor } from "./summary-comment.js";

/** Adds to each reviewed post what the summary comment shows of it: title, site URL, preview URL. */
export function summarizePosts(
  results: readonly FileResult[],
  site: Site,
  config: Config,
  pullNumber?: number,
): PostSummary[] {
  return results.map((result) => {
    const identity = result.source === undefined ? {} : identifyPost(result.path, result.source, site);
    return {
      path: result.path,
      title: identity.title,
      url: identity.url,
      previewUrl: previewUrlFor(config.preview.url, identity.permalink, pullNumber),
      findings: result.findings,
    };
  });
}
