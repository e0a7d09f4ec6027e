import type { Heading } from "mdast";
import { visit } from "unist-util-visit";
import { type HeaderIdStyle, headingIdOfSource } from "../../links/kramdown-ids.js";
import type { ParsedPost } from "../parse-post.js";
import type { Fix } from "../types.js";

/** A block IAL on the line after a heading gives it an explicit id, which no fix of its text can change. */
const BLOCK_IAL_ID = /^[\t ]*\{:[^}\n]*#[A-Za-z]/;
/** kramdown's two id generators: which one a site uses depends on its `kramdown: input`; both must agree. */
const STYLES: readonly HeaderIdStyle[] = ["gfm", "kramdown"];

interface HeadingSpan {
  start: number;
  end: number;
}

/**
 * Tells whether applying a fix would change the id of the heading it lies in. A heading's id is an address
 * (`/post.html#pourquoi-`): the post's own table of contents, other posts and other sites link to it, and
 * Relecteur cannot see all of them, so a fix that changes it is never made, linked or not. A no-break space
 * before `?` is one: kramdown drops it from the id, where an ordinary space became a hyphen.
 */
export function headingIdGuard(post: ParsedPost): (fix: Fix) => boolean {
  let headings: HeadingSpan[] | undefined;
  return (fix) => {
    headings ??= headingSpans(post);
    const heading = headings.find(({ start, end }) => fix.start >= start && fix.end <= end);
    if (!heading) return false;
    const before = post.source.slice(heading.start, heading.end);
    const after =
      before.slice(0, fix.start - heading.start) + fix.text + before.slice(fix.end - heading.start);
    return STYLES.some((style) => {
      const id = headingIdOfSource(before, style);
      return id === undefined || headingIdOfSource(after, style) !== id;
    });
  };
}

function headingSpans(post: ParsedPost): HeadingSpan[] {
  const spans: HeadingSpan[] = [];
  visit(post.tree, "heading", (node: Heading) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lineEnd = post.source.indexOf("\n", end + 1);
    const nextLine = post.source.slice(end + 1, lineEnd === -1 ? undefined : lineEnd);
    if (post.source[end] === "\n" && BLOCK_IAL_ID.test(nextLine)) return;
    spans.push({ start, end });
  });
  return spans;
}
