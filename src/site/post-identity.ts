import { readFrontMatter } from "../review/front-matter.js";
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

export function identifyPost(path: string, source: string, site: Site): PostIdentity {
  const frontMatter = readFrontMatter(source);
  if (frontMatter.kind !== "present" || frontMatter.error) return {};
  const data = frontMatter.data;
  const dateField = frontMatter.fields.find((field) => field.key === "date");
  const dateText = dateField
    ? source.slice(dateField.valueStart, dateField.valueEnd).replace(/^(["'])(.*)\1$/, "$2")
    : undefined;
  const permalink = resolvePermalink({
    post: parsePostPath(path),
    frontMatter: data,
    frontMatterDateText: dateText || undefined,
    jekyll: site.jekyll,
  });
  return {
    title: typeof data.title === "string" && data.title.trim() !== "" ? data.title.trim() : undefined,
    permalink,
    url: permalink === undefined ? undefined : siteUrl(site.jekyll, permalink),
  };
}
