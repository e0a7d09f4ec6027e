import type { ExternalVerdict } from "../types.js";
import type { AddressPolicy } from "./address-policy.js";
import { urlRefusal } from "./address-policy.js";
import { type AttemptContext, attemptLink } from "./check-one-link.js";
import { createGuardedAgent, type ResolveAll } from "./guarded-connector.js";
import { formatSeconds, type LinkOutcome, notKept } from "./link-outcome.js";
import { type LinkTimers, REAL_LINK_TIMERS } from "./link-timers.js";
import { normalizeUrl, parseLink, skippingHost } from "./link-url.js";
import { createRequestLimiter } from "./request-limiter.js";
import { servableVerdict, type VerdictCache } from "./verdict-cache.js";

/**
 * The HTTP checker of external links: the only code of Relecteur that reads the web.
 *
 * A link goes through pure judgements first (link-url.ts: malformed, non-HTTP, links.skip;
 * address-policy.ts: credentials, port, literal private IP), then the cache (verdict-cache.ts), then the
 * network (check-one-link.ts): HEAD, GET when HEAD is refused, redirects followed by hand with each hop
 * judged again (redirect-hop.ts), bodies dropped unread. Every connection goes through one undici Agent
 * whose connector refuses private addresses in literal IPs and in every DNS answer (guarded-connector.ts),
 * so a redirect or a DNS record cannot lead the checker into the machine's own network. Requests share a
 * limiter (request-limiter.ts: 16 in flight, 2 per host, a pause after a 429) and one deadline per
 * review: what is not done by then is « non vérifié », never dead. Statuses and errors become verdicts in
 * response-verdict.ts and error-outcome.ts; nothing here throws for a bad link.
 */

export interface LinkCheckOptions {
  /** `links.allowPrivateAddresses` (default false); true also allows any port. */
  allowPrivateAddresses: boolean;
  /** `links.skip`: a host or any of its subdomains is « skipped ». */
  skipHosts: readonly string[];
  /** e.g. `Relecteur/0.1.0 (+https://github.com/…)`. */
  userAgent: string;
  /** For the whole review; default 60 s. What is not done by then is « non vérifié ». */
  deadlineMs?: number;
  /** Default 16. */
  maxInFlight?: number;
  /** Default 2. */
  maxPerHost?: number;
  cache?: VerdictCache;
  /** Clock of the cache, in milliseconds since the epoch. */
  now?: () => number;
  /** Defaults 5 s / 10 s / 15 s. The per-link budget covers one attempt: all its hops and its GET retry. */
  timeouts?: { connectMs: number; headersMs: number; perLinkMs: number };
  /** DNS for tests; the system's resolver otherwise. */
  resolveAll?: ResolveAll;
  /** The deadline's and the links' timers; real ones unless a test expires them itself. */
  timers?: LinkTimers;
}

export { normalizeUrl } from "./link-url.js";

export const DEFAULT_TIMEOUTS = { connectMs: 5_000, headersMs: 10_000, perLinkMs: 15_000 } as const;
export const DEFAULT_DEADLINE_MS = 60_000;
/** The longest `Retry-After` we honour; a host asking for more is « non vérifié » for this review. */
export const MAX_RETRY_AFTER_MS = 30_000;
/** The pause after a 429 without a readable `Retry-After`. */
const DEFAULT_RETRY_AFTER_MS = 2_000;

