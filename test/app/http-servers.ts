import { Probot, Server } from "probot";
import { type AppOptions, createApp } from "../../src/app.js";
import { createReviewQueue, type ReviewQueue } from "../../src/github/review-queue.js";
import { freePort } from "../support/free-port.js";
import type { FakeGitHub } from "./fake-github.js";
import { type FakeGitHubServer, serveFakeGitHub } from "./fake-github-server.js";
import { capturingLogger, type LogLine, NOW, TEST_PRIVATE_KEY, TestOctokit } from "./probot-harness.js";

export interface RunningApp {
  /** `http://127.0.0.1:<port>`: the app's own server. */
  origin: string;
  /** The fake GitHub's own HTTP server. */
  github: FakeGitHubServer;
  queue: ReviewQueue;
  logs: LogLine[];
  stop(): Promise<void>;
}

/**
 * The app on Probot's real HTTP server, its API calls going to the fake GitHub over HTTP. Links are not
 * checked unless `options` gives `checkLinks` (`undefined`: the app's own checker).
 */
export async function startAppServer(
  fake: FakeGitHub,
  secret: string,
  options: (origin: string) => Partial<AppOptions>,
  githubOptions: { onRequest?: (url: string) => void } = {},
): Promise<RunningApp> {
  const github = await serveFakeGitHub([fake], githubOptions);
  const baseUrl = github.baseUrl;
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
    github,
    queue,
    logs: lines,
    async stop() {
      await server.stop();
      await github.close();
    },
  };
}
