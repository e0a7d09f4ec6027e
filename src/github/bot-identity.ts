import type { GitHubClient } from "./github-client.js";

/**
 * Which comments are the app's own. An app writes as `<slug>[bot]` on github.com and on GHES alike, and
 * the slug comes free with the check run the review creates (`check_run.app.slug`): no extra request,
 * and no guess from the app's name, which its owner may change. Comparing logins rather than the
 * marker alone keeps the app off comments that merely quote the marker.
 */
export function botLoginOf(appSlug: string): string {
  return `${appSlug}[bot]`;
}

/** Logins are case-insensitive on GitHub. */
export function isWrittenBy(user: { login: string } | null | undefined, botLogin: string): boolean {
  return user?.login.toLowerCase() === botLogin.toLowerCase();
}

/**
 * The fallback when a check run comes back without its app (GitHub documents the field as nullable):
 * `GET /app`, which needs the app's own JWT, made once per process and kept. A failure is not kept, so
 * the next review asks again.
 */
export function createAppSlugLookup(appClient: () => Promise<GitHubClient>): () => Promise<string> {
  let slug: Promise<string> | undefined;
  return () => {
    slug ??= appClient()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => {
        if (!data?.slug) throw new Error("GET /app answered without the app's slug");
        return data.slug;
      })
      .catch((error: unknown) => {
        slug = undefined;
        throw error;
      });
    return slug;
  };
}
