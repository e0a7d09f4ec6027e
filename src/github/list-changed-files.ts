import { isMarkupFile } from "../site/documents.js";
import type { ReviewSession } from "./github-client.js";

export interface ChangedFile {
  path: string;
  /** GitHub's `status`: `added`, `modified`, `renamed` or `copied` (the others are left out). */
  status: string;
  /** The unified diff GitHub shows; missing for a binary file or a diff too large to show. */
  patch?: string;
}

/**
 * Statuses whose file exists at the head with new content. `removed` has nothing left to review, and
 * `changed` (mode only) and `unchanged` changed no text.
 */
const REVIEWED_STATUSES = new Set(["added", "modified", "renamed", "copied"]);

/** GitHub's largest page of pull request files; the list stops at 3,000 files in any case. */
const FILES_PER_PAGE = 100;

/**
 * The Markdown and HTML files the pull request adds or changes: the only files a `posts` glob can
 * select, since Jekyll converts no other post. Deciding this before reading the config means that a pull
 * request of styles or data costs one request and leaves no trace.
 */
export async function listChangedMarkupFiles(session: ReviewSession): Promise<ChangedFile[]> {
  const { octokit, target } = session;
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: FILES_PER_PAGE,
  });
  return files
    .filter((file) => REVIEWED_STATUSES.has(file.status) && isMarkupFile(file.filename))
    .map((file) =>
      file.patch === undefined
        ? { path: file.filename, status: file.status }
        : { path: file.filename, status: file.status, patch: file.patch },
    );
}
