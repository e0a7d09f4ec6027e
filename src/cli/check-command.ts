import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Config } from "../config/schema.js";
import {
  type LinkExceptions,
  NO_LINK_EXCEPTIONS,
  parseMarkdownLinkCheckConfig,
} from "../links/markdown-link-check-config.js";
import { type FileChange, scopeResults } from "../report/changed-scope.js";
import type { FileResult } from "../report/file-result.js";
import { atLeastSeverity } from "../report/minimum-severity.js";
import type { ReviewOptions } from "../review/engine.js";
import type { ReviewContext } from "../review/pool/review-job.js";
import type { ReviewPool } from "../review/pool/review-pool.js";
import type { Finding } from "../review/types.js";
import { listSiteFiles } from "../site/load-local-site.js";
import { STDIN_PATH } from "../site/post-path.js";
import type { Site } from "../site/site.js";
import type { WorkTreeChanges } from "./changed-since.js";
import type { CheckOptions } from "./check-options.js";
import type { CliIo } from "./io.js";
import { openLocalSite } from "./open-local-site.js";
import { packageRoot } from "./package-root.js";
import { startProgress } from "./progress.js";
import { readPostBytes } from "./read-post-bytes.js";

interface Target {
  absolutePath: string;
  sitePath: string;
  displayPath: string;
}

/** `relecteur check`: returns the exit status (0 clean, 1 an error finding, 2 a failure). */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const opened = openLocalSite({
    cwd: io.cwd,
    siteDir: options.site,
    configPath: options.config,
    // A missing first path must not hide the site of the next ones; `--path` places a post read on stdin.
    startPath: options.paths.find((path) => existsSync(resolve(io.cwd, path))) ?? options.stdinPath,
  });
  if (!opened.ok) {
    for (const message of opened.messages) io.stderr(`${message}\n`);
    return 2;
  }
  const { root, config, site, warnings } = opened.local;
  for (const warning of warnings) io.stderr(`${warning}\n`);
  const reviewOptions: ReviewOptions = { today: io.today, only: options.only };
  if (options.stdin) return checkStdin(options, io, root, site, config, reviewOptions);

  // Read before the review: a reference git does not know is a usage error, not a failure half-way. Git's
  // module (and Node's child_process) is loaded only then.
  const changes =
    options.changedSince === undefined
      ? undefined
      : (await import("./changed-since.js")).workTreeChanges(root, options.changedSince);
  let hasFailure = false;
  const targets = new Map<string, Target>();
  for (const path of options.paths.length > 0 ? options.paths : [root]) {
    const found = expandPath(path, io.cwd, root, site);
    if (Array.isArray(found) && found.length === 0) {
      // Not a failure (a folder may hold drafts only), but silence would read as « all is well ».
      io.stderr(`${path}: aucun article dans ce dossier (motifs posts\u00a0: ${config.posts.join(", ")})\n`);
    }
    if (typeof found === "string") {
      io.stderr(`${found}\n`);
      hasFailure = true;
    } else {
      // A file named twice (`_posts _posts/a.md`) is reviewed, fixed and counted once.
      for (const target of found) {
        if (!targets.has(target.absolutePath)) targets.set(target.absolutePath, target);
      }
    }
  }
  const changed = changes && keepChanged(targets, changes);
  if (changed?.size === 0) io.stderr(`aucun article modifié depuis ${options.changedSince}\n`);
  if (shouldCheckLinks(options, config)) {
    const posts = [...targets.values()].flatMap((target) => {
      try {
        return [{ path: target.sitePath, bytes: readPostBytes(target.absolutePath) }];
      } catch {
        return []; // Reported by the review of that file.
      }
    });
    const { checkLinksBeforeReview } = await import("../links/check-post-links.js");
    reviewOptions.externalLinks = await checkLinksBeforeReview(posts, site, config, {
      cachePath: cachePathFor(options, io),
      exceptions: readLinkExceptions(root, io),
    });
  }
  const progress = startProgress(io, targets.size, config.locale);
  const reviewed = await reviewTargets(
    [...targets.values()],
    options,
    io,
    await reviewerFor(targets.size),
    { site, config, ...reviewOptions },
    () => progress.advance(),
  );
  progress.done();
  if (reviewed.length < targets.size) hasFailure = true;
  // With --changed-since, what a pull request of these changes would be judged on: the same rule as the app.
  const results = changed ? scopeResults(reviewed, changed, config.review.scope) : reviewed;
  io.stdout(await render(results, options, config, io));
  if (hasFailure) return 2;
  return results.some((result) => result.findings.some(isError)) ? 1 : 0;
}

