import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { makeSite, type SiteFiles, writeFiles } from "./temp-site.js";

/** Runs git in the repository, with an identity and no user or system config that could change its output. */
export function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_DATE: "2024-03-01T10:00:00Z",
      GIT_COMMITTER_DATE: "2024-03-01T10:00:00Z",
    },
  });
}

/** A temporary site (the default files plus `files`) in a git repository on `main`, with one commit. */
export function makeGitSite(files: SiteFiles): string {
  const root = makeSite(files);
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "config", "user.name", "Relecteur Test");
  git(root, "config", "user.email", "test@relecteur.invalid");
  commitAll(root, "Le site");
  return root;
}

export function commitAll(root: string, message: string): void {
  git(root, "add", "--all");
  git(root, "commit", "--quiet", "--allow-empty", "-m", message);
}

/** Writes files (a `null` deletes one) without committing them. */
export function change(root: string, files: SiteFiles): void {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) rmSync(join(root, path));
  }
  writeFiles(root, files);
}

/** A post of the base commit: an unknown author (an error, line 3), two spaces to fix on line 6, one on line 8. */
export const OLD_POST = [
  "---",
  "title: Ancien",
  "authors: [jdupond]",
  "---",
  "",
  "Nous avons appris : merci !",
  "",
  "La suite est prévue pour lundi ; venez.",
  "",
].join("\n");

/** The contributor rewrites line 8 of `OLD_POST`, whose « ; » still lacks its no-break space. */
export const EDITED_POST = OLD_POST.replace("pour lundi", "pour mardi");
