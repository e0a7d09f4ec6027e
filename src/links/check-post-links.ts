import { packageRoot } from "../cli/package-root.js";
import type { Config } from "../config/schema.js";
import { collectExternalUrls, extractLinks } from "../links/extract-links.js";
import { checkExternalLinks } from "../links/http/check-links.js";
import {
  createMemoryVerdictCache,
  openFileVerdictCache,
  type VerdictCache,
} from "../links/http/verdict-cache.js";
import { type LinkExceptions, NO_LINK_EXCEPTIONS } from "../links/markdown-link-check-config.js";
import { isOnSite, siteAddress } from "../links/resolve-internal.js";
import type { ExternalResults } from "../links/types.js";
import { parsePost } from "../review/parse-post.js";
import { decodePost } from "../review/review-file.js";
import type { Site } from "../site/site.js";

export interface PostToCheck {
  path: string;
  bytes: Uint8Array;
}

export interface PostLinkCheckOptions {
  /** The command line's verdict file (none with `--no-cache`). */
  cachePath?: string;
  /** The app's cache, shared by its reviews; used when there is no file. */
  cache?: VerdictCache;
  exceptions?: LinkExceptions;
}

/**
 * The only network step of a review: the external links of every post, checked once each, before the
 * engine runs (which reads the verdicts and never makes a request). The caller decides whether to call it
 * (`--offline`, `links.external: false`).
 */
export async function checkLinksBeforeReview(
  posts: readonly PostToCheck[],
  site: Site,
  config: Config,
  options: PostLinkCheckOptions = {},
): Promise<ExternalResults> {
  const exceptions = options.exceptions ?? NO_LINK_EXCEPTIONS;
  const cachePath = options.cachePath;
  const address = siteAddress(site, config.site.url);
  const urls = new Set<string>();
  for (const post of posts) {
    const decoded = decodePost(post.bytes);
    if (!decoded.ok) continue;
    const links = extractLinks(parsePost(post.path, decoded.text), site);
    for (const url of collectExternalUrls(links, (candidate) => isOnSite(candidate, address))) {
      if (exceptions.ignore.some((pattern) => pattern.test(url))) continue;
      urls.add(url);
      // Does the site answer on https too? `links/http-to-https` reads that verdict.
      if (/^http:\/\//i.test(url)) urls.add(url.replace(/^http:/i, "https:"));
    }
  }
  if (urls.size === 0) return new Map();
  const fileCache = cachePath ? await openFileVerdictCache(cachePath) : undefined;
  const cache: VerdictCache = fileCache ?? options.cache ?? createMemoryVerdictCache();
  const results = await checkExternalLinks([...urls], {
    allowPrivateAddresses: config.links.allowPrivateAddresses,
    skipHosts: config.links.skip,
    userAgent: userAgent(),
    cache,
  });
  await fileCache?.save(Date.now());
  return withAliveStatusCodes(results, exceptions.aliveStatusCodes);
}

/** A status the site declared alive in `.markdown-link-check.json` (`aliveStatusCodes`) is alive. */
export function withAliveStatusCodes(
  results: ExternalResults,
  aliveStatusCodes: readonly number[],
): ExternalResults {
  if (aliveStatusCodes.length === 0) return results;
  const adjusted = new Map(results);
  for (const [url, verdict] of results) {
    const status = "status" in verdict ? verdict.status : undefined;
    if (
      (verdict.kind === "dead" || verdict.kind === "unverified") &&
      status !== undefined &&
      aliveStatusCodes.includes(status)
    ) {
      adjusted.set(url, { kind: "alive", status, finalUrl: url });
    }
  }
  return adjusted;
}

/** Honest: who we are and where to read about us. */
export function userAgent(): string {
  return `Relecteur/${packageRoot().version} (+https://www.npmjs.com/package/relecteur)`;
}
