import type { FrontMatter, FrontMatterField } from "../front-matter.js";
import type { RuleContext } from "../types.js";

export type ParsedFrontMatter = Extract<FrontMatter, { kind: "present" }>;

/** The front matter when it parsed: rules about its fields stay silent otherwise (another rule reports why). */
export function parsedFrontMatter(context: RuleContext): ParsedFrontMatter | undefined {
  const frontMatter = context.post.frontMatter;
  return frontMatter.kind === "present" && !frontMatter.error ? frontMatter : undefined;
}

export function findField(frontMatter: ParsedFrontMatter, key: string): FrontMatterField | undefined {
  return frontMatter.fields.find((field) => field.key === key);
}

/** Range of a field's value when written on its line, else of its key. */
export function fieldValueRange(context: RuleContext, field: FrontMatterField) {
  return field.valueEnd > field.valueStart
    ? context.rangeAt(field.valueStart, field.valueEnd)
    : context.rangeAt(field.keyStart, field.keyEnd);
}

/** Where to report something missing from the front matter: its opening line. */
export function frontMatterStartRange(context: RuleContext) {
  return context.rangeAt(0, Math.min(3, context.post.source.length));
}
