import { type FrontMatter, readFrontMatter } from "../review/front-matter.js";
import { resolvePermalink, siteUrl } from "./permalink.js";
import { parsePostPath } from "./post-path.js";
import type { Site } from "./site.js";

/** What a reader sees of a post: its title and where it will be published. */
export interface PostIdentity {
  title?: string;
  /** URL path without baseurl (Jekyll's `page.url`). */
  permalink?: string;
  /** Absolute URL on the site when `url` is known, else the path with baseurl. */
  url?: string;
}

/**
 * The front matter `date` as written (quotes removed), not as YAML reads it: YAML turns a timestamp into
 * a UTC instant and loses the time zone the author meant.
 */
export function frontMatterDateText(
  source: string,
  frontMatter: Extract<FrontMatter, { kind: "present" }>,
): string | undefined {
  const field = frontMatter.fields.find((item) => item.key === "date");
  if (!field) return undefined;
  return (
    source
      .slice(field.valueStart, field.valueEnd)
      .replace(/^(["'])(.*)\1$/, "$2")
      .trim() || undefined
  );
}

/** The front matter `title`, trimmed, when it is a non-empty string. */
export function frontMatterTitle(data: Record<string, unknown>): string | undefined {
  return typeof data.title === "string" && data.title.trim() !== "" ? data.title.trim() : undefined;
}

/** `frontMatter` is the source's, when the caller has it parsed already: it is parsed once, not again here. */
export function identifyPost(
  path: string,
  source: string,
  site: Site,
  frontMatter: FrontMatter = readFrontMatter(source),
): PostIdentity {
  if (frontMatter.kind !== "present" || frontMatter.error) return {};
  const data = frontMatter.data;
  const dateText = frontMatterDateText(source, frontMatter);
  const permalink = resolvePermalink({
    post: parsePostPath(path),
    frontMatter: data,
    frontMatterDateText: dateText || undefined,
    jekyll: site.jekyll,
  });
  return {
    title: frontMatterTitle(data),
    permalink,
    url: permalink === undefined ? undefined : siteUrl(site.jekyll, permalink),
  };
}
