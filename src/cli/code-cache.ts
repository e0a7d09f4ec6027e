import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";

/**
 * Runs the bundled command line (one CommonJS file, built by `scripts/bundle-cli.mjs`) compiled with V8's
 * code cache: compiling its megabyte of JavaScript was the largest part of a one-post run left once the
 * modules were bundled, and Node 20 caches no compilation by itself (`module.enableCompileCache` came in 22).
 *
 * The cache is a file in the user's cache folder (never in the site), one per Node version and architecture.
 * V8 checks only the source's length before trusting a cache, so the file carries the SHA-256 of the bundle
 * it was made from, and of its own content: a cache of another bundle, a truncated or damaged file, or one
 * V8 rejects is ignored and written anew. Nothing about the cache ever fails a run.
 */

const MAGIC = Buffer.from("relecteur-code-cache-1\n");
const DIGEST_BYTES = 32;
const HEADER_BYTES = MAGIC.length + 2 * DIGEST_BYTES;

/** What the bundle exports: the command line's entry, resolving to the exit code. */
type Bundle = { runCli(): Promise<number> };

export type BundleRun = {
  exitCode: number;
  /** The compiled code came from the cache file, which V8 accepted. */
  cacheUsed: boolean;
};

export async function runBundleWithCodeCache(bundlePath: string, cachePath: string): Promise<BundleRun> {
  const bytes = readFileSync(bundlePath);
  const sourceDigest = sha256(bytes);
  const source = bytes.toString("utf8");
  const cachedData = readCodeCache(cachePath, sourceDigest);
  // The bundle runs as Node runs a CommonJS module, plus `import.meta` (esbuild defines it as this name).
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __relecteurImportMeta) {${source}\n})`,
    // No dynamic import callback: Node 20 loses it for a script compiled from a cache, so the bundle has
    // no `import()`, only `require`.
    { filename: bundlePath, cachedData },
  );
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Bundle };
  const load = script.runInThisContext() as (...parameters: unknown[]) => void;
  load(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath), {
    url: pathToFileURL(bundlePath).href,
  });
  const exitCode = await module.exports.runCli();
  // Made after the run, the cache also holds the functions this run compiled, not only the top level.
  if (!cacheUsed) writeCodeCache(cachePath, sourceDigest, () => script.createCachedData());
  return { exitCode, cacheUsed };
}

/** The cache's compiled code if the file is whole and was made from this source; otherwise nothing. */
function readCodeCache(cachePath: string, sourceDigest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const madeFrom = file.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
  const contentDigest = file.subarray(MAGIC.length + DIGEST_BYTES, HEADER_BYTES);
  const content = file.subarray(HEADER_BYTES);
  if (!madeFrom.equals(sourceDigest) || !contentDigest.equals(sha256(content))) return undefined;
  return content;
}

/**
 * Written to a temporary file then renamed, so that a run in parallel never reads half a cache. The code is
 * serialised (tens of milliseconds) only once that file is open: a read-only cache folder costs nothing.
 */
function writeCodeCache(cachePath: string, sourceDigest: Buffer, serialise: () => Buffer): void {
  const temporary = `${cachePath}.${process.pid}.tmp`;
  let file: number | undefined;
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    file = openSync(temporary, "w");
    const content = serialise();
    writeFileSync(file, Buffer.concat([MAGIC, sourceDigest, sha256(content), content]));
    closeSync(file);
    file = undefined;
    renameSync(temporary, cachePath);
  } catch {
    // A read-only or full disk: the next run compiles again, as it would without a cache.
    try {
      if (file !== undefined) closeSync(file);
      rmSync(temporary, { force: true });
    } catch {}
  }
}

function sha256(data: Buffer): Buffer {
  return createHash("sha256").update(data).digest();
}
