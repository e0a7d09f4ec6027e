import { closeSync, openSync, readSync } from "node:fs";
import { MAX_POST_BYTES } from "../review/review-file.js";

/**
 * Reads a post, but never more than one byte past the size limit: a 2 GB file in `_posts/` must not be
 * loaded to be told it is too large.
 */
export function readPostBytes(path: string): Uint8Array {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_POST_BYTES + 1);
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
