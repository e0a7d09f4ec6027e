import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The first review of a test file starts a worker thread that loads the engine from source through tsx:
    // a few seconds on a loaded machine, past vitest's default of 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
