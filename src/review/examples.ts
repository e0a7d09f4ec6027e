import { configSchema } from "../config/schema.js";
import { buildSite } from "../site/site.js";
import { applyFixes } from "./apply-fixes.js";
import { reviewPost } from "./engine.js";
import { correctionOf } from "./fix-until-stable.js";
import type { Finding, Rule, RuleExample } from "./types.js";

export const EXAMPLE_POST_PATH = "_posts/2024-03-05-exemple.md";
/** The review date of every documented example. */
export const EXAMPLE_TODAY = "2024-06-01";

/**
 * Runs one rule alone on a documented example, as the engine would on a real site; `fixed` is the example
 * with every correction of the rule applied, fixes and suggestions alike (`--fix=all`).
 */
export function runRuleExample(rule: Rule, example: RuleExample): { findings: Finding[]; fixed: string } {
  const path = example.path ?? EXAMPLE_POST_PATH;
  const siteFiles = example.site ?? {};
  const config = configSchema.parse(example.config ?? {});
  const { site } = buildSite({
    files: [...Object.keys(siteFiles), path],
    configText: siteFiles["_config.yml"],
    postGlobs: config.posts,
    texts: new Map([...Object.entries(siteFiles), [path, example.source]]),
  });
  const findings = reviewPost({ path, source: example.source }, site, config, {
    today: EXAMPLE_TODAY,
    rules: [{ ...rule, severity: rule.severity }],
    externalLinks: new Map(Object.entries(example.externalLinks ?? {})),
  });
  const fixes = findings.flatMap((finding) => correctionOf(finding, "all") ?? []);
  return { findings, fixed: applyFixes(example.source, fixes).text };
}
