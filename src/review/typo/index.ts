import type { Rule } from "../types.js";
import { abbreviations } from "./abbreviations.js";
import { accentedCapitals } from "./accented-capitals.js";
import { apostrophe } from "./apostrophe.js";
import { ellipsis } from "./ellipsis.js";
import { hours } from "./hours.js";
import { inciseDash } from "./incise-dash.js";
import { lowercaseDates } from "./lowercase-dates.js";
import { nbspBeforeClosingGuillemet } from "./nbsp-before-closing-guillemet.js";
import { nbspBeforeColon } from "./nbsp-before-colon.js";
import { nbspBeforeExclamation } from "./nbsp-before-exclamation.js";
import { nbspBeforeQuestion } from "./nbsp-before-question.js";
import { nbspBeforeSemicolon } from "./nbsp-before-semicolon.js";
import { nbspInsideGuillemets } from "./nbsp-inside-guillemets.js";
import { nestedGuillemets } from "./nested-guillemets.js";
import { numbers } from "./numbers.js";
import { ordinals } from "./ordinals.js";
import { spaces } from "./spaces.js";
import { straightQuotes } from "./straight-quotes.js";

export const TYPO_RULES: readonly Rule[] = [
  nbspBeforeColon,
  nbspBeforeSemicolon,
  nbspBeforeExclamation,
  nbspBeforeQuestion,
  nbspInsideGuillemets,
  nbspBeforeClosingGuillemet,
  straightQuotes,
  nestedGuillemets,
  apostrophe,
  ellipsis,
  accentedCapitals,
  ordinals,
  numbers,
  hours,
  inciseDash,
  abbreviations,
  lowercaseDates,
  spaces,
];