/** Drops the targets the change left alone; the change of each other one, by its path from the site root. */
function keepChanged(targets: Map<string, Target>, changes: WorkTreeChanges): Map<string, FileChange> {
  const changed = new Map<string, FileChange>();
  for (const [key, target] of targets) {
    const change = changes.changeOf(target.absolutePath);
    if (change === undefined) targets.delete(key);
    else changed.set(target.sitePath, change);
  }
  return changed;
}

/** Reviews (and with `--fix` fixes) every target in the pool; a file that fails is reported and left out. */
async function reviewTargets(
  targets: readonly Target[],
  options: CheckOptions,
  io: CliIo,
  pool: ReviewPool,
  context: ReviewContext,
  onDone: () => void,
): Promise<FileResult[]> {
  const readable: { target: Target; bytes: Uint8Array }[] = [];
  for (const target of targets) {
    try {
      readable.push({ target, bytes: readPostBytes(target.absolutePath) });
    } catch (error) {
      reportFailure(target.displayPath, error, options.debug, io);
      onDone();
    }
  }
  const outcomes = await pool.reviewPosts(
    context,
    readable.map(({ target, bytes }) => ({ path: target.sitePath, bytes, fix: options.fix })),
    onDone,
  );
  const results: FileResult[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const { target, bytes } = readable[index] as { target: Target; bytes: Uint8Array };
    try {
      if (!outcome.ok) throw outcome.error;
      const { findings, source, fixed } = outcome.review;
      if (fixed !== undefined) {
        // Decoding drops a byte order mark: put it back so that only the fixed ranges change.
        writeFileSync(target.absolutePath, hasByteOrderMark(bytes) ? `\uFEFF${fixed}` : fixed);
      }
      results.push({
        path: target.sitePath,
        displayPath: target.displayPath,
        findings,
        source: fixed ?? source,
      });
    } catch (error) {
      reportFailure(target.displayPath, error, options.debug, io);
    }
  }
  return results;
}

async function checkStdin(
  options: CheckOptions,
  io: CliIo,
  root: string,
  site: Site,
  config: Config,
  reviewOptions: ReviewOptions,
): Promise<number> {
  // `--path` is typed from the current folder; the rules and the JSON output want it from the site root.
  const displayPath = options.stdinPath ?? STDIN_PATH;
  const path =
    options.stdinPath === undefined
      ? STDIN_PATH
      : sitePathOf(resolve(io.cwd, options.stdinPath), root, io.cwd);
  try {
    const bytes = await io.readStdin();
    if (shouldCheckLinks(options, config)) {
      const { checkLinksBeforeReview } = await import("../links/check-post-links.js");
      reviewOptions.externalLinks = await checkLinksBeforeReview([{ path, bytes }], site, config, {
        cachePath: cachePathFor(options, io),
        exceptions: readLinkExceptions(root, io),
      });
    }
    const [outcome] = await (await reviewerFor(1)).reviewPosts({ site, config, ...reviewOptions }, [
      { path, bytes, fix: options.fix },
    ]);
    if (!outcome?.ok) throw outcome?.error;
    const { findings, source, fixed } = outcome.review;
    if (options.fix && source !== undefined) {
      // With --stdin, --fix writes the corrected post to standard output, as formatters do.
      io.stdout(fixed ?? source);
      return findings.some(isError) ? 1 : 0;
    }
    io.stdout(await render([{ path, displayPath, findings, source }], options, config, io));
    return findings.some(isError) ? 1 : 0;
  } catch (error) {
    reportFailure(displayPath, error, options.debug, io);
    return 2;
  }
}

