/** A repository at one commit, as the summary comment links into it. */
export interface RepositoryAt {
  /** The web address of the GitHub that hosts it: `https://github.com`, or a GitHub Enterprise Server's. */
  webUrl: string;
  owner: string;
  repo: string;
  sha: string;
}

/**
 * The web address of the GitHub an API base URL belongs to: `https://api.github.com` → `https://github.com`,
 * `https://api.<tenant>.ghe.com` → `https://<tenant>.ghe.com`, a server's `https://host/api/v3` →
 * `https://host`.
 */
export function webUrlOfApi(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  const path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith("/api/v3")) return `${url.origin}${path.slice(0, -"/api/v3".length)}`;
  const host = url.host.startsWith("api.") ? url.host.slice("api.".length) : url.host;
  return `${url.protocol}//${host}${path}`;
}

/**
 * The file's page at that commit, as plain text so that `#L<line>` anchors work on Markdown too
 * (GitHub renders Markdown by default, where line anchors do not exist). Each path segment is escaped:
 * a post's name may hold spaces, accents, `#` or `?`.
 */
export function blobUrl(at: RepositoryAt, path: string): string {
  const segments = [at.owner, at.repo, "blob", at.sha, ...path.split("/")];
  return `${at.webUrl}/${segments.map(encodeURIComponent).join("/")}?plain=1`;
}
