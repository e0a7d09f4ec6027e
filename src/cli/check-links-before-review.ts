import type { Config } from "../config/schema.js";
import { collectExternalUrls, extractLinks } from "../links/extract-links.js";
import { checkExternalLinks } from "../links/http/check-links.js";
import {
  createMemoryVerdictCache,
  openFileVerdictCache,
  type VerdictCache,
} from "../links/http/verdict-cache.js";
import { isOnSite, siteAddress } from "../links/resolve-internal.js";
import type { ExternalResults } from "../links/types.js";
import { parsePost } from "../review/parse-post.js";
import { decodePost } from "../review/review-file.js";
import type { Site } from "../site/site.js";
import { packageRoot } from "./package-root.js";

export interface PostToCheck {
  path: string;
  bytes: Uint8Array;
}

/**
 * The command line's only network step: the external links of every post, checked once each, before the
 * engine runs (which reads the verdicts and never makes a request). Off with `--offline` or
 * `links.external: false`; the verdict file cache is skipped with `--no-cache`.
 */
export async function checkLinksBeforeReview(
  posts: readonly PostToCheck[],
  site: Site,
  config: Config,
  cachePath: string | undefined,
): Promise<ExternalResults> {
  const address = siteAddress(site, config.site.url);
  const urls = new Set<string>();
  for (const post of posts) {
    const decoded = decodePost(post.bytes);
    if (!decoded.ok) continue;
    const links = extractLinks(parsePost(post.path, decoded.text), site);
    for (const url of collectExternalUrls(links, (candidate) => isOnSite(candidate, address))) urls.add(url);
  }
  if (urls.size === 0) return new Map();
  const fileCache = cachePath ? await openFileVerdictCache(cachePath) : undefined;
  const cache: VerdictCache = fileCache ?? createMemoryVerdictCache();
  const results = await checkExternalLinks([...urls], {
    allowPrivateAddresses: config.links.allowPrivateAddresses,
    skipHosts: config.links.skip,
    userAgent: userAgent(),
    cache,
  });
  await fileCache?.save(Date.now());
  return results;
}

/** Honest: who we are and where to read about us. */
export function userAgent(): string {
  return `Relecteur/${packageRoot().version} (+https://www.npmjs.com/package/relecteur)`;
}
