import { FRONTMATTER_RULES } from "./frontmatter/index.js";
import { LEXICON_RULES } from "./lexicon/index.js";
import { LINKS_RULES } from "./links/index.js";
import { MARKDOWN_RULES } from "./markdown/index.js";
import type { Rule } from "./types.js";
import { TYPO_RULES } from "./typo/index.js";

/** Every rule, by category: adding a rule is adding its file and one line in its category's index. */
export const RULES: readonly Rule[] = [
  ...FRONTMATTER_RULES,
  ...MARKDOWN_RULES,
  ...TYPO_RULES,
  ...LEXICON_RULES,
  ...LINKS_RULES,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