/** Checks each distinct link once; the result is keyed by normalizeUrl(url), or the text itself when malformed. */
export async function checkExternalLinks(
  urls: readonly string[],
  options: LinkCheckOptions,
): Promise<Map<string, ExternalVerdict>> {
  const policy: AddressPolicy = { allowPrivateAddresses: options.allowPrivateAddresses };
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const timers = options.timers ?? REAL_LINK_TIMERS;
  const deadlineAt = timers.now() + deadlineMs;
  const deadline = new AbortController();
  const cancelDeadline = timers.start("deadline", deadlineMs, () =>
    deadline.abort(new Error("review deadline")),
  );
  const agent = createGuardedAgent({
    policy,
    connectMs: timeouts.connectMs,
    headersMs: timeouts.headersMs,
    ...(options.resolveAll ? { resolveAll: options.resolveAll } : {}),
  });
  const context: AttemptContext = {
    dispatcher: agent,
    limiter: createRequestLimiter({
      maxInFlight: options.maxInFlight ?? 16,
      maxPerHost: options.maxPerHost ?? 2,
    }),
    userAgent: options.userAgent,
    perLinkMs: timeouts.perLinkMs,
    startBudget: (ms, expire) => timers.start("link", ms, expire),
    policy,
    skipHosts: options.skipHosts,
    deadline: deadline.signal,
    deadlineReason: `délai de vérification de la relecture écoulé (${formatSeconds(deadlineMs)})`,
  };
  const now = options.now ?? Date.now;
  const remainingMs = () => deadlineAt - timers.now();

  // One promise per normalised URL, registered before any await: duplicates share the request in flight.
  const checks = new Map<string, Promise<ExternalVerdict>>();
  for (const text of urls) {
    const key = normalizeUrl(text) ?? text;
    if (checks.has(key)) continue;
    const check = checkLink(text, key, { ...options, policy, context, now, remainingMs });
    // A safety net: a verdict must come back for every link, whatever a cache store or undici throws.
    checks.set(
      key,
      check.catch((error: unknown) => unexpected(error)),
    );
  }
  try {
    const verdicts = await Promise.all(checks.values());
    return new Map([...checks.keys()].map((key, index) => [key, verdicts[index] as ExternalVerdict]));
  } finally {
    cancelDeadline();
    await agent.destroy().catch(() => undefined);
  }
}

interface LinkRun extends LinkCheckOptions {
  policy: AddressPolicy;
  context: AttemptContext;
  now: () => number;
  remainingMs: () => number;
}

async function checkLink(text: string, key: string, run: LinkRun): Promise<ExternalVerdict> {
  const parsed = parseLink(text);
  if (parsed.kind === "malformed")
    return { kind: "dead", reason: `adresse mal formée «\u00a0${text}\u00a0»` };
  if (parsed.kind === "other-scheme") {
    return {
      kind: "skipped",
      reason: `seules les adresses http et https sont vérifiées («\u00a0${parsed.scheme}\u00a0»)`,
    };
  }
  const skipped = skippingHost(parsed.url.hostname, run.skipHosts);
  if (skipped !== undefined)
    return { kind: "skipped", reason: `hôte exclu par links.skip («\u00a0${skipped}\u00a0»)` };
  const refusal = urlRefusal(parsed.url, run.policy);
  if (refusal !== undefined) return { kind: "blocked", reason: refusal };

  const cached = servableVerdict(await run.cache?.get(key), run.now(), run.allowPrivateAddresses);
  if (cached !== undefined) return cached;

  const { verdict, isKept } = await requestLink(parsed.url, run);
  if (isKept) {
    await run.cache?.set(key, {
      verdict,
      checkedAt: run.now(),
      allowPrivateAddresses: run.allowPrivateAddresses,
    });
  }
  return verdict;
}

/** One attempt, and after a 429 one more once the host's `Retry-After` has passed. */
async function requestLink(url: URL, run: LinkRun): Promise<LinkOutcome> {
  const first = await attemptLink(url, run.context);
  if (first.kind === "outcome") return first.outcome;
  const waitMs = first.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  if (waitMs > MAX_RETRY_AFTER_MS) {
    return rateLimited(
      `le site demande d’attendre ${formatSeconds(waitMs)} avant une nouvelle requête (429)`,
    );
  }
  if (waitMs >= run.remainingMs()) return notKept({ kind: "unverified", reason: run.context.deadlineReason });
  run.context.limiter.slowDown(first.hostname, waitMs);
  const second = await attemptLink(url, run.context);
  if (second.kind === "outcome") return second.outcome;
  return rateLimited("le site limite les requêtes, même après l’attente demandée (429)");
}

function unexpected(error: unknown): ExternalVerdict {
  const name = error instanceof Error ? error.message : String(error);
  return { kind: "unverified", reason: `erreur inattendue du vérificateur (${name})` };
}

/** An HTTP answer, not a network accident: kept 30 minutes so the next review does not insist. */
function rateLimited(reason: string): LinkOutcome {
  return { verdict: { kind: "unverified", status: 429, reason }, isKept: true };
}
