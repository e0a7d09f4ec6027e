/**
 * `npm run build`'s last step: bundles the command line with esbuild into `dist/src/bundle/cli.cjs`, so that
 * a run loads one file instead of hundreds of modules (loading them was most of a one-post run's time), and
 * compiles it once through V8's code cache (`src/cli/code-cache.ts`). Code that only some runs need (the
 * link checker, the preview, the worker pool) stays behind `import()`: esbuild's CommonJS output runs it only
 * when reached. The review worker is bundled there too, the pool finds it next to the bundle. The app
 * (`dist/src/server.js`) is not bundled.
 */
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * js-yaml 3 (gray-matter's) loads esprima, 280 kB, at startup through a `require` hidden from bundlers, for
 * the `!!js/function` tag of its unsafe schema; front matter is read with the safe one, which lacks that tag.
 * Without esprima the tag's resolver returns false (it catches the missing parser), so nothing else changes.
 */
const withoutEsprima = {
  name: "without-esprima",
  setup(build) {
    build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, ({ path }) => {
      const source = readFileSync(path, "utf8");
      const hiddenRequire = "esprima = _require('esprima');";
      if (!source.includes(hiddenRequire)) throw new Error(`${path} : « ${hiddenRequire} » introuvable`);
      return { contents: source.replace(hiddenRequire, "esprima = undefined;"), loader: "js" };
    });
  },
};

rmSync("dist/src/bundle", { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  // Stack traces (--debug) keep the names of functions.
  keepNames: true,
  platform: "node",
  target: "node20",
  // Loaded from node_modules as they are: Piscina and Sass find files next to their own modules, and
  // undici (only when links are checked) gains nothing from bundling. The app's dependencies are never
  // reached from the command line, and kept out should one be.
  external: ["piscina", "sass", "undici", "probot", "smee-client", "ioredis", "pino"],
  plugins: [withoutEsprima],
  logLevel: "warning",
};

// The command line: one CommonJS file, which `dist/src/cli.js` compiles through V8's code cache (a cache
// holds one script, not a graph of ES modules). Its `import.meta` is an object the launcher passes in.
await build({
  ...common,
  entryPoints: { cli: "src/cli/run-cli.ts" },
  outfile: "dist/src/bundle/cli.cjs",
  format: "cjs",
  define: { "import.meta": "__relecteurImportMeta" },
  // `import()` of a package left out (Sass) becomes `require`: a script compiled from V8's code cache has
  // no dynamic import callback in Node 20, and all of these packages offer CommonJS.
  supported: { "dynamic-import": false },
});

// The review worker, which the pool starts from the file next to the bundle.
await build({
  ...common,
  entryPoints: ["src/review/pool/review-worker.ts"],
  outfile: "dist/src/bundle/review-worker.js",
  format: "esm",
  // CommonJS dependencies (gray-matter, js-yaml…) call `require`, which an ES module lacks.
  banner: {
    js: 'import { createRequire as __relecteurRequire } from "node:module"; const require = __relecteurRequire(import.meta.url);',
  },
});
