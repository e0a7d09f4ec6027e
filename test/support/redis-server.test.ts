import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "./redis-server.js";

describe("the tests' own Redis server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers on a free port of its own, a second one on another", async () => {
    const client = new Redis(server.url, { maxRetriesPerRequest: 0, lazyConnect: true });
    await client.connect();
    await client.set("relecteur:test", "ok");
    expect(await client.get("relecteur:test")).toBe("ok");
    client.disconnect();
    const second = await startRedisServer();
    expect(second.port).not.toBe(server.port);
    await second.stop();
  });
});
