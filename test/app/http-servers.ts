import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot, Server } from "probot";
import { type AppOptions, createApp } from "../../src/app.js";
import { createReviewQueue, type ReviewQueue } from "../../src/github/review-queue.js";
import type { FakeGitHub } from "./fake-github.js";
import { capturingLogger, type LogLine, NOW, TEST_PRIVATE_KEY, TestOctokit } from "./probot-harness.js";

/** Serves the fake GitHub over HTTP on 127.0.0.1, as GHES serves its API under `/api/v3`. */
export function startFakeGitHub(fake: FakeGitHub): Promise<HttpServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const answer = fake.handle(
        request.method ?? "GET",
        request.url ?? "/",
        text ? JSON.parse(text) : undefined,
      );
      const isText = typeof answer.body === "string";
      response.writeHead(answer.status, {
        "content-type": isText ? "text/plain" : "application/json; charset=utf-8",
        ...answer.headers,
      });
      response.end(
        answer.body === undefined ? undefined : isText ? answer.body : JSON.stringify(answer.body),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Probot's Server takes port 0 for "the default, 3000": ask the system for a free port first. */
export function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>`: the app's own server. */
  origin: string;
  queue: ReviewQueue;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** The app on Probot's real HTTP server, its API calls going to the fake GitHub over HTTP. */
export async function startAppServer(
  fake: FakeGitHub,
  secret: string,
  options: (origin: string) => Partial<AppOptions>,
): Promise<RunningApp> {
  const github = await startFakeGitHub(fake);
  const baseUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}/api/v3`;
  const { log, lines } = capturingLogger();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const queue = createReviewQueue({
    concurrency: 2,
    onError: (error) => {
      throw error;
    },
  });
  const server = new Server({
    Probot: Probot.defaults({
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      secret,
      baseUrl,
      Octokit: TestOctokit,
      log,
    }),
    host: "127.0.0.1",
    port,
    log,
  });
  await server.load(
    createApp({
      queue,
      now: () => NOW,
      startSweep: () => {},
      startRecovery: false,
      checkLinks: false,
      ...options(origin),
    }),
  );
  await server.start();
  return {
    origin,
    queue,
    logs: lines,
    async stop() {
      await server.stop();
      await new Promise((resolve) => github.close(resolve));
    },
  };
}
