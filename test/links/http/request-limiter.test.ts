import { describe, expect, it } from "vitest";
import { createRequestLimiter } from "../../../src/links/http/request-limiter.js";
import { delay } from "./test-server.js";

/** Starts tasks that stay open until released, and records how many run at once. */
function harness(limits: { maxInFlight: number; maxPerHost: number }, clock?: () => number) {
  const limiter = createRequestLimiter(limits, clock);
  const running = new Map<string, number>();
  const maxima = { total: 0, perHost: new Map<string, number>() };
  const releases: (() => void)[] = [];
  const started: string[] = [];
  const run = (host: string, signal = new AbortController().signal) =>
    limiter.run(host, signal, async () => {
      started.push(host);
      running.set(host, (running.get(host) ?? 0) + 1);
      const total = [...running.values()].reduce((a, b) => a + b, 0);
      maxima.total = Math.max(maxima.total, total);
      maxima.perHost.set(host, Math.max(maxima.perHost.get(host) ?? 0, running.get(host) ?? 0));
      await new Promise<void>((resolve) => releases.push(resolve));
      running.set(host, (running.get(host) ?? 1) - 1);
      return host;
    });
  const releaseAll = async () => {
    while (releases.length > 0) {
      for (const release of releases.splice(0)) release();
      await delay(0);
    }
  };
  return { limiter, run, maxima, started, releaseAll };
}

describe("createRequestLimiter", () => {
  it("keeps to the global and per-host limits, letting free hosts pass a busy one", async () => {
    const { run, maxima, started, releaseAll } = harness({ maxInFlight: 3, maxPerHost: 2 });
    const tasks = ["a", "a", "a", "a", "b", "c", "c"].map((host) => run(host));
    await delay(0);
    expect(started).toEqual(["a", "a", "b"]);
    await releaseAll();
    expect(await Promise.all(tasks)).toEqual(["a", "a", "a", "a", "b", "c", "c"]);
    expect(maxima.total).toBe(3);
    expect(maxima.perHost.get("a")).toBe(2);
  });

  it("rejects a waiting task whose signal aborts, and frees nothing it did not take", async () => {
    const { run, started, releaseAll } = harness({ maxInFlight: 1, maxPerHost: 1 });
    const first = run("a");
    const controller = new AbortController();
    const second = run("b", controller.signal);
    const third = run("c");
    controller.abort(new Error("deadline"));
    await expect(second).rejects.toThrow("deadline");
    await releaseAll();
    expect(await Promise.all([first, third])).toEqual(["a", "c"]);
    expect(started).toEqual(["a", "c"]);
  });

  it("pauses a host that answered 429, then serves it one request at a time", async () => {
    let now = 0;
    const { limiter, run, started, maxima, releaseAll } = harness(
      { maxInFlight: 16, maxPerHost: 2 },
      () => now,
    );
    limiter.slowDown("a", 20);
    const tasks = [run("a"), run("a"), run("b")];
    await delay(0);
    expect(started).toEqual(["b"]);
    now = 25;
    await delay(40);
    expect(started).toEqual(["b", "a"]);
    await releaseAll();
    await Promise.all(tasks);
    expect(maxima.perHost.get("a")).toBe(1);
  });
});
