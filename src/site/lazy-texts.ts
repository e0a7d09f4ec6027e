import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_POST_BYTES } from "../review/review-file.js";
import { isMarkupFile } from "./documents.js";

/**
 * The texts of a local site's Markdown and HTML files (pages' permalinks and anchors), each read from disk
 * the first time it is asked for: a review of one post that links to no page of the site reads none.
 * Iterating (a page's URL lookup, copying the site into a worker) reads them all. Files too large to be a
 * post, vanished or unreadable ones are absent. Keys are the `/`-separated paths of `files`.
 */
export class LazySiteTexts implements ReadonlyMap<string, string> {
  readonly #root: string;
  readonly #paths: readonly string[];
  readonly #known: ReadonlySet<string>;
  readonly #read = new Map<string, string | undefined>();

  constructor(root: string, files: readonly string[]) {
    this.#root = root;
    this.#paths = files.filter(isMarkupFile);
    this.#known = new Set(this.#paths);
  }

  get(path: string): string | undefined {
    if (!this.#known.has(path)) return undefined;
    if (!this.#read.has(path)) this.#read.set(path, readText(resolve(this.#root, path)));
    return this.#read.get(path);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get size(): number {
    return [...this.entries()].length;
  }

  *entries(): MapIterator<[string, string]> {
    for (const path of this.#paths) {
      const text = this.get(path);
      if (text !== undefined) yield [path, text];
    }
  }

  *keys(): MapIterator<string> {
    for (const [path] of this.entries()) yield path;
  }

  *values(): MapIterator<string> {
    for (const [, text] of this.entries()) yield text;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [path, text] of this.entries()) callback(text, path, this);
  }
}

function readText(path: string): string | undefined {
  try {
    return statSync(path).size <= MAX_POST_BYTES ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined; // A file that vanished or cannot be read is not part of what we can check.
  }
}
