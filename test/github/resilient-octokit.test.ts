import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GitHubTimeoutError, githubFailureOf } from "../../src/github/request-policy.js";
import { RelecteurOctokit } from "../../src/github/resilient-octokit.js";

/**
 * The production client as `npm start` builds it, Probot's throttling on, against a local server: the
 * throttling hands a secondary rate limit back to the policy instead of waiting for it forever.
 */

let server: Server | undefined;

afterEach(async () => {
  // Connections the client kept alive would hold the server open for seconds.
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function serve(
  answers: ({ status: number; headers?: Record<string, string>; body: unknown } | "hang")[],
) {
  const seen: string[] = [];
  const hung: Promise<void>[] = [];
  let onRequest = () => {};
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    onRequest();
    if (answers[0] === "hang") {
      answers.shift();
      // Never answered; resolved when the client gives up and closes the connection.
      hung.push(new Promise((resolve) => response.on("close", () => resolve())));
      return;
    }
    const answer = (answers.shift() as Exclude<(typeof answers)[number], "hang"> | undefined) ?? {
      status: 200,
      body: { ok: true },
    };
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const received = () => new Promise<void>((resolve) => (onRequest = resolve));
  return { baseUrl: `http://127.0.0.1:${port}`, seen, hung, received };
}

/** Time limits that expire only when the test says so: no test measures real time. */
function manualTimers() {
  const live = new Set<() => void>();
  return {
    startTimer: (_ms: number, expire: () => void) => {
      live.add(expire);
      return () => live.delete(expire);
    },
    /** Expires every time limit running now, as if each attempt in flight had taken too long. */
    expireAll: () => {
      for (const expire of [...live]) expire();
    },
    count: () => live.size,
  };
}

/**
 * A stand-in for a group of Probot's throttling (a Bottleneck group, shared through Redis in production)
 * that holds every request it schedules until the test lets them go, as a long queue of other reviews'
 * writes would.
 */
function heldThrottleGroup() {
  let letGo = () => {};
  const gate = new Promise<void>((resolve) => (letGo = resolve));
  let onHeld = () => {};
  const held = new Promise<void>((resolve) => (onHeld = resolve));
  const group = {
    key: () => ({
      // Bottleneck's `schedule(options, task, ...args)`, as the throttling calls it.
      schedule: async (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => {
        onHeld();
        await gate;
        return task(...args);
      },
    }),
  };
  return { group, held, letGo };
}

function client(baseUrl: string, waits: number[]) {
  return new RelecteurOctokit({
    baseUrl,
    auth: "ghs_test",
    authStrategy: undefined,
    requestPolicy: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    },
  });
}

const SECONDARY = {
  status: 403,
  headers: { "retry-after": "3" },
  body: { message: "You have exceeded a secondary rate limit." },
};

describe("RelecteurOctokit", () => {
  it("retries a secondary rate limit after retry-after, through Probot's throttling", async () => {
    const { baseUrl, seen } = await serve([SECONDARY, { status: 200, body: { id: 7 } }]);
    const waits: number[] = [];
    const { data } = await client(baseUrl, waits).request("GET /repos/{owner}/{repo}", {
      owner: "o",
      repo: "r",
    });
    expect(data).toEqual({ id: 7 });
    expect(waits).toEqual([3000]);
    expect(seen).toEqual(["GET /repos/o/r", "GET /repos/o/r"]);
  });

  it("gives up after three retries and says so on the error", async () => {
    const { baseUrl, seen } = await serve([SECONDARY, SECONDARY, SECONDARY, SECONDARY, SECONDARY]);
    const waits: number[] = [];
    const error = await client(baseUrl, waits)
      .request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })
      .catch((caught: unknown) => caught);
    expect(githubFailureOf(error)).toEqual({
      failure: { kind: "rate-limit", waitMs: 3000, status: 403 },
      attempts: 4,
    });
    expect(seen).toHaveLength(4);
  });

  it("counts the time limit from when a request is sent, not while Probot's throttling holds it", async () => {
    const { baseUrl, seen } = await serve([{ status: 200, body: { id: 7 } }]);
    const timers = manualTimers();
    const queue = heldThrottleGroup();
    const octokit = new RelecteurOctokit({
      baseUrl,
      auth: "ghs_test",
      authStrategy: undefined,
      requestPolicy: { startTimer: timers.startTimer, retries: 0 },
      throttle: { global: queue.group },
    });
    const answer = octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
    await queue.held;
    // Longer than any time limit in the queue: nothing was sent yet, so nothing may have timed out.
    timers.expireAll();
    queue.letGo();
    await expect(answer).resolves.toMatchObject({ data: { id: 7 } });
    expect(seen).toEqual(["GET /repos/o/r"]);
  });

  it("still cuts a request that hangs once sent, and closes its connection", async () => {
    const { baseUrl, hung, received } = await serve(["hang"]);
    const timers = manualTimers();
    const octokit = new RelecteurOctokit({
      baseUrl,
      auth: "ghs_test",
      authStrategy: undefined,
      requestPolicy: { startTimer: timers.startTimer, retries: 0 },
    });
    const sent = received();
    const answer = octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }).catch((e) => e);
    await sent;
    expect(timers.count()).toBe(1);
    timers.expireAll();
    const error = await answer;
    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect(githubFailureOf(error)).toEqual({ failure: { kind: "timeout", timeoutMs: 20_000 }, attempts: 1 });
    await hung[0];
  });
});
