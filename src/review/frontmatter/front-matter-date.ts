import { frontMatterDateText } from "../../site/post-identity.js";
import type { RuleContext } from "../types.js";
import { findField, parsedFrontMatter } from "./present-front-matter.js";

/** The `date:` of the front matter as written (quotes removed), with its place; js-yaml's Date is UTC-shifted. */
export function frontMatterDate(context: RuleContext) {
  const frontMatter = parsedFrontMatter(context);
  const field = frontMatter && findField(frontMatter, "date");
  if (!field || field.valueEnd === field.valueStart) return undefined;
  const unquoted = frontMatterDateText(context.post.source, frontMatter) ?? "";
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(unquoted);
  return {
    field,
    written: unquoted,
    day: match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined,
  };
}
