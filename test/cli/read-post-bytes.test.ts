import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPostBytes } from "../../src/cli/read-post-bytes.js";
import { MAX_POST_BYTES } from "../../src/review/review-file.js";

const folder = mkdtempSync(join(tmpdir(), "relecteur-read-post-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("readPostBytes", () => {
  it("reads a post into a buffer the size of the post, not of the size limit", () => {
    const path = join(folder, "court.md");
    writeFileSync(path, "---\ntitle: Court\n---\n\nL’article.\n");
    const bytes = readPostBytes(path);
    expect(Buffer.from(bytes).toString("utf8")).toBe("---\ntitle: Court\n---\n\nL’article.\n");
    // A site's run keeps every post's bytes: the buffer behind them must not be the limit's MiB.
    expect(bytes.buffer.byteLength).toBeLessThanOrEqual(bytes.byteLength + 1);
  });

  it("reads a post past the limit only one byte past it", () => {
    const path = join(folder, "long.md");
    writeFileSync(path, "a".repeat(MAX_POST_BYTES + 1000));
    const bytes = readPostBytes(path);
    expect(bytes.byteLength).toBe(MAX_POST_BYTES + 1);
    expect(bytes.buffer.byteLength).toBe(MAX_POST_BYTES + 1);
  });

  it("reads an empty post as no bytes", () => {
    const path = join(folder, "vide.md");
    writeFileSync(path, "");
    expect(readPostBytes(path).byteLength).toBe(0);
  });
});
