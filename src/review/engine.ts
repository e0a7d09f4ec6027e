import type { Config } from "../config/schema.js";
import type { ExternalResults } from "../links/types.js";
import type { Site } from "../site/site.js";
import { filterFindings } from "./filters/index.js";
import { fixKind } from "./fixes/fix-kind.js";
import { settleFixes } from "./fixes/settle-fixes.js";
import { tooComplexBeforeParsing } from "./markdown/too-complex.js";
import { parsePost } from "./parse-post.js";
import { extractProse } from "./prose/extract-prose.js";
import { type PostLanguage, postLanguage } from "./prose/post-language.js";
import type { ProseBlock } from "./prose/prose-block.js";
import { RULES } from "./registry.js";
import type { Category, Finding, Report, Rule, RuleContext, Severity } from "./types.js";
import { frenchBlocks } from "./typo/french-prose.js";

export interface ReviewOptions {
  /** The review date, `YYYY-MM-DD`. */
  today: string;
  /** Restrict to these categories (`--only`). */
  only?: readonly Category[];
  /** The rules to run; the registry by default. */
  rules?: readonly Rule[];
  /** Verdicts of the external links, checked before the review by the HTTP checker. */
  externalLinks?: ExternalResults;
}

export interface PostInput {
  path: string;
  source: string;
}

const NO_EXTERNAL_RESULTS: ExternalResults = new Map();

/** Runs every enabled rule on one post. Pure: no disk, network, clock or environment. */
export function reviewPost(input: PostInput, site: Site, config: Config, options: ReviewOptions): Finding[] {
  // Before parsing, in linear time: the shapes that would make the parser or the rules run for minutes.
  const tooComplex = tooComplexBeforeParsing(input.source, config);
  if (tooComplex) return [tooComplex];
  const post = parsePost(input.path, input.source);
  const findings: Finding[] = [];
  let prose: ProseBlock[] | undefined;
  const proseOf = () => {
    prose ??= extractProse(post);
    return prose;
  };
  let language: PostLanguage | undefined;
  const languageOf = () => {
    language ??= postLanguage(post, proseOf(), config, site);
    return language;
  };
  const contextFor = (report: RuleContext["report"]): RuleContext => ({
    post,
    tree: post.tree,
    get prose() {
      return proseOf();
    },
    get language() {
      return languageOf();
    },
    site,
    config,
    externalLinks: options.externalLinks ?? NO_EXTERNAL_RESULTS,
    today: options.today,
    report,
    rangeAt: (start, end) => post.lines.rangeAt(start, end),
    rangeOf: (node) => post.lines.rangeAt(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
    pointAt: (offset) => post.lines.pointAt(offset),
  });
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(rule, config);
    if (severity === undefined) continue;
    if (options.only && !options.only.includes(rule.category)) continue;
    const isConfigured = config.rules[rule.id] !== undefined;
    const stamp = (report: Report): Finding =>
      stampFinding(
        rule,
        isConfigured ? severity : (report.severity ?? severity),
        config,
        report,
        post.source,
      );
    rule.check(contextFor((report) => findings.push(stamp(report))));
  }
  let frenchProse: readonly ProseBlock[] | undefined;
  const settled = settleFixes(findings, post, proseOf, () => {
    frenchProse ??= frenchBlocks(contextFor(() => {}));
    return frenchProse;
  });
  return filterFindings(settled);
}

/** The severity a rule runs at after `rules:` in the config, or undefined when it is off. */
export function effectiveSeverity(rule: Pick<Rule, "id" | "severity">, config: Config): Severity | undefined {
  const level = config.rules[rule.id];
  if (level === "off") return undefined;
  return level ?? rule.severity;
}

/**
 * A rule's report as a finding. Its correction becomes the finding's `fix` or `suggestion` depending on what
 * it changes in `source` (a correction without the source it applies to is a suggestion).
 */
export function stampFinding(
  rule: Pick<Rule, "id" | "category">,
  severity: Severity,
  config: Config,
  report: Report,
  source?: string,
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity,
    message: report.message[config.locale],
    range: report.range,
  };
  if (report.fix) {
    const kind = source === undefined ? "suggestion" : fixKind(source, report.fix, report.fixNeedsReading);
    finding[kind] = report.fix;
  }
  if (report.expected) finding.expected = report.expected;
  if (report.related) {
    finding.related = report.related.map((related) => ({
      range: related.range,
      message: related.message[config.locale],
    }));
  }
  return finding;
}
