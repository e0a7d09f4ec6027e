#!/usr/bin/env node
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBundleWithCodeCache } from "./cli/code-cache.js";
import { userCacheFolder } from "./cli/user-cache-folder.js";

// Built (`npm run build`), the command line is one bundle beside this file, compiled through V8's code cache;
// from the sources (tsx, the tests) there is none, and its modules are loaded as they are.
const bundle = fileURLToPath(new URL("./bundle/cli.cjs", import.meta.url));
if (existsSync(bundle)) {
  const cacheFile = `cli-${process.version}-${process.arch}.bin`;
  const cache = join(userCacheFolder(process.env, process.platform, homedir()), "code", cacheFile);
  process.exitCode = (await runBundleWithCodeCache(bundle, cache)).exitCode;
} else {
  const { runCli } = await import("./cli/run-cli.js");
  process.exitCode = await runCli();
}
