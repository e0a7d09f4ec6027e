import { ProbotOctokit } from "probot";
import {
  classifyFailure,
  decideRetry,
  GitHubTimeoutError,
  markGivenUp,
  type RequestPolicy,
  requestPolicyFromEnv,
} from "./request-policy.js";

/**
 * Every GitHub request of the app bounded and retried (see request-policy.ts), as an Octokit plugin so
 * that every client Probot makes (a webhook's, the sweep's, `app.auth()`'s) has it. Its hook is the
 * outermost: each attempt goes through Probot's throttling (which paces requests, and shares its limits
 * through Redis when there is one), whose wait does not count in the time limit, and the retries are
 * this plugin's alone: Probot's retry plugin is
 * off, and its throttling hands rate-limit errors back instead of waiting for them forever.
 */

export interface RequestPolicyOptions extends Partial<RequestPolicy> {
  /** Waits between attempts; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock `retry-after` dates and rate-limit resets are read against. */
  now?: () => number;
  /**
   * Starts an attempt's time limit: calls `expire` after `ms` unless the returned function cancels it.
   * Tests pass one they expire themselves, when a request hangs, so that no real time is ever measured.
   */
  startTimer?: (ms: number, expire: () => void) => () => void;
}

const realTimer = (ms: number, expire: () => void) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The few parts of Octokit's request hook the plugin uses. */
interface RequestOptions {
  method: string;
  url: string;
  request?: { fetch?: typeof fetch; [option: string]: unknown };
  [option: string]: unknown;
}
type Request = (options: RequestOptions) => Promise<unknown>;
interface HookedClient {
  hook: {
    wrap(name: "request", hook: (request: Request, options: RequestOptions) => Promise<unknown>): void;
  };
  log: { warn(message: string): void };
}

export function requestPolicyPlugin(client: unknown, octokitOptions: Record<string, unknown>) {
  const octokit = client as HookedClient;
  const given = (octokitOptions.requestPolicy ?? {}) as RequestPolicyOptions;
  const { sleep = realSleep, now = Date.now, startTimer = realTimer, ...overrides } = given;
  const policy: RequestPolicy = { ...requestPolicyFromEnv(process.env), ...overrides };
  octokit.hook.wrap("request", async (request, options) => {
    const baseFetch: typeof fetch = options.request?.fetch ?? globalThis.fetch;
    for (let retriesDone = 0; ; retriesDone++) {
      try {
        return await attempt(request, options, { baseFetch, timeoutMs: policy.timeoutMs, startTimer });
      } catch (error) {
        const failure = classifyFailure(error, now());
        const decision = decideRetry(
          failure,
          { method: options.method, url: options.url, retriesDone },
          policy,
        );
        if (!decision.retry) {
          throw markGivenUp(error, { failure, attempts: retriesDone + 1 });
        }
        octokit.log.warn(
          `GitHub ${options.method} ${options.url} failed (${failure.kind}); retry ${retriesDone + 1} of ${policy.retries} in ${decision.waitMs} ms`,
        );
        await sleep(decision.waitMs);
      }
    }
  });
  return {};
}

/**
 * One attempt within `timeoutMs`, counted from when the request is sent: the wait in Probot's throttling
 * queue, which sits between this hook and the fetch and can last long when many reviews write at once
 * (its limits are shared by every instance through Redis), is no sign of a slow GitHub. The limit starts
 * with the attempt's first fetch, and the response's body is read inside it (Octokit would read an aborted
 * body as an empty one). The race rejects with the policy's own error, which Octokit would otherwise wrap
 * into a 500 that looks like a network failure.
 */
async function attempt(
  request: Request,
  options: RequestOptions,
  limit: {
    baseFetch: typeof fetch;
    timeoutMs: number;
    startTimer: NonNullable<RequestPolicyOptions["startTimer"]>;
  },
) {
  const { baseFetch, timeoutMs, startTimer } = limit;
  const controller = new AbortController();
  let cancel: (() => void) | undefined;
  let reject: (error: unknown) => void = () => {};
  const expired = new Promise<never>((_, rejectExpired) => {
    reject = rejectExpired;
  });
  const startLimit = () => {
    cancel ??= startTimer(timeoutMs, () => {
      const error = new GitHubTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    });
  };
  // Set on the options object itself: the hooks inside this one (the throttling, the authentication)
  // were bound to it and ignore any other object passed to `request`. `retries: 0` keeps Probot's retry
  // plugin, when a client has it on, from retrying inside ours.
  options.request = {
    ...options.request,
    fetch: bufferedFetch(baseFetch, controller.signal, startLimit),
    retries: 0,
  };
  try {
    return await Promise.race([request(options), expired]);
  } finally {
    cancel?.();
  }
}

/** Statuses whose response has no body, which `new Response` refuses one for. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** `fetch`, with `onSend` called as it sends, under `signal`, the response's body read in full. */
function bufferedFetch(base: typeof fetch, signal: AbortSignal, onSend: () => void): typeof fetch {
  return async (input, init) => {
    onSend();
    const response = await base(input, { ...init, signal });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    const copy = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
  };
}

/**
 * Probot's client with the policy, its retry plugin off, and its throttling still pacing requests but
 * handing rate-limit errors to the policy, which honours `retry-after` a few times and then gives up.
 */
export function withRequestPolicy<T extends typeof ProbotOctokit>(
  Base: T,
  policy: RequestPolicyOptions = {},
) {
  return Base.plugin(requestPolicyPlugin).defaults((options: Record<string, unknown>) => ({
    ...options,
    requestPolicy: { ...policy, ...(options.requestPolicy as RequestPolicyOptions | undefined) },
    retry: { enabled: false },
    throttle: {
      ...(options.throttle as Record<string, unknown> | undefined),
      onSecondaryRateLimit: () => false,
      onRateLimit: () => false,
    },
  }));
}

export const RelecteurOctokit = withRequestPolicy(ProbotOctokit);
