import type { ParsedPost } from "../parse-post.js";
import type { ProseBlock } from "../prose/prose-block.js";
import type { Finding } from "../types.js";
import { headingIdGuard } from "./heading-ids.js";
import { letterFixProblem } from "./letter-guards.js";

/**
 * The guards every rule's corrections go through once the rules have reported, so that no rule can forget
 * one: no letter fix on English text or inside a name, no correction that changes a heading's id. The
 * finding stays, without the correction.
 */
export function settleFixes(
  findings: readonly Finding[],
  post: ParsedPost,
  prose: () => readonly ProseBlock[],
  frenchProse: () => readonly ProseBlock[],
): void {
  const changesHeadingId = headingIdGuard(post);
  for (const finding of findings) {
    if (
      finding.suggestion &&
      letterFixProblem(post.source, finding.suggestion, prose(), frenchProse()) !== undefined
    ) {
      delete finding.suggestion;
    }
    if (finding.fix && changesHeadingId(finding.fix)) delete finding.fix;
    if (finding.suggestion && changesHeadingId(finding.suggestion)) delete finding.suggestion;
  }
}
