import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { markdownAnchorIds } from "../src/links/kramdown-ids.js";
import { type FixScope, fixUntilStable } from "../src/review/fix-until-stable.js";
import { lettersOnly } from "../src/review/fixes/fix-kind.js";
import { readFrontMatter } from "../src/review/front-matter.js";
import { parseMarkdown } from "../src/review/parse-post.js";
import type { Finding } from "../src/review/types.js";

export { lettersOnly };

/** What a fix must never touch: code, link targets and Liquid, in reading order. */
export function untouchable(text: string): string[] {
  const tree: Root = parseMarkdown(text);
  const kept: string[] = [];
  visit(tree, (node) => {
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") {
      kept.push(`${node.type}:${(node as { value: string }).value}`);
    }
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      kept.push(`url:${(node as { url: string }).url}`);
    }
  });
  for (const liquid of text.matchAll(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g)) kept.push(`liquid:${liquid[0]}`);
  return kept;
}

/** The ids of a post's headings and elements, with both of kramdown's id generators. */
export function anchorIds(text: string): string[] {
  return (["gfm", "kramdown"] as const).flatMap((style) =>
    [...markdownAnchorIds(text, style).ids].map((id) => `${style}:${id}`).sort(),
  );
}

/** The front matter's keys, or why it does not parse. */
export function frontMatterState(text: string): string {
  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind !== "present") return frontMatter.kind;
  if (frontMatter.error) return `error: ${frontMatter.error.message}`;
  return `keys: ${frontMatter.fields.map((field) => field.key).join(", ")}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The promises of `--fix` and `--fix=all` on one text, broken or not. `--fix` changes no letter or digit, no
 * heading id, no code, link target or Liquid; `--fix=all` changes no heading id, code or Liquid (a suggestion
 * may rewrite a link's address); after either, the front matter parses as before and a second run changes
 * nothing. `review` gives the findings of a text.
 */
export function fixProblems(
  source: string,
  findings: Finding[],
  review: (text: string) => Finding[],
): string[] {
  const problems: string[] = [];
  const codeAndLiquid = (text: string) => untouchable(text).filter((item) => !item.startsWith("url:"));
  for (const scope of ["safe", "all"] as FixScope[]) {
    const option = scope === "safe" ? "--fix" : "--fix=all";
    const fixed = fixUntilStable(source, findings, review, scope);
    if (fixed === source) continue;
    if (scope === "safe" && lettersOnly(fixed) !== lettersOnly(source))
      problems.push(`${option} changed a letter or a digit`);
    if (scope === "safe" && !same(untouchable(source), untouchable(fixed)))
      problems.push(`${option} changed code, a link target or Liquid`);
    if (scope === "all" && !same(codeAndLiquid(source), codeAndLiquid(fixed)))
      problems.push(`${option} changed code or Liquid`);
    if (!same(anchorIds(source), anchorIds(fixed))) problems.push(`${option} changed a heading id`);
    if (frontMatterState(source) !== frontMatterState(fixed))
      problems.push(`${option}: the front matter no longer parses as it did`);
    if (fixUntilStable(fixed, review(fixed), review, scope) !== fixed)
      problems.push(`a second ${option} would change it again`);
  }
  return problems;
}
