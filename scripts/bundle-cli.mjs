/**
 * `npm run build`'s last step: bundles the command line with esbuild over tsc's `dist/src/cli.js`, so that a
 * run loads a few files instead of hundreds of modules (loading them was most of a one-post run's time).
 * Code that only some runs need (the link checker, the preview, the worker pool) stays behind dynamic
 * imports, in chunks under `dist/src/bundle/`. The review worker is bundled there too: the pool finds it
 * next to its own chunk. The app (`dist/src/server.js`) is not bundled.
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunks are named by their hash: those of an earlier build would otherwise stay, and be packed.
rmSync("dist/src/bundle", { recursive: true, force: true });

await build({
  entryPoints: {
    cli: "src/cli.ts",
    "bundle/review-worker": "src/review/pool/review-worker.ts",
  },
  outdir: "dist/src",
  chunkNames: "bundle/[name]-[hash]",
  bundle: true,
  minify: true,
  // Stack traces (--debug) keep the names of functions.
  keepNames: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // CommonJS dependencies (gray-matter, js-yaml…) call `require`, which an ES module lacks.
  banner: {
    js: 'import { createRequire as __relecteurRequire } from "node:module"; const require = __relecteurRequire(import.meta.url);',
  },
  // Loaded from node_modules as they are: Piscina and Sass find files next to their own modules, and
  // undici (only when links are checked) gains nothing from bundling. The app's dependencies are never
  // reached from the command line, and kept out should one be.
  external: ["piscina", "sass", "undici", "probot", "smee-client", "ioredis", "pino"],
  logLevel: "warning",
});
