import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  checkExternalLinks,
  type LinkCheckOptions,
  normalizeUrl,
} from "../../../src/links/http/check-links.js";
import type { LinkTimers } from "../../../src/links/http/link-timers.js";
import { createMemoryVerdictCache } from "../../../src/links/http/verdict-cache.js";
import type { ExternalVerdict } from "../../../src/links/types.js";
import { ConcurrencyMeter, closedPort, type Handler, startServer, type TestServer } from "./test-server.js";

const USER_AGENT = "Relecteur/0.1.0 (+https://github.com/example/relecteur)";
/** Test servers live on 127.0.0.1 and ephemeral ports: only reachable with private addresses allowed. */
const LOCAL: LinkCheckOptions = { allowPrivateAddresses: true, skipHosts: [], userAgent: USER_AGENT };
const STRICT: LinkCheckOptions = { ...LOCAL, allowPrivateAddresses: false };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler, options?: Parameters<typeof startServer>[1]): Promise<TestServer> {
  const server = await startServer(handler, options);
  servers.push(server);
  return server;
}

/** A server answering by path; unknown paths are 404. */
function routes(table: Record<string, (response: ServerResponse, method: string) => void>): Handler {
  return (request, response) => {
    const route = table[request.url ?? ""];
    if (route) route(response, request.method ?? "");
    else response.writeHead(404).end();
  };
}

function status(code: number, headers: Record<string, string> = {}) {
  return (response: ServerResponse) => response.writeHead(code, headers).end();
}

function redirect(location: string, code = 301) {
  return status(code, { location });
}

async function checkOne(
  url: string,
  options: LinkCheckOptions = LOCAL,
): Promise<ExternalVerdict | undefined> {
  const results = await checkExternalLinks([url], options);
  return results.get(normalizeUrl(url) ?? url);
}

/** The checker's timers, expired by the test when it chooses: no test measures real time. */
function manualLinkTimers() {
  const live = new Set<{ limit: "deadline" | "link"; expire: () => void }>();
  const timers: LinkTimers & { expire(limit: "deadline" | "link"): void } = {
    start: (limit, _ms, expire) => {
      const timer = { limit, expire };
      live.add(timer);
      return () => live.delete(timer);
    },
    now: () => 0,
    /** Expires every time limit of that kind running now. */
    expire: (limit) => {
      for (const timer of [...live].filter((each) => each.limit === limit)) {
        live.delete(timer);
        timer.expire();
      }
    },
  };
  return timers;
}

/** A handler that holds every request until the test answers it, with a way to wait for each. */
const holdingHandler = (() => {
  let arrived = new Map<string, ServerResponse>();
  let waiting = new Map<string, (response: ServerResponse) => void>();
  afterEach(() => {
    arrived = new Map();
    waiting = new Map();
  });
  return {
    handler: ((request, response) => {
      const path = request.url ?? "";
      const waiter = waiting.get(path);
      if (waiter) waiter(response);
      else arrived.set(path, response);
    }) as Handler,
    /** The held response of the request for `path`, once it has arrived. */
    received: (path: string) =>
      new Promise<ServerResponse>((resolve) => {
        const response = arrived.get(path);
        if (response) resolve(response);
        else waiting.set(path, resolve);
      }),
  };
})();

