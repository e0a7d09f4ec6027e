import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { type AppOptions, createApp } from "../../src/app.js";
import { withRequestPolicy } from "../../src/github/resilient-octokit.js";
import { createReviewQueue, type ReviewQueue } from "../../src/github/review-queue.js";
import type { FakeGitHub } from "./fake-github.js";

/** An RSA key made for the test run: Probot signs its app JWT with it, nothing checks the signature. */
export const TEST_PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

/** Retries and throttling off: a test sees each request once, and a 5xx fails at once. */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** 2024-03-10 11:00 in Paris. */
export const NOW = new Date("2024-03-10T10:00:00Z");

export type LogLine = Record<string, unknown> & { level: number; msg: string };

/** A pino logger whose lines the test can read; Probot's context loggers are its children. */
export function capturingLogger() {
  const lines: LogLine[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
  return { log, lines };
}

export function loadPayload(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/webhooks/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

/** Answers every request to api.github.com from the fake; nothing else leaves the process but 127.0.0.1. */
export function interceptGitHub(fake: FakeGitHub): void {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
    nock("https://api.github.com")
      .persist()
      .intercept(/.*/, method)
      .reply((uri, requestBody, callback) => {
        const body =
          typeof requestBody === "string" && requestBody !== "" ? JSON.parse(requestBody) : requestBody;
        const response = fake.handle(method, uri, body);
        // A hanging route never calls back: the client's time limit must end the request.
        if (response.hang) return;
        callback(null, [response.status, response.body as nock.Body, response.headers ?? {}]);
      });
  }
}

export interface TestApp {
  probot: Probot;
  queue: ReviewQueue;
  logs: LogLine[];
  /** Pull requests whose waiting review a newer one replaced. */
  superseded: string[];
  /** Delivers a webhook and waits until every review it queued is done. */
  deliver(name: string, payload: Record<string, unknown>): Promise<void>;
  /** Runs one wake-up of the publication sweep, as its timer would, and waits for the jobs it queued. */
  sweep(): Promise<void>;
  /** Runs the start-up look for interrupted reviews, and waits for the reviews it queued. */
  recover(): Promise<void>;
}

export interface TestAppOptions extends Pick<AppOptions, "checkLinks" | "builtInPreview"> {
  /** The clock; NOW by default. A test moves it to make a scheduled post due. */
  now?: () => Date;
  /** The client class; TestOctokit (no retry, no time limit) by default. */
  Octokit?: typeof TestOctokit;
}

/**
 * The production client (src/github/resilient-octokit.ts) with waits recorded instead of waited, and
 * time limits that expire only when the fake GitHub leaves a request hanging: no test depends on how fast
 * the machine is. The fault tests' client.
 */
export function resilientTestOctokit(fake: FakeGitHub) {
  const waits: number[] = [];
  const pending = new Set<() => void>();
  fake.onHang = () => {
    // After the hanging request is registered: every attempt in flight then is a hanging one, as the
    // review's calls are sequential but for the blobs, which hang together.
    setImmediate(() => {
      for (const expire of [...pending]) expire();
    });
  };
  const Octokit = withRequestPolicy(TestOctokit, {
    timeoutMs: 20_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    now: () => NOW.getTime(),
    startTimer: (_ms, expire) => {
      const once = () => {
        pending.delete(once);
        expire();
      };
      pending.add(once);
      return () => pending.delete(once);
    },
  });
  return { Octokit, waits };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { log, lines } = capturingLogger();
  const superseded: string[] = [];
  const queue = createReviewQueue({
    onSuperseded: (key) => superseded.push(key),
    concurrency: 2,
    onError: (error) => {
      throw error;
    },
  });
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    log,
    Octokit: options.Octokit ?? TestOctokit,
  });
  let sweepTick: (() => Promise<void>) | undefined;
  let recovery: (() => Promise<void>) | undefined;
  await probot.load(
    createApp({
      queue,
      now: options.now ?? (() => NOW),
      // Mergeability is never recomputed by the fake: no reason to wait for it.
      sleep: async () => {},
      checkLinks: options.checkLinks ?? false,
      // Off unless a test asks for it: the environment of the machine running the tests does not count.
      builtInPreview: options.builtInPreview ?? false,
      startSweep: (tick) => {
        sweepTick = tick;
      },
      startRecovery: (recover) => {
        recovery = recover;
      },
    }),
  );
  return {
    probot,
    queue,
    logs: lines,
    superseded,
    async deliver(name, payload) {
      await probot.receive({ id: randomUUID(), name, payload } as Parameters<Probot["receive"]>[0]);
      await queue.idle();
    },
    async recover() {
      if (!recovery) throw new Error("the app did not start its recovery");
      await recovery();
      await queue.idle();
    },
    async sweep() {
      if (!sweepTick) throw new Error("the app did not start its sweep");
      await sweepTick();
      await queue.idle();
    },
  };
}

/** The log lines the use case writes, one per review. */
export function reviewLogLines(logs: readonly LogLine[]): LogLine[] {
  return logs.filter((line) => line.msg.startsWith("review ") && "apiCalls" in line);
}
