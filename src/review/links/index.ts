import type { Rule } from "../types.js";

export const LINKS_RULES: readonly Rule[] = [];
