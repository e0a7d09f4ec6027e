import type { Root } from "mdast";
import type { Node } from "unist";
import type { Config } from "../config/schema.js";
import type { ExternalResults, ExternalVerdict } from "../links/types.js";
import type { Site } from "../site/site.js";
import type { ParsedPost } from "./parse-post.js";
import type { PostLanguage } from "./prose/post-language.js";
import type { ProseBlock } from "./prose/prose-block.js";

export const CATEGORIES = ["frontmatter", "markdown", "typo", "lexicon", "links"] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Locale = "fr" | "en";

/** A message in every language Relecteur speaks; the engine picks one from `locale`. */
export interface Localized {
  fr: string;
  en: string;
}

/** A place in the source: 1-based line and column (unist style) plus the absolute 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** Replace the source text between two absolute offsets (end exclusive) by `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface RelatedLocation {
  range: Range;
  message: Localized;
}

/** What a rule reports; the engine stamps the rule's id, category and severity on it. */
export interface Report {
  message: Localized;
  /**
   * This report's severity when it differs from the rule's default (a missing space is an error, a breaking
   * one a warning). A level set in the config's `rules:` still wins.
   */
  severity?: Severity;
  range: Range;
  /**
   * The correction. The engine decides its kind from what it changes: spacing and punctuation only, it is a
   * finding's `fix`; letters, its `suggestion` (see `review/fixes/fix-kind.ts`).
   */
  fix?: Fix;
  /** The fix changes what the text says even though it keeps every letter (a link's target): a suggestion. */
  fixNeedsReading?: boolean;
  related?: RelatedLocation[];
  expected?: string[];
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  /** Safe to apply without reading: it changes spacing and punctuation, never a letter (`--fix`). */
  fix?: Fix;
  /** A correction that changes letters, for a person to accept (`--fix=all`, the app's suggestions). */
  suggestion?: Fix;
  related?: { range: Range; message: string }[];
  expected?: string[];
}

export interface RuleContext {
  readonly post: ParsedPost;
  readonly tree: Root;
  readonly site: Site;
  readonly config: Config;
  /** The post's prose (paragraphs, headings, cells, alt texts, title, description), computed once per post. */
  readonly prose: readonly ProseBlock[];
  /** The post's language (front matter, config, site, or its own prose), computed once per post. */
  readonly language: PostLanguage;
  /**
   * What the HTTP checker learnt about external URLs before the review (keyed by normalised URL); empty
   * offline. Rules read it; they never make requests.
   */
  readonly externalLinks: ExternalResults;
  /** The review date, `YYYY-MM-DD`: an input, never read from the clock inside the engine. */
  readonly today: string;
  report(report: Report): void;
  /** Range of absolute offsets `[start, end)` in the post's source. */
  rangeAt(start: number, end: number): Range;
  /** Range of a Markdown node (from its positional info). */
  rangeOf(node: Node): Range;
  pointAt(offset: number): Point;
}

/** A documented example: a wrong one lists findings, a right one lists none. */
export interface RuleExample {
  /** Path of the post in the example site; defaults to `_posts/2024-03-05-exemple.md`. */
  path?: string;
  source: string;
  /** Extra files of the example site (path → content), e.g. author files or `_config.yml`. */
  site?: Record<string, string>;
  /** Config overrides, as a maintainer would write them in `.github/relecteur.yml`. */
  config?: Record<string, unknown>;
  /** What the HTTP checker would have answered, keyed by normalised URL (rules about external links). */
  externalLinks?: Record<string, ExternalVerdict>;
}

export interface ExpectedFinding {
  message: string;
  /** When the report sets its own severity. */
  severity?: Severity;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface WrongExample extends RuleExample {
  findings: ExpectedFinding[];
  /** The source after applying every fix of this rule, when the rule fixes. */
  fixed?: string;
}

export interface RuleDocs {
  /** French title, shown in the docs and the summary. */
  title: string;
  rationale: string;
  wrong: WrongExample[];
  right: RuleExample[];
}

export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  docs: RuleDocs;
  check(context: RuleContext): void;
}
