import type { Rule } from "../types.js";
import { houseStyle } from "./house-style.js";

export const LEXICON_RULES: readonly Rule[] = [houseStyle];
