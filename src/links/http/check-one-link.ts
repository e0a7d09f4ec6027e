import { type Dispatcher, request } from "undici";
import { errorOutcome } from "./error-outcome.js";
import { formatSeconds, type LinkOutcome, notKept } from "./link-outcome.js";
import { type HopRules, nextHop } from "./redirect-hop.js";
import type { RequestLimiter } from "./request-limiter.js";
import { isRedirect, responseOutcome, shouldRetryWithGet } from "./response-verdict.js";
import { retryAfterMs } from "./retry-after.js";

/**
 * One attempt at one link: HEAD (GET when HEAD is refused), redirects followed by hand, every hop judged
 * by the address policy, bodies never read. A 429 is handed back to the caller, which decides on waiting.
 */

/** Redirects followed before giving up (Chrome follows 20; five covers http→https→www→locale→page). */
export const MAX_REDIRECTS = 5;

export interface AttemptContext extends HopRules {
  dispatcher: Dispatcher;
  limiter: RequestLimiter;
  userAgent: string;
  perLinkMs: number;
  /** Starts a link's budget of `perLinkMs`: calls `expire` then, unless the returned function cancels it. */
  startBudget(ms: number, expire: () => void): () => void;
  /** Aborted when the review's deadline passes. */
  deadline: AbortSignal;
  /** The reason given to links the deadline interrupts. */
  deadlineReason: string;
}

export type AttemptResult =
  | { kind: "outcome"; outcome: LinkOutcome }
  | { kind: "rate-limited"; hostname: string; retryAfterMs?: number };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export async function attemptLink(start: URL, context: AttemptContext): Promise<AttemptResult> {
  // The link's budget starts with its first request, not while it waits in the queue behind others.
  const budget = new AbortController();
  let cancelBudget: (() => void) | undefined;
  const startBudget = () => {
    cancelBudget ??= context.startBudget(context.perLinkMs, () =>
      budget.abort(new Error("link budget spent")),
    );
  };
  const signal = AbortSignal.any([context.deadline, budget.signal]);
  let url = start;
  // Once a server refused HEAD, the rest of the chain (often the same server) is asked with GET.
  let method: "HEAD" | "GET" = "HEAD";
  const visited = new Set([url.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      let answer = await send(url, method, signal, startBudget, context);
      if (method === "HEAD" && shouldRetryWithGet(answer.status)) {
        method = "GET";
        answer = await send(url, method, signal, startBudget, context);
      }
      if (answer.status === 429) {
        const wait = retryAfterMs(answer.headers["retry-after"], Date.now());
        return {
          kind: "rate-limited",
          hostname: url.hostname,
          ...(wait === undefined ? {} : { retryAfterMs: wait }),
        };
      }
      if (!isRedirect(answer.status)) {
        return { kind: "outcome", outcome: responseOutcome({ ...answer, url: url.href }) };
      }
      const location = answer.headers.location;
      const hop = nextHop(url, Array.isArray(location) ? location[0] : location, answer.status, context);
      if (hop.kind === "stop") {
        // Blocked and skipped depend on the config, not on the link: never cached.
        const isKept = hop.verdict.kind === "dead" || hop.verdict.kind === "unverified";
        return outcome({ verdict: hop.verdict, isKept });
      }
      if (visited.has(hop.url.href)) {
        return outcome(notKeptUnverified(answer.status, "boucle de redirections"));
      }
      if (redirects === MAX_REDIRECTS) {
        return outcome(notKeptUnverified(answer.status, `plus de ${MAX_REDIRECTS} redirections`));
      }
      visited.add(hop.url.href);
      url = hop.url;
    }
  } catch (error) {
    if (context.deadline.aborted)
      return outcome(notKept({ kind: "unverified", reason: context.deadlineReason }));
    if (signal.aborted) {
      return outcome(
        notKept({ kind: "unverified", reason: `pas de réponse en ${formatSeconds(context.perLinkMs)}` }),
      );
    }
    return outcome(errorOutcome(error, url.hostname));
  } finally {
    cancelBudget?.();
  }
}

async function send(
  url: URL,
  method: "HEAD" | "GET",
  signal: AbortSignal,
  onStart: () => void,
  context: AttemptContext,
): Promise<Answer> {
  return context.limiter.run(url.hostname, signal, async () => {
    onStart();
    const response = await request(url, {
      dispatcher: context.dispatcher,
      method,
      signal,
      // Fixed headers only: nothing from the repository's config reaches a request.
      headers: { "user-agent": context.userAgent, accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    // The status is all we need: drop the body unread rather than wait for its end, which may never come.
    // undici reports the drop as a "Request aborted" error on the body; it is ours, so it is ignored.
    response.body.on("error", () => undefined).destroy();
    return { status: response.statusCode, headers: response.headers };
  });
}

function outcome(linkOutcome: LinkOutcome): AttemptResult {
  return { kind: "outcome", outcome: linkOutcome };
}

/** A loop may come from a cookie we do not keep: it says nothing lasting about the link. */
function notKeptUnverified(status: number, reason: string): LinkOutcome {
  return notKept({ kind: "unverified", status, reason });
}
