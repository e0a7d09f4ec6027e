import type { Rule } from "../types.js";
import { noFrontMatter } from "./no-front-matter.js";
import { unclosedFrontMatter } from "./unclosed-front-matter.js";
import { yamlSyntax } from "./yaml-syntax.js";

export const FRONTMATTER_RULES: readonly Rule[] = [noFrontMatter, unclosedFrontMatter, yamlSyntax];
