import { filesUnder, type SiteFileSource } from "../preview/file-source.js";
import { type BlobCache, type CommitRef, openCommitFileSource } from "./commit-file-source.js";
import type { GitHubClient } from "./github-client.js";

/** What jekyll-remote-theme takes from a theme repository: its layouts, includes, Sass, assets and data. */
const THEME_FOLDERS = ["_layouts", "_includes", "_sass", "assets", "_data"];

/**
 * The repository of `remote_theme` (`owner/repo`, `owner/repo@ref`, or its github.com address), as the
 * jekyll-remote-theme plugin reads it; `HEAD` (the default branch) when no ref is given.
 */
export function parseRemoteTheme(value: unknown): CommitRef | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(?:https?:\/\/github\.com\/)?([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:@([\w./-]+))?\/?$/.exec(
    value.trim(),
  );
  if (!match) return undefined;
  return { owner: match[1] as string, repo: match[2] as string, ref: match[3] ?? "HEAD" };
}

/** The theme's files read through the API, limited to the folders Jekyll takes from a theme. */
export async function openRemoteTheme(
  octokit: GitHubClient,
  theme: CommitRef,
  blobs: BlobCache,
): Promise<SiteFileSource | undefined> {
  const source = await openCommitFileSource(octokit, theme, blobs);
  if (source === undefined) return undefined;
  const isThemeFile = (path: string) => THEME_FOLDERS.some((folder) => path.startsWith(`${folder}/`));
  const paths = (await source.list("")).filter(isThemeFile);
  return {
    readFile: async (path) => (isThemeFile(path) ? source.readFile(path) : undefined),
    list: async (folder) => filesUnder(paths, folder),
  };
}