describe("statuses", () => {
  it.each([
    { code: 200, kind: "alive" },
    { code: 204, kind: "alive" },
    { code: 404, kind: "dead", reason: "page introuvable (404)" },
    { code: 410, kind: "dead", reason: "page supprimée (410)" },
    { code: 401, kind: "unverified", reason: "(401)" },
    { code: 403, kind: "unverified", reason: "(403)" },
    { code: 999, kind: "unverified", reason: "(999)" },
    { code: 500, kind: "unverified", reason: "erreur du serveur (500)" },
    { code: 503, kind: "unverified", reason: "erreur du serveur (503)" },
  ])("$code → $kind", async ({ code, kind, reason }) => {
    const server = await serve(routes({ "/page": status(code) }));
    const verdict = await checkOne(server.url("/page"));
    expect(verdict).toMatchObject({ kind, status: code });
    if (reason !== undefined) expect(verdict).toMatchObject({ reason: expect.stringContaining(reason) });
  });

  it("gives the final URL of a live link and sends an honest user agent on every request", async () => {
    const server = await serve(
      routes({
        "/old": redirect("/new"),
        "/new": (response, method) => status(method === "HEAD" ? 405 : 200)(response),
      }),
    );
    expect(await checkOne(server.url("/old"))).toEqual({
      kind: "alive",
      status: 200,
      finalUrl: server.url("/new"),
    });
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      "HEAD /old",
      "HEAD /new",
      "GET /new",
    ]);
    for (const request of server.requests) expect(request.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("recognises a bot challenge", async () => {
    const server = await serve(routes({ "/": status(403, { "cf-mitigated": "challenge" }) }));
    expect(await checkOne(server.url("/"))).toMatchObject({
      kind: "unverified",
      reason: expect.stringMatching(/robots/),
    });
  });
});

describe("HEAD, then GET", () => {
  it.each([405, 501, 403, 400])("retries with GET when HEAD answers %i", async (headStatus) => {
    const server = await serve((request, response) => {
      response.writeHead(request.method === "HEAD" ? headStatus : 200).end("ok");
    });
    expect(await checkOne(server.url("/"))).toMatchObject({ kind: "alive", status: 200 });
    expect(server.requests.map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("takes a 404 on HEAD at its word", async () => {
    const server = await serve((_request, response) => response.writeHead(404).end());
    expect(await checkOne(server.url("/"))).toMatchObject({ kind: "dead", status: 404 });
    expect(server.requests.map((request) => request.method)).toEqual(["HEAD"]);
  });

  it("never waits for a body that never ends, and closes the connection", async () => {
    let closed = false;
    let written = 0;
    const server = await serve((request, response) => {
      if (request.method === "HEAD") return void response.writeHead(405).end();
      response.writeHead(200, { "content-type": "text/html" });
      const chunk = "<p>encore</p>".repeat(1_000);
      const timer = setInterval(() => {
        written += chunk.length;
        response.write(chunk);
      }, 5);
      response.once("close", () => {
        clearInterval(timer);
        closed = true;
      });
    });
    // The body never ends: a checker that read it would spend its budget and call the link unverified.
    expect(await checkOne(server.url("/stream"))).toMatchObject({ kind: "alive", status: 200 });
    await expect.poll(() => closed, { timeout: 20_000 }).toBe(true);
    expect(written).toBeLessThan(10_000_000);
  });
});

describe("redirects", () => {
  it("follows 301 to a dead page", async () => {
    const server = await serve(routes({ "/old": redirect("/missing") }));
    expect(await checkOne(server.url("/old"))).toMatchObject({ kind: "dead", status: 404 });
  });

  it("follows up to 5 redirects, not 6", async () => {
    const server = await serve((request, response) => {
      const step = Number(request.url?.split("/")[2]);
      const last = Number(request.url?.split("/")[3]);
      if (step < last) response.writeHead(302, { location: `/r/${step + 1}/${last}` }).end();
      else response.writeHead(200).end();
    });
    expect(await checkOne(server.url("/r/0/5"))).toMatchObject({
      kind: "alive",
      finalUrl: server.url("/r/5/5"),
    });
    expect(await checkOne(server.url("/r/0/6"))).toMatchObject({
      kind: "unverified",
      reason: "plus de 5 redirections",
    });
  });

  it("stops a redirect loop", async () => {
    const server = await serve(routes({ "/a": redirect("/b", 302), "/b": redirect("/a", 302) }));
    expect(await checkOne(server.url("/a"))).toMatchObject({
      kind: "unverified",
      reason: "boucle de redirections",
    });
    expect(server.requests).toHaveLength(2);
  });

  it.each(["ftp://files.example/archive.zip", "javascript:alert(1)", "file:///etc/passwd"])(
    "calls a redirect to %s dead",
    async (location) => {
      const server = await serve(routes({ "/": redirect(location, 302) }));
      expect(await checkOne(server.url("/"))).toMatchObject({
        kind: "dead",
        status: 302,
        reason: expect.stringContaining("non HTTP"),
      });
    },
  );

  it("does not follow a redirect to a skipped host", async () => {
    const server = await serve(routes({ "/": redirect("https://www.linkedin.com/in/someone") }));
    const verdict = await checkOne(server.url("/"), { ...LOCAL, skipHosts: ["linkedin.com"] });
    expect(verdict).toMatchObject({ kind: "skipped" });
  });
});

describe("429", () => {
  it("waits for Retry-After, then asks again", async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls++;
      if (calls === 1) response.writeHead(429, { "retry-after": "1" }).end();
      else response.writeHead(200).end();
    });
    expect(await checkOne(server.url("/"))).toMatchObject({ kind: "alive" });
    const [first, second] = server.requests;
    expect(second && first && second.at - first.at).toBeGreaterThanOrEqual(900);
  });

  it("asks again only once", async () => {
    const server = await serve((_request, response) => response.writeHead(429, { "retry-after": "0" }).end());
    expect(await checkOne(server.url("/"))).toMatchObject({ kind: "unverified", status: 429 });
    expect(server.requests).toHaveLength(2);
  });

  it("does not wait more than 30 s", async () => {
    const server = await serve((_request, response) =>
      response.writeHead(429, { "retry-after": "3600" }).end(),
    );
    expect(await checkOne(server.url("/"))).toMatchObject({
      kind: "unverified",
      status: 429,
      reason: expect.stringContaining("3600 s"),
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe("network failures", () => {
  it("calls a server that never answers unverified once the headers timeout passes", async () => {
    const server = await serve(() => undefined);
    const verdict = await checkOne(server.url("/"), {
      ...LOCAL,
      timeouts: { connectMs: 1_000, headersMs: 300, perLinkMs: 5_000 },
    });
    expect(verdict).toEqual({ kind: "unverified", reason: "pas de réponse à temps" });
  });

  it("gives each link its own budget", async () => {
    const server = await serve(holdingHandler.handler);
    const timers = manualLinkTimers();
    const checking = checkOne(server.url("/"), {
      ...LOCAL,
      timers,
      timeouts: { connectMs: 1_000, headersMs: 5_000, perLinkMs: 300 },
    });
    await holdingHandler.received("/");
    timers.expire("link");
    expect(await checking).toEqual({ kind: "unverified", reason: "pas de réponse en 0,3 s" });
  });

  it("calls a refused connection unverified", async () => {
    const port = await closedPort();
    expect(await checkOne(`http://127.0.0.1:${port}/`)).toMatchObject({
      kind: "unverified",
      reason: "connexion refusée par le serveur",
    });
  });

  it("calls a reset connection unverified", async () => {
    const server = await serve((request) => request.socket.destroy());
    expect(await checkOne(server.url("/"))).toMatchObject({
      kind: "unverified",
      reason: expect.stringContaining("interrompue"),
    });
  });

  it("calls an unknown domain dead", async () => {
    // The resolver's answer for a name that does not exist, without asking a real one.
    const notFound = async (hostname: string) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
    };
    expect(await checkOne("http://relecteur-test.invalid/", { ...STRICT, resolveAll: notFound })).toEqual({
      kind: "dead",
      reason: "domaine inconnu «\u00a0relecteur-test.invalid\u00a0»",
    });
  });

  it("turns a malformed URL into a verdict, not an exception", async () => {
    const results = await checkExternalLinks(
      ["http://[::1", "http://exa mple.com", "https://", "mailto:a@b.c"],
      STRICT,
    );
    expect(results.get("http://[::1")).toEqual({
      kind: "dead",
      reason: "adresse mal formée «\u00a0http://[::1\u00a0»",
    });
    expect(results.get("http://exa mple.com")).toMatchObject({ kind: "dead" });
    expect(results.get("https://")).toMatchObject({ kind: "dead" });
    expect(results.get("mailto:a@b.c")).toMatchObject({ kind: "skipped" });
  });

  it("ignores proxy environment variables", async () => {
    const port = await closedPort();
    const names = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"];
    const saved = names.map((name) => [name, process.env[name]] as const);
    const server = await serve((_request, response) => response.writeHead(200).end());
    try {
      for (const name of names) process.env[name] = `http://127.0.0.1:${port}`;
      expect(await checkOne(server.url("/"))).toMatchObject({ kind: "alive" });
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe("address policy, by default", () => {
  it.each([
    "http://127.0.0.1/",
    "http://127.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://224.0.0.1/",
    "http://localhost/",
    "http://user:pass@example.com/",
    "https://example.com:8443/",
  ])("blocks %s", async (url) => {
    expect(await checkOne(url, STRICT)).toMatchObject({ kind: "blocked" });
  });

  it("blocks a real local server, which sees no request", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end());
    const results = await checkExternalLinks(
      [server.url("/"), `http://localhost:${server.port}/`, `http://[::ffff:127.0.0.1]:${server.port}/`],
      STRICT,
    );
    expect([...results.values()].map((verdict) => verdict.kind)).toEqual(["blocked", "blocked", "blocked"]);
    expect(server.connections).toBe(0);
  });

  it("judges every DNS answer, not just the first", async () => {
    const verdict = await checkOne("http://rebinding.example/", {
      ...STRICT,
      resolveAll: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
    });
    expect(verdict).toEqual({
      kind: "blocked",
      reason:
        "«\u00a0rebinding.example\u00a0» pointe vers une adresse «\u00a010.0.0.7\u00a0» refusée (réseau privé)",
    });
  });
});

describe("scheduling", () => {
  it("sends at most 2 requests at once to a host", async () => {
    const server = await serve((_request, response) => setTimeout(() => response.writeHead(200).end(), 100));
    const urls = Array.from({ length: 8 }, (_, index) => server.url(`/${index}`));
    const results = await checkExternalLinks(urls, LOCAL);
    expect([...results.values()].every((verdict) => verdict.kind === "alive")).toBe(true);
    expect(server.requests).toHaveLength(8);
    expect(server.meter.max).toBe(2);
  });

  it("sends at most 16 requests at once overall", async ({ skip }) => {
    const meter = new ConcurrencyMeter();
    const hosts: TestServer[] = [];
    // Deterministic on a loaded machine: answers are held until 16 requests are in flight at once (or every
    // request still due has arrived), then released together. A limiter that let a 17th through would show
    // it in `meter.max`; one that never reached 16 would never be answered and the test would time out.
    const total = 40;
    let answered = 0;
    let held: ServerResponse[] = [];
    const hold: Handler = (_request, response) => {
      held.push(response);
      if (held.length < 16 && answered + held.length < total) return;
      const releasing = held;
      held = [];
      answered += releasing.length;
      for (const waiting of releasing) waiting.writeHead(200).end();
    };
    try {
      // Twenty host names: 127.0.0.1 to 127.0.0.20, all loopback on Linux.
      for (let index = 1; index <= 20; index++)
        hosts.push(await serve(hold, { host: `127.0.0.${index}`, sharedMeter: meter }));
    } catch {
      skip("loopback addresses other than 127.0.0.1 are not available here");
    }
    const urls = hosts.flatMap((host) => [host.url("/a"), host.url("/b")]);
    const results = await checkExternalLinks(urls, LOCAL);
    expect(results.size).toBe(total);
    expect([...results.values()].every((verdict) => verdict.kind === "alive")).toBe(true);
    expect(meter.max).toBe(16);
    for (const host of hosts) expect(host.meter.max).toBe(2);
  });

  it("starts a link's own budget with its first request, not while it waits for a slot", async () => {
    // One request at a time: /b and /c wait for their slot while /a is held by the server.
    const server = await serve(holdingHandler.handler);
    const timers = manualLinkTimers();
    const urls = ["/a", "/b", "/c"].map((path) => server.url(path));
    const checking = checkExternalLinks(urls, { ...LOCAL, maxInFlight: 1, timers });
    (await holdingHandler.received("/a")).writeHead(200).end();
    await holdingHandler.received("/b");
    // /b's budget runs out while the server holds it; /c, still waiting for its slot, has spent nothing.
    timers.expire("link");
    (await holdingHandler.received("/c")).writeHead(200).end();
    const results = await checking;
    expect([...results.values()]).toEqual([
      { kind: "alive", status: 200, finalUrl: urls[0] },
      { kind: "unverified", reason: "pas de réponse en 15 s" },
      { kind: "alive", status: 200, finalUrl: urls[2] },
    ]);
  });

  it("checks duplicates once, however they are written", async () => {
    const server = await serve((_request, response) => setTimeout(() => response.writeHead(200).end(), 50));
    const base = server.origin;
    const results = await checkExternalLinks(
      [`${base}/a`, `${base}/a#section`, `${base.toUpperCase()}/a`, `${base}/./b/../a`, `${base}/a`],
      LOCAL,
    );
    expect([...results.keys()]).toEqual([`${base}/a`]);
    expect(server.requests).toHaveLength(1);
  });

  it("calls what the deadline interrupts or never starts unverified", async () => {
    const server = await serve(holdingHandler.handler);
    const timers = manualLinkTimers();
    const urls = ["/fast", "/hang1", "/hang2", "/hang3"].map((path) => server.url(path));
    const checking = checkExternalLinks(urls, { ...LOCAL, deadlineMs: 3_000, timers });
    (await holdingHandler.received("/fast")).writeHead(200).end();
    // Two per host: /hang2 is sent once /fast's answer freed its slot; /hang3 waits behind the hung two.
    await holdingHandler.received("/hang2");
    timers.expire("deadline");
    const results = await checking;
    expect(results.get(server.url("/fast"))).toMatchObject({ kind: "alive" });
    for (const path of ["/hang1", "/hang2", "/hang3"]) {
      expect(results.get(server.url(path))).toEqual({
        kind: "unverified",
        reason: "délai de vérification de la relecture écoulé (3 s)",
      });
    }
    expect(server.requests.map((request) => request.path)).toEqual(["/fast", "/hang1", "/hang2"]);
  });

  it("skips configured hosts and their subdomains without a request", async () => {
    const results = await checkExternalLinks(
      ["https://www.linkedin.com/in/someone", "https://linkedin.com/", "https://x.com/status/1"],
      { ...STRICT, skipHosts: ["linkedin.com", "x.com"] },
    );
    expect([...results.values()]).toEqual([
      { kind: "skipped", reason: "hôte exclu par links.skip («\u00a0linkedin.com\u00a0»)" },
      { kind: "skipped", reason: "hôte exclu par links.skip («\u00a0linkedin.com\u00a0»)" },
      { kind: "skipped", reason: "hôte exclu par links.skip («\u00a0x.com\u00a0»)" },
    ]);
  });
});

describe("cache", () => {
  const DAY = 24 * 60 * 60_000;

  it("serves a live verdict for 7 days", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end());
    const cache = createMemoryVerdictCache();
    let now = Date.parse("2025-03-01T12:00:00Z");
    const options = { ...LOCAL, cache, now: () => now };
    await checkExternalLinks([server.url("/")], options);
    now += 6 * DAY;
    expect(await checkOne(server.url("/"), options)).toMatchObject({ kind: "alive" });
    expect(server.requests).toHaveLength(1);
    now += 2 * DAY;
    await checkExternalLinks([server.url("/")], options);
    expect(server.requests).toHaveLength(2);
  });

  it("confirms a cached dead verdict with a fresh request", async () => {
    let calls = 0;
    const server = await serve((_request, response) => response.writeHead(++calls === 1 ? 404 : 200).end());
    const cache = createMemoryVerdictCache();
    const options = { ...LOCAL, cache, now: () => Date.parse("2025-03-01T12:00:00Z") };
    expect(await checkOne(server.url("/"), options)).toMatchObject({ kind: "dead" });
    expect(cache.get(server.url("/"))?.verdict.kind).toBe("dead");
    expect(await checkOne(server.url("/"), options)).toMatchObject({ kind: "alive" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not keep network errors", async () => {
    const port = await closedPort();
    const cache = createMemoryVerdictCache();
    const url = `http://127.0.0.1:${port}/`;
    expect(await checkOne(url, { ...LOCAL, cache })).toMatchObject({ kind: "unverified" });
    expect(cache.get(url)).toBeUndefined();
  });

  it("does not serve a verdict reached with private addresses allowed to a strict review", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end());
    const cache = createMemoryVerdictCache();
    await checkExternalLinks([server.url("/")], { ...LOCAL, cache });
    expect(await checkOne(server.url("/"), { ...STRICT, cache })).toMatchObject({ kind: "blocked" });
    const intranet = `http://intranet.example/`;
    cache.set(intranet, {
      verdict: { kind: "alive", status: 200, finalUrl: intranet },
      checkedAt: Date.now(),
      allowPrivateAddresses: true,
    });
    const verdict = await checkOne(intranet, {
      ...STRICT,
      cache,
      resolveAll: async () => [{ address: "10.1.1.1", family: 4 }],
    });
    expect(verdict).toMatchObject({ kind: "blocked" });
  });
});
