import type { Rule } from "../types.js";
import { authorKey } from "./author-key.js";
import { authorsList } from "./authors-list.js";
import { dateMismatch } from "./date-mismatch.js";
import { excerptSeparator } from "./excerpt-separator.js";
import { fieldType } from "./field-type.js";
import { fileName } from "./file-name.js";
import { invalidDate } from "./invalid-date.js";
import { missingImage } from "./missing-image.js";
import { noFrontMatter } from "./no-front-matter.js";
import { requiredField } from "./required-field.js";
import { slugStyle } from "./slug-style.js";
import { unclosedFrontMatter } from "./unclosed-front-matter.js";
import { unknownAuthor } from "./unknown-author.js";
import { yamlSyntax } from "./yaml-syntax.js";

export const FRONTMATTER_RULES: readonly Rule[] = [
  noFrontMatter,
  unclosedFrontMatter,
  yamlSyntax,
  fieldType,
  requiredField,
  authorsList,
  authorKey,
  unknownAuthor,
  fileName,
  invalidDate,
  dateMismatch,
  slugStyle,
  excerptSeparator,
  missingImage,
];
