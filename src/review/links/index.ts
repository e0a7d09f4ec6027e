import type { Rule } from "../types.js";
import { deadInternalLink } from "./dead-internal-link.js";
import { deprecatedUrl } from "./deprecated-url.js";
import { externalLink } from "./external-link.js";
import { httpToHttps } from "./http-to-https.js";
import { invalidMailto } from "./invalid-mailto.js";
import { missingAnchor } from "./missing-anchor.js";

/** Link rules; `links/external-link` reads the verdicts that the HTTP checker (src/links/http/) gave before. */
export const LINKS_RULES: readonly Rule[] = [
  deadInternalLink,
  missingAnchor,
  deprecatedUrl,
  invalidMailto,
  externalLink,
  httpToHttps,
];
