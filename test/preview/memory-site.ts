import { memoryFileSource } from "../../src/preview/file-source.js";
import { type PageRenderOptions, PreviewSite, type RenderedPage } from "../../src/preview/preview-site.js";

export const POST_GLOBS = ["_posts/**/*.md", "_posts/**/*.markdown", "_posts/**/*.html"];

/** A fixed `now`, so that `site.time` and dates do not depend on the day the tests run. */
export const NOW = new Date("2024-06-01T10:00:00Z");

/** A site held in memory, as the app will read one through the GitHub API. */
export async function openSite(files: Record<string, string | Uint8Array>): Promise<PreviewSite> {
  return PreviewSite.open(memoryFileSource(new Map(Object.entries(files))), {
    postGlobs: POST_GLOBS,
    now: NOW,
  });
}

/** Renders `_posts/2024-05-01-essai.md` (or `path`) of a site made of `files`. */
export async function renderPost(
  files: Record<string, string | Uint8Array>,
  path = "_posts/2024-05-01-essai.md",
  options: PageRenderOptions = {},
): Promise<RenderedPage> {
  return (await openSite(files)).renderPost(path, options);
}

/** The HTML between the banner and the end of the body, for a page without layout: the post's content. */
export function bodyOf(page: RenderedPage): string {
  const afterBanner = page.html.replace(/^[\s\S]*?<div data-relecteur="banner"[\s\S]*?<\/div>/, "");
  return afterBanner.replace(/<\/body>[\s\S]*$/, "").trim();
}
