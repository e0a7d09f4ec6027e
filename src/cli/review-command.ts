import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfigFile } from "../config/load-config-file.js";
import { parseConfig } from "../config/parse-config.js";
import { type Config, DEFAULT_CONFIG } from "../config/schema.js";
import { withPreviewLinks } from "../github/preview-links.js";
import { checkLinksBeforeReview } from "../links/check-post-links.js";
import { type FileChange, scopeResults } from "../report/changed-scope.js";
import type { FileResult } from "../report/file-result.js";
import { summarizePosts } from "../report/summarize-posts.js";
import { renderSummaryComment } from "../report/summary-comment.js";
import { sharedReviewPool } from "../review/pool/review-pool.js";
import { RULE_IDS } from "../review/registry.js";
import { buildCommitSite, type PostBytes } from "../site/commit-site.js";
import { isMarkupFile } from "../site/documents.js";
import { emptySite } from "../site/site.js";
import { describeParseError } from "./check-options.js";
import {
  addedLines,
  changedPaths,
  changeStart,
  fileAt,
  git,
  resolveCommit,
  topLevel,
  treePaths,
} from "./git.js";
import { githubRepositoryOf } from "./github-remote.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** Where the app reads the configuration: `.github/relecteur.yml` of the default branch. */
const CONFIG_PATH = ".github/relecteur.yml";

interface ReviewOptions {
  base: string;
  head: string;
  config?: string;
  offline: boolean;
  noCache: boolean;
}

/**
 * `relecteur review --base REF [--head REF]`: in a git checkout, reviews the posts changed between two
 * commits exactly as the app reviews a pull request from `head` into `base`: the diff from their merge
 * base, the site of the head commit's tree (`_config.yml` and the changed posts read with git, nothing
 * from the work tree), the configuration of the base, the changed lines only (`review.scope`), and
 * prints the summary comment the app would post. Exit status as `check`: 1 when a finding shown is an error.
 */
export async function runReview(args: string[], io: CliIo): Promise<number> {
  const options = parseReviewOptions(args);
  const top = topLevel(io.cwd);
  const base = resolveCommit(top, options.base, "--base");
  const head = resolveCommit(top, options.head, "--head");
  const from = changeStart(top, base, head);
  const config = readConfig(top, base, options, io);
  if (config === undefined) return 2;

  const isPost = emptySite(config.posts).isPost;
  const changed = changedPaths(top, from, head).filter(
    (change) => isMarkupFile(change.path) && isPost(change.path),
  );
  // Like the app, which leaves no trace on a pull request without a post.
  if (changed.length === 0) {
    io.stderr(`aucun article modifié entre ${options.base} et ${options.head}\u00a0: rien à commenter\n`);
    return 0;
  }
  const posts: PostBytes[] = changed.flatMap((change) => {
    const bytes = fileAt(top, head, change.path);
    return bytes ? [{ path: change.path, bytes: new Uint8Array(bytes) }] : [];
  });
  const { site } = buildCommitSite({
    files: treePaths(top, head),
    configBytes: fileAt(top, head, "_config.yml"),
    posts,
    postGlobs: config.posts,
  });
  const externalLinks =
    !options.offline && config.links.external
      ? await checkLinksBeforeReview(posts, site, config, {
          cachePath: options.noCache ? undefined : io.verdictCachePath,
        })
      : undefined;
  // The app's pool, with its deadline per post (`review.timeoutSeconds`).
  const outcomes = await sharedReviewPool().reviewPosts(
    { site, config, today: io.today, externalLinks },
    posts,
  );
  const reviewed: FileResult[] = posts.map((post, index) => {
    const outcome = outcomes[index];
    if (!outcome?.ok) throw outcome?.error;
    const { findings, source } = outcome.review;
    return { path: post.path, displayPath: post.path, findings, ...(source !== undefined && { source }) };
  });
  const changes = new Map<string, FileChange>(
    changed.map((change) => {
      if (change.status === "added") return [change.path, {}];
      const lines = addedLines(top, change, from, head);
      return [change.path, change.status === "renamed" ? { lines, renamed: true } : { lines }];
    }),
  );
  const results = scopeResults(reviewed, changes, config.review.scope);
  const repository = originRepository(top);
  // The same hidden places for a deploy preview's links as the app writes: the comment it would post.
  const summary = withPreviewLinks(
    summarizePosts(results, site, config, undefined, repository && { ...repository, sha: head }),
    results,
    site,
    config,
    {
      owner: repository?.owner ?? "",
      repo: repository?.repo ?? "",
      headSha: head,
      isPrivate: true,
      now: new Date(),
    },
  );
  io.stdout(renderSummaryComment(summary, config.locale));
  return results.some((result) => result.findings.some((finding) => finding.severity === "error")) ? 1 : 0;
}

function parseReviewOptions(args: string[]): ReviewOptions {
  let parsed: ReturnType<typeof parseReviewArgs>;
  try {
    parsed = parseReviewArgs(args);
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new UsageError(
      `review relit les articles modifiés entre deux commits, sans chemin («\u00a0${positionals[0]}\u00a0» en trop)`,
    );
  }
  if (!values.base)
    throw new UsageError("review\u00a0: --base REF est obligatoire (la branche visée, ex. main)");
  return {
    base: values.base,
    head: values.head ?? "HEAD",
    ...(values.config !== undefined && { config: values.config }),
    offline: values.offline ?? false,
    noCache: values["no-cache"] ?? false,
  };
}

function parseReviewArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      config: { type: "string" },
      offline: { type: "boolean" },
      "no-cache": { type: "boolean" },
      debug: { type: "boolean" },
    },
  });
}

/**
 * `--config FILE`, else `.github/relecteur.yml` as the base commit has it (the app reads the default
 * branch's, so that a pull request cannot loosen its own rules), else the defaults. `_extends` is not
 * followed: it names another repository, which a checkout does not hold.
 */
function readConfig(top: string, base: string, options: ReviewOptions, io: CliIo): Config | undefined {
  if (options.config !== undefined) {
    const loaded = loadConfigFile(resolve(io.cwd, options.config), top);
    if (loaded.ok) return loaded.config;
    for (const message of loaded.messages) io.stderr(`${message}\n`);
    return undefined;
  }
  const bytes = fileAt(top, base, CONFIG_PATH);
  if (bytes === undefined) return DEFAULT_CONFIG;
  const result = parseConfig(bytes.toString("utf8"), RULE_IDS);
  if (result.ok) return result.config;
  for (const problem of result.problems) {
    io.stderr(`${options.base}:${CONFIG_PATH}:${problem.line}:${problem.column}: ${problem.message}\n`);
  }
  return undefined;
}

/** The GitHub repository of the `origin` remote, which the summary's line numbers link into. */
function originRepository(top: string) {
  try {
    return githubRepositoryOf(git(top, ["remote", "get-url", "origin"]));
  } catch {
    return undefined; // No origin: the line numbers stay plain text.
  }
}
