import type { LinkOutcome } from "./link-outcome.js";
import { kept } from "./link-outcome.js";

/** What an HTTP status means for a link, once redirects are followed. Pure. */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Statuses after which HEAD is tried again as GET: 405 and 501 say HEAD is not implemented, and many
 * servers and firewalls answer 400 or 403 to HEAD alone. A 404 on HEAD is taken at its word.
 */
const HEAD_REFUSALS = new Set([400, 403, 405, 501]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

export function shouldRetryWithGet(status: number): boolean {
  return HEAD_REFUSALS.has(status);
}

export interface ResponseFacts {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The verdict of a final (non-redirect) response. */
export function responseOutcome({ status, url, headers }: ResponseFacts): LinkOutcome {
  if (status >= 200 && status < 300) return kept({ kind: "alive", status, finalUrl: url });
  if (status === 404) return kept({ kind: "dead", status, reason: "page introuvable (404)" });
  if (status === 410) return kept({ kind: "dead", status, reason: "page supprimée (410)" });
  if (isBotChallenge(headers)) {
    return kept({ kind: "unverified", status, reason: `protection anti-robots du site (${status})` });
  }
  return kept({ kind: "unverified", status, reason: unverifiedReason(status) });
}

function unverifiedReason(status: number): string {
  if (status === 401) return "accès réservé (401)";
  if (status === 403) return "accès refusé au vérificateur (403)";
  if (status === 429) return "le site limite les requêtes (429)";
  if (status === 999) return "le site refuse les robots (999)";
  if (status >= 500 && status < 600) return `erreur du serveur (${status})`;
  if (status >= 300 && status < 400) return `redirection sans destination utilisable (${status})`;
  return `réponse inattendue (${status})`;
}

/** Challenge pages announce themselves in a header (Cloudflare, AWS WAF): the page may well exist. */
function isBotChallenge(headers: ResponseFacts["headers"]): boolean {
  const values = [headers["cf-mitigated"], headers["x-amzn-waf-action"]].flat();
  return values.some((value) => value !== undefined && /challenge|captcha/i.test(value));
}
