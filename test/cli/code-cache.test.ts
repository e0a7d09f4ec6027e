import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BundleRun } from "../../src/cli/code-cache.js";
import { makeTempDir, useTempDirs } from "./temp-site.js";

useTempDirs();

/** A stand-in for the bundle: a CommonJS file whose `runCli` runs `body`. */
function writeBundle(folder: string, body: string): string {
  const path = join(folder, "cli.cjs");
  writeFileSync(path, `exports.runCli = async () => {\n${body}\n};\n`);
  return path;
}

const child = fileURLToPath(new URL("./run-bundle-child.ts", import.meta.url));

/** One run in a process of its own, as each command line run is. */
function runBundleWithCodeCache(bundle: string, cache: string): BundleRun {
  const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), child, bundle, cache], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`run-bundle-child : code ${run.status}\n${run.stderr}`);
  return JSON.parse(run.stdout) as BundleRun;
}

describe("runBundleWithCodeCache", () => {
  it("runs the bundle, writes a cache after the run, and the next run compiles from it", () => {
    const folder = makeTempDir();
    const bundle = writeBundle(folder, "const seven = 7; return seven;");
    const cache = join(folder, "cache", "code", "cli.bin");

    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 7, cacheUsed: false });
    expect(statSync(cache).size).toBeGreaterThan(0);
    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 7, cacheUsed: true });
  });

  it("gives the bundle `require` and `import.meta.url` relative to its own file", () => {
    const folder = makeTempDir();
    writeFileSync(join(folder, "neighbour.cjs"), "module.exports = 40;\n");
    const bundle = writeBundle(
      folder,
      `const here = __relecteurImportMeta.url === require("node:url").pathToFileURL(__filename).href;
       return require("./neighbour.cjs") + (here ? 2 : 0);`,
    );
    expect(runBundleWithCodeCache(bundle, join(folder, "cli.bin")).exitCode).toBe(42);
  });

  it("ignores a cache made from another bundle of the same length, which V8 alone would accept", () => {
    const folder = makeTempDir();
    const cache = join(folder, "cli.bin");
    runBundleWithCodeCache(writeBundle(folder, "return 11; // first build"), cache);

    const rebuilt = writeBundle(folder, "return 12; // later build");
    expect(runBundleWithCodeCache(rebuilt, cache)).toEqual({ exitCode: 12, cacheUsed: false });
    expect(runBundleWithCodeCache(rebuilt, cache)).toEqual({ exitCode: 12, cacheUsed: true });
  });

  it("ignores a damaged cache file and writes a sound one in its place", () => {
    const folder = makeTempDir();
    const bundle = writeBundle(folder, "return 21;");
    const cache = join(folder, "cli.bin");
    runBundleWithCodeCache(bundle, cache);
    const damaged = readFileSync(cache);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] as number) ^ 0xff;
    writeFileSync(cache, damaged);

    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 21, cacheUsed: false });
    expect(readFileSync(cache).equals(damaged)).toBe(false);
    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 21, cacheUsed: true });
  });

  it.each([
    ["an empty file", () => Buffer.alloc(0)],
    ["a truncated file", (whole: Buffer) => whole.subarray(0, 40)],
    ["another program's file", () => Buffer.from("not a cache at all\n".repeat(20))],
  ])("ignores %s", (name, replace) => {
    const folder = makeTempDir();
    const exitCode = 30 + (name.length % 5);
    const bundle = writeBundle(folder, `return ${exitCode}; // ${name}`);
    const cache = join(folder, "cli.bin");
    runBundleWithCodeCache(bundle, cache);
    writeFileSync(cache, replace(readFileSync(cache)));

    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode, cacheUsed: false });
  });

  it("writes anew a cache whose checksums hold but whose content V8 refuses", () => {
    const folder = makeTempDir();
    const bundle = writeBundle(folder, "return 5;");
    const cache = join(folder, "cli.bin");
    runBundleWithCodeCache(bundle, cache);
    // Same header and bundle digest, content replaced by zeros with its own digest: V8's turn to check.
    const whole = readFileSync(cache);
    const headerEnd = whole.indexOf("\n") + 1 + 32;
    const zeros = Buffer.alloc(whole.length - headerEnd - 32);
    const digest = createHash("sha256").update(zeros).digest();
    writeFileSync(cache, Buffer.concat([whole.subarray(0, headerEnd), digest, zeros]));

    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 5, cacheUsed: false });
    expect(
      readFileSync(cache)
        .subarray(headerEnd + 32)
        .equals(zeros),
    ).toBe(false);
  });

  it("runs all the same when the cache cannot be written", () => {
    const folder = makeTempDir();
    const bundle = writeBundle(folder, "return 3;");
    // The cache's folder would have to be where a file already is.
    writeFileSync(join(folder, "not-a-folder"), "");
    const cache = join(folder, "not-a-folder", "cli.bin");

    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 3, cacheUsed: false });
    expect(runBundleWithCodeCache(bundle, cache)).toEqual({ exitCode: 3, cacheUsed: false });
  });

  it("leaves no temporary file behind when the rename fails", () => {
    const folder = makeTempDir();
    const bundle = writeBundle(folder, "return 4;");
    // A folder where the cache file should be: writing the temporary file works, renaming onto it fails.
    const cache = join(folder, "cli.bin");
    mkdirSync(join(cache, "inside"), { recursive: true });

    expect(runBundleWithCodeCache(bundle, cache).exitCode).toBe(4);
    expect(readdirSync(folder).sort()).toEqual(["cli.bin", "cli.cjs"]);
  });
});
