import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { FileChange } from "../report/changed-scope.js";
import { isMarkupFile } from "../site/documents.js";
import {
  addedLines,
  type ChangedPath,
  changedPaths,
  changeStart,
  resolveCommit,
  topLevel,
  untrackedPaths,
} from "./git.js";

/** The Markdown and HTML files changed since a reference, in the work tree, and what changed in each. */
export interface WorkTreeChanges {
  /** The change of the file at that absolute path; undefined when the change left it alone. */
  changeOf(absolutePath: string): FileChange | undefined;
}

/**
 * `--changed-since REF`: what the work tree changed since REF, as a pull request from it would (from the
 * merge base of REF and HEAD), uncommitted edits and new files git does not ignore included, so that a
 * pre-push hook or a contributor's last check sees what they are about to propose. Deleted files are
 * not reviewed. The changed lines of a file are read from `git diff` only when asked for.
 */
export function workTreeChanges(cwd: string, ref: string): WorkTreeChanges {
  const top = topLevel(cwd);
  const base = resolveCommit(top, ref, "--changed-since");
  const from = changeStart(top, base, "HEAD");
  const changes = new Map<string, ChangedPath>();
  for (const change of [...changedPaths(top, from), ...untrackedPaths(top)]) {
    if (isMarkupFile(change.path)) changes.set(realPath(resolve(top, change.path)), change);
  }
  return {
    changeOf(absolutePath) {
      const change = changes.get(realPath(absolutePath));
      if (change === undefined) return undefined;
      if (change.status === "added") return {};
      const lines = addedLines(top, change, from);
      return change.status === "renamed" ? { lines, renamed: true } : { lines };
    },
  };
}

/** The same file through any symbolic link of its folders (`/tmp` on macOS), as git names it. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
