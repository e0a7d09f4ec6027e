import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisVerdictCache } from "../../../src/links/http/redis-verdict-cache.js";
import { type CachedVerdict, VERDICT_LIFETIMES_MS } from "../../../src/links/http/verdict-cache.js";
import { type RedisServer, startRedisServer } from "../../support/redis-server.js";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});

const NOW = Date.parse("2025-03-01T12:00:00Z");
const alive: CachedVerdict = {
  verdict: { kind: "alive", status: 200, finalUrl: "https://exemple.fr/" },
  checkedAt: NOW,
  allowPrivateAddresses: false,
};

describe("the link verdict cache on Redis", () => {
  it("shares a verdict between instances, and Redis forgets it when its lifetime ends", async () => {
    const first = createRedisVerdictCache(server.url, { prefix: "t1:", now: () => NOW + 60_000 });
    const second = createRedisVerdictCache(server.url, { prefix: "t1:" });
    await first.set("https://exemple.fr/", alive);
    expect(await second.get("https://exemple.fr/")).toEqual(alive);
    const client = new Redis(server.url);
    const ttl = await client.pttl("t1:https://exemple.fr/");
    client.disconnect();
    // A week from the check, of which a minute has passed.
    expect(ttl).toBeLessThanOrEqual(VERDICT_LIFETIMES_MS.alive - 60_000);
    expect(ttl).toBeGreaterThan(VERDICT_LIFETIMES_MS.alive - 120_000);
    first.close();
    second.close();
  });

  it("keeps no verdict already expired, nor one that is never kept", async () => {
    const cache = createRedisVerdictCache(server.url, { prefix: "t2:", now: () => NOW + 2 * 3_600_000 });
    await cache.set("https://mort.fr/", { ...alive, verdict: { kind: "dead", status: 404, reason: "404" } });
    await cache.set("https://bloque.fr/", {
      ...alive,
      verdict: { kind: "blocked", reason: "adresse privée" },
    } as unknown as CachedVerdict);
    expect(await cache.get("https://mort.fr/")).toBeUndefined();
    expect(await cache.get("https://bloque.fr/")).toBeUndefined();
    cache.close();
  });

  it("takes an entry that does not parse, or a Redis that is gone, for a miss", async () => {
    const own = await startRedisServer();
    const cache = createRedisVerdictCache(own.url, { prefix: "t3:" });
    const client = new Redis(own.url);
    await client.set("t3:https://exemple.fr/", "{pas du json");
    client.disconnect();
    expect(await cache.get("https://exemple.fr/")).toBeUndefined();
    await own.stop();
    expect(await cache.get("https://exemple.fr/")).toBeUndefined();
    await expect(cache.set("https://exemple.fr/", alive)).resolves.toBeUndefined();
    cache.close();
  });
});
