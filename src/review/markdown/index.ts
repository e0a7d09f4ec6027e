import type { Rule } from "../types.js";

export const MARKDOWN_RULES: readonly Rule[] = [];
