/**
 * One run of `runBundleWithCodeCache` in its own process, as the command line runs: within one process V8
 * keeps compiled scripts in memory and would not even read a cache for a source compiled before.
 * Arguments: the bundle's path, the cache's path. Prints the result as JSON.
 */
import { runBundleWithCodeCache } from "../../src/cli/code-cache.js";

const [bundle, cache] = process.argv.slice(2) as [string, string];
process.stdout.write(JSON.stringify(await runBundleWithCodeCache(bundle, cache)));
