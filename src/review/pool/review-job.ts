import { randomUUID } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { MessagePort } from "node:worker_threads";
import type { Config } from "../../config/schema.js";
import type { ExternalResults } from "../../links/types.js";
import type { JekyllConfig } from "../../site/jekyll-config.js";
import { buildSite, type Site } from "../../site/site.js";
import type { FixScope } from "../fix-until-stable.js";
import type { Category, Finding } from "../types.js";

/**
 * What a worker needs to review posts, apart from the posts: the site, the config and the options of one
 * run (a command line run, a pull request's review). Sites carry the texts of their pages: copied into a
 * worker for each post, a site of thousands of pages would cost more than the review. It is serialised
 * once into a SharedArrayBuffer, which every task carries without a copy, and each worker rebuilds it
 * once per run, keyed by `key`.
 */
export interface SharedReviewContext {
  key: string;
  buffer: SharedArrayBuffer;
}

export interface ReviewContext {
  site: Site;
  config: Config;
  today: string;
  only?: readonly Category[];
  externalLinks?: ExternalResults;
}

/** The site as plain data: the rest (post globs, collections' ids) is derived again by `buildSite`. */
interface SiteData {
  hasConfig: boolean;
  jekyll: JekyllConfig;
  files: string[];
  texts: Map<string, string>;
}

interface ContextData {
  site: SiteData;
  config: Config;
  today: string;
  only?: readonly Category[];
  externalLinks?: ExternalResults;
}

export function shareReviewContext(context: ReviewContext): SharedReviewContext {
  const { site, ...rest } = context;
  const data: ContextData = {
    ...rest,
    site: {
      hasConfig: site.hasConfig,
      jekyll: site.jekyll,
      files: [...site.files],
      texts: new Map(site.texts),
    },
  };
  const bytes = serialize(data);
  const buffer = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return { key: randomUUID(), buffer };
}

export function openReviewContext(shared: SharedReviewContext): ReviewContext {
  const data = deserialize(new Uint8Array(shared.buffer)) as ContextData;
  const { site } = buildSite({
    files: data.site.files,
    postGlobs: data.config.posts,
    texts: data.site.texts,
  });
  // `buildSite` parses `_config.yml`; the parsed one travels instead of its text.
  return { ...data, site: { ...site, hasConfig: data.site.hasConfig, jekyll: data.site.jekyll } };
}

/** One post to review in a worker. */
export interface ReviewJob {
  context: SharedReviewContext;
  path: string;
  bytes: Uint8Array;
  /**
   * Apply the corrections of this scope until none is left (`safe`: `--fix`, `all`: `--fix=all`) and return
   * the fixed text with its findings; none when undefined.
   */
  fix?: FixScope;
  /** Told when the worker starts the job: the deadline counts from there, not from the queue. */
  started: MessagePort;
}

export interface PostReview {
  findings: Finding[];
  /** The decoded text, when the post could be read. */
  source?: string;
  /** With `fix`, the text after its fixes, when they changed it; `findings` are then the fixed text's. */
  fixed?: string;
}
