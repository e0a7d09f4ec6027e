import type { Rule } from "../types.js";
import { emptyLink } from "./empty-link.js";
import { headingBlankLines } from "./heading-blank-lines.js";
import { headingIncrement } from "./heading-increment.js";
import { imageAlt } from "./image-alt.js";
import { listMarkerStyle } from "./list-marker-style.js";
import { noBaseurlInLink } from "./no-baseurl-in-link.js";
import { noConsecutiveBlankLines } from "./no-consecutive-blank-lines.js";
import { noH1 } from "./no-h1.js";
import { noTrailingSpaces } from "./no-trailing-spaces.js";
import { tooComplex } from "./too-complex.js";

export const MARKDOWN_RULES: readonly Rule[] = [
  noH1,
  headingIncrement,
  headingBlankLines,
  listMarkerStyle,
  noTrailingSpaces,
  noConsecutiveBlankLines,
  imageAlt,
  emptyLink,
  noBaseurlInLink,
  tooComplex,
];
