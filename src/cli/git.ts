import { execFileSync } from "node:child_process";
import { parseDiffLines } from "../report/diff-lines.js";
import { UsageError } from "./usage-error.js";

/**
 * The git plumbing behind `--changed-since` and `relecteur review`. Every call asks for a stable output
 * whatever the user's settings: paths unquoted (`core.quotePath`), no colour, no external diff or textconv
 * driver, renames detected as GitHub does.
 */

/** A file that a change left with content: added (or copied), modified or renamed; deletions are not reviewed. */
export interface ChangedPath {
  /** Path from the repository's root, at the change's end. */
  path: string;
  status: "added" | "modified" | "renamed";
  /** The path before a rename. */
  oldPath?: string;
}

const STATUSES: Record<string, ChangedPath["status"] | undefined> = {
  A: "added",
  M: "modified",
  R: "renamed",
  // A copy is a new file (a post started from another): reviewed whole.
  C: "added",
  // A type change (a symbolic link become a file) changed every line.
  T: "added",
};

/** Runs git in `cwd` and returns its standard output; a git failure is a usage error with git's own words. */
export function gitBytes(cwd: string, args: readonly string[]): Buffer {
  try {
    return execFileSync("git", ["-c", "core.quotePath=false", ...args], {
      cwd,
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === "ENOENT")
      throw new UsageError("git est introuvable\u00a0: installez-le ou ajoutez-le au PATH");
    const reason = failure.stderr?.toString("utf8").trim().split("\n")[0] || failure.message;
    throw new UsageError(`git ${args[0]}\u00a0: ${reason.replace(/^fatal: /, "")}`);
  }
}

export function git(cwd: string, args: readonly string[]): string {
  return gitBytes(cwd, args).toString("utf8");
}

/** The root of the work tree holding `cwd`. */
export function topLevel(cwd: string): string {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new UsageError(`${cwd}\u00a0: ce dossier n’est pas dans un dépôt git`);
  }
}

/** The commit a reference names (a branch, a tag, a sha, `HEAD~2`…); a clear message when there is none. */
export function resolveCommit(cwd: string, ref: string, option: string): string {
  try {
    return git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).trim();
  } catch {
    throw new UsageError(
      `${option} ${ref}\u00a0: aucun commit de ce nom dans le dépôt (dans un clone partiel, récupérez-le avec git fetch)`,
    );
  }
}

/**
 * Where the change starts, as a pull request's diff does: the merge base of `base` and `head`, so that
 * what `base` received since the branch left it is not read as the branch's. In a shallow clone without
 * that history, `base` itself.
 */
export function changeStart(cwd: string, base: string, head: string): string {
  try {
    return git(cwd, ["merge-base", base, head]).trim() || base;
  } catch {
    return base;
  }
}

/** The files changed between `from` and `to` (a commit), or the work tree when `to` is absent. */
export function changedPaths(cwd: string, from: string, to?: string): ChangedPath[] {
  const output = git(cwd, [
    "diff",
    "--name-status",
    "-z",
    "-M",
    "--no-ext-diff",
    "--ignore-submodules",
    from,
    ...(to === undefined ? [] : [to]),
    "--",
  ]);
  const fields = output.split("\0");
  const changes: ChangedPath[] = [];
  for (let index = 0; index < fields.length - 1; ) {
    const code = fields[index++] ?? "";
    const letter = code[0] ?? "";
    const hasTwoPaths = letter === "R" || letter === "C";
    const oldPath = hasTwoPaths ? fields[index++] : undefined;
    const path = fields[index++] ?? "";
    const status = STATUSES[letter];
    if (status === undefined) continue; // D (deleted), U (unmerged), X: nothing to review.
    changes.push(
      status === "renamed" && oldPath !== undefined ? { path, status, oldPath } : { path, status },
    );
  }
  return changes;
}

/** Files of the work tree that git does not track yet and does not ignore: new posts not yet added. */
export function untrackedPaths(cwd: string): ChangedPath[] {
  return git(cwd, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/"])
    .split("\0")
    .filter(Boolean)
    .map((path) => ({ path, status: "added" }));
}

/** The lines of the file's new version that the change added or rewrote. */
export function addedLines(cwd: string, change: ChangedPath, from: string, to?: string): ReadonlySet<number> {
  const patch = git(cwd, [
    "diff",
    "-U0",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    from,
    ...(to === undefined ? [] : [to]),
    "--",
    ...(change.oldPath === undefined ? [] : [`:(top,literal)${change.oldPath}`]),
    `:(top,literal)${change.path}`,
  ]);
  return parseDiffLines(patch).added;
}

/** Every file path of a commit's tree, from the repository's root. */
export function treePaths(cwd: string, commit: string): string[] {
  return git(cwd, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit]).split("\0").filter(Boolean);
}

/** A file's bytes at a commit; undefined when the commit has no such file. */
export function fileAt(cwd: string, commit: string, path: string): Buffer | undefined {
  try {
    return gitBytes(cwd, ["cat-file", "blob", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}