/**
 * Where posts are reviewed. One post: in this thread, since a pool's worker would load the engine again
 * (most of a one-post run's time) for no parallelism. More: in the pool, on every core, each post under its
 * deadline and memory cap. The pool (Piscina) is imported only then.
 */
async function reviewerFor(postCount: number): Promise<ReviewPool> {
  if (postCount <= 1)
    return (await import("../review/pool/in-process-reviewer.js")).createInProcessReviewer();
  return (await import("../review/pool/review-pool.js")).sharedReviewPool();
}

/** The output; each format's module is imported only when it is the one asked for. */
async function render(all: FileResult[], options: CheckOptions, config: Config, io: CliIo): Promise<string> {
  // Errors are never hidden, so the exit status, computed on every finding, stays what it says.
  const results = atLeastSeverity(all, options.severity);
  switch (options.format) {
    case "json":
      return (await import("../report/format-json.js")).formatJson(results);
    case "github":
      return (await import("../report/format-github.js")).formatGithub(results);
    case "sarif":
      return (await import("../report/format-sarif.js")).formatSarif(results, packageRoot().version);
    default:
      return (await import("../report/format-text.js")).formatText(results, {
        locale: config.locale,
        color: io.isColorTerminal,
      });
  }
}

/** The posts a path argument names: itself for a file, the posts inside for a folder; a string on error. */
function expandPath(path: string, cwd: string, root: string, site: Site): Target[] | string {
  const absolutePath = resolve(cwd, path);
  if (!existsSync(absolutePath)) return `${path}: chemin introuvable`;
  const toTarget = (file: string): Target => ({
    absolutePath: file,
    sitePath: sitePathOf(file, root, cwd),
    displayPath: relative(cwd, file) || file,
  });
  if (!statSync(absolutePath).isDirectory()) return [toTarget(absolutePath)];
  const posts = listSiteFiles(absolutePath)
    .map((file) => resolve(absolutePath, file))
    .filter((file) => site.isPost(sitePathOf(file, root, cwd)))
    .map(toTarget);
  return posts;
}

function sitePathOf(file: string, root: string, cwd: string): string {
  const fromRoot = relative(root, file);
  const inside = fromRoot !== "" && !fromRoot.startsWith("..") && !isAbsolute(fromRoot);
  return (inside ? fromRoot : relative(cwd, file)).split(sep).join("/");
}

function reportFailure(place: string, error: unknown, debug: boolean, io: CliIo): void {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === "EACCES"
      ? "fichier illisible (permission refusée)"
      : code === "EISDIR"
        ? "c’est un dossier"
        : `échec de la relecture\u00a0: ${reason}`;
  io.stderr(`${place}: ${message}${debug || code ? "" : " (relancez avec --debug pour le détail)"}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The exceptions of a site that used markdown-link-check: its `.markdown-link-check.json`, when there is one. */
function readLinkExceptions(root: string, io: CliIo): LinkExceptions {
  const path = resolve(root, ".markdown-link-check.json");
  if (!existsSync(path)) return NO_LINK_EXCEPTIONS;
  const { exceptions, problems } = parseMarkdownLinkCheckConfig(readFileSync(path, "utf8"));
  for (const problem of problems) io.stderr(`${path}: ${problem}\n`);
  return exceptions;
}

function shouldCheckLinks(options: CheckOptions, config: Config): boolean {
  return !options.offline && config.links.external;
}

function cachePathFor(options: CheckOptions, io: CliIo): string | undefined {
  return options.noCache ? undefined : io.verdictCachePath;
}

function isError(finding: Finding): boolean {
  return finding.severity === "error";
}
