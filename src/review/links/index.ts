import type { Rule } from "../types.js";
import { deadInternalLink } from "./dead-internal-link.js";
import { deprecatedUrl } from "./deprecated-url.js";
import { invalidMailto } from "./invalid-mailto.js";
import { missingAnchor } from "./missing-anchor.js";

/** Rules that read only the post and the site; verdicts of external links come from src/links/http/. */
export const LINKS_RULES: readonly Rule[] = [deadInternalLink, missingAnchor, deprecatedUrl, invalidMailto];
