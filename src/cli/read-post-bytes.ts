import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { MAX_POST_BYTES } from "../review/review-file.js";

/**
 * Reads a post, but never more than one byte past the size limit: a 2 GB file in `_posts/` must not be
 * loaded to be told it is too large. The buffer is sized from the file, not from the limit: a run keeps
 * every post's bytes until its report, and a view on a 1 MiB buffer would hold the whole MiB (and be copied
 * whole into a review worker), a gigabyte for a site of a thousand posts.
 */
export function readPostBytes(path: string): Uint8Array {
  const descriptor = openSync(path, "r");
  try {
    // The file's size and one byte, but never past the limit and one byte: what tells a post too large.
    const buffer = Buffer.alloc(Math.min(fstatSync(descriptor).size, MAX_POST_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}
