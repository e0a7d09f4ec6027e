import type { Rule } from "../types.js";
import { nbspBeforeClosingGuillemet } from "./nbsp-before-closing-guillemet.js";
import { nbspBeforeColon } from "./nbsp-before-colon.js";
import { nbspBeforeExclamation } from "./nbsp-before-exclamation.js";
import { nbspBeforeQuestion } from "./nbsp-before-question.js";
import { nbspBeforeSemicolon } from "./nbsp-before-semicolon.js";
import { nbspInsideGuillemets } from "./nbsp-inside-guillemets.js";

export const TYPO_RULES: readonly Rule[] = [
  nbspBeforeColon,
  nbspBeforeSemicolon,
  nbspBeforeExclamation,
  nbspBeforeQuestion,
  nbspInsideGuillemets,
  nbspBeforeClosingGuillemet,
];
