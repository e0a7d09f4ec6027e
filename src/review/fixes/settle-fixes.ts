import type { ParsedPost } from "../parse-post.js";
import type { ProseBlock } from "../prose/prose-block.js";
import type { Finding, Fix } from "../types.js";
import { headingIdGuard } from "./heading-ids.js";
import { letterFixProblem, splitsName } from "./letter-guards.js";

/**
 * The guards every rule's corrections go through once the rules have reported, so that no rule can forget
 * one. A letter fix inside a name (`Vue.Js`, `ASP.NET`, `EtatCivil`) means the rule took part of a name for a
 * word: the finding goes. A letter fix in English text, a space written inside a name, or any correction
 * that would change a heading's id, is not made: the finding stays, without it.
 */
export function settleFixes(
  findings: readonly Finding[],
  post: ParsedPost,
  prose: () => readonly ProseBlock[],
  frenchProse: () => readonly ProseBlock[],
): Finding[] {
  const changesHeadingId = headingIdGuard(post);
  return findings.filter((finding) => {
    if (finding.suggestion) {
      const problem = letterFixProblem(post.source, finding.suggestion, prose(), frenchProse());
      if (problem === "name") return false;
      if (problem === "english") delete finding.suggestion;
    }
    const isHarmful = (fix: Fix) => splitsName(post.source, fix) || changesHeadingId(fix);
    if (finding.fix && isHarmful(finding.fix)) delete finding.fix;
    if (finding.suggestion && isHarmful(finding.suggestion)) delete finding.suggestion;
    return true;
  });
}
