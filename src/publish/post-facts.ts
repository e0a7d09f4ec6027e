import { readFrontMatter } from "../review/front-matter.js";
import { frontMatterDateText, frontMatterTitle } from "../site/post-identity.js";
import type { PostFact } from "./pull-request-facts.js";

/**
 * What the merge policy needs of a post's text: its title (for the commit title) and its `date` as the
 * author wrote it. A post whose front matter does not parse gives neither: its date then comes from its
 * file name, and its review already fails on the front matter.
 */
export function postFactOf(path: string, source: string): PostFact {
  const frontMatter = readFrontMatter(source);
  if (frontMatter.kind !== "present" || frontMatter.error) return { path };
  const title = frontMatterTitle(frontMatter.data);
  const date = frontMatterDateText(source, frontMatter);
  return {
    path,
    ...(title === undefined ? {} : { title }),
    ...(date === undefined ? {} : { date }),
  };
}
