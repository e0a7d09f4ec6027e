import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { packageRoot } from "../../src/cli/package-root.js";
import { freePort } from "../support/free-port.js";
import { sendWebhook } from "../support/signed-webhook.js";

/**
 * An instance of the app as production runs it (`npm start`: src/server.ts, Probot's own server and the
 * app's GitHub client), in a child process, configured by the environment only. Tests run the source
 * through tsx; the benchmark runs the build.
 */
export interface AppInstance {
  name: string;
  pid: number;
  webhookUrl: string;
  /** The JSON log lines written so far. */
  logs: Record<string, unknown>[];
  /** Sends a signed webhook; resolves with the HTTP status. */
  send(event: string, payload: unknown): Promise<number>;
  /** Peak resident memory of the process so far, in bytes (Linux). */
  peakRssBytes(): Promise<number | undefined>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface AppInstanceOptions {
  name: string;
  /** `GHE_HOST` of the fake GitHub. */
  gitHubHost: string;
  privateKey: string;
  secret: string;
  redisUrl: string;
  /** Added to (and over) the defaults. */
  env?: Record<string, string>;
  /** How to run src/server.ts: the source through tsx (tests), or the build's dist/src/server.js. */
  entry: "source" | "build";
}

/** The repository: this file runs from `test/app/` under the tests and from `dist/test/app/` in the benchmark. */
const root = packageRoot().path;

export async function startAppInstance(options: AppInstanceOptions): Promise<AppInstance> {
  const port = await freePort();
  const args =
    options.entry === "source"
      ? ["--import", "tsx", resolve(root, "src/server.ts")]
      : [resolve(root, "dist/src/server.js")];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: options.privateKey,
      WEBHOOK_SECRET: options.secret,
      GHE_HOST: options.gitHubHost,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: String(port),
      REDIS_URL: options.redisUrl,
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  const logs: Record<string, unknown>[] = [];
  let output = "";
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      output += `${line}\n`;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line.
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilListening(child, baseUrl, () => output);
  const webhookUrl = `${baseUrl}/api/github/webhooks`;
  return {
    name: options.name,
    pid: child.pid ?? 0,
    webhookUrl,
    logs,
    send: (event, payload) => sendWebhook(webhookUrl, options.secret, event, payload),
    peakRssBytes: () => peakRss(child.pid ?? 0),
    kill: (signal) => stop(child, signal),
  };
}

/** Probot answers `GET /ping` once its server listens: readiness by protocol, not by a sleep. */
async function waitUntilListening(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app instance exited:\n${output()}`);
    const answered = await fetch(`${baseUrl}/ping`)
      .then((response) => response.ok)
      .catch(() => false);
    if (answered) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function peakRss(pid: number): Promise<number | undefined> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill(signal);
  });
}
