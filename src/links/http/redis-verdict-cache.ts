import { Redis } from "ioredis";
import { type CachedVerdict, entrySchema, lifetimeMs, type VerdictCache } from "./verdict-cache.js";

/**
 * The app's verdict cache when its instances share a Redis (`REDIS_URL`): a link checked by one instance
 * is not checked again by the others. Each entry is one key, `<prefix><url>`, that Redis expires when the
 * verdict's lifetime ends (verdict-cache.ts), so there is nothing to prune. As every cache, an
 * optimisation: an unreachable Redis, a slow one (past `commandTimeoutMs`) or an entry that does not parse
 * behaves as a miss, never as an error.
 */

export interface RedisVerdictCache extends VerdictCache {
  get(url: string): Promise<CachedVerdict | undefined>;
  set(url: string, entry: CachedVerdict): Promise<void>;
  close(): void;
}

export interface RedisVerdictCacheOptions {
  prefix?: string;
  /** How long a command may take before the cache gives it up as a miss. */
  commandTimeoutMs?: number;
  /** The verdicts' clock: an entry's remaining lifetime is counted from it. */
  now?: () => number;
}

export function createRedisVerdictCache(
  url: string,
  options: RedisVerdictCacheOptions = {},
): RedisVerdictCache {
  const prefix = options.prefix ?? "relecteur:link-verdict:";
  const now = options.now ?? Date.now;
  // No retry, and a time limit on each command: a review never waits long for the cache. Commands sent
  // before the connection is up wait for it, within that limit.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
  });
  // ioredis reports a lost connection as an event; without a listener Node would take it for a crash.
  redis.on("error", () => undefined);
  return {
    async get(key) {
      try {
        const text = await redis.get(prefix + key);
        if (text === null) return undefined;
        const parsed = entrySchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, entry) {
      const lifetime = lifetimeMs(entry.verdict);
      if (lifetime === undefined) return;
      const remainingMs = entry.checkedAt + lifetime - now();
      if (remainingMs <= 0) return;
      try {
        await redis.set(prefix + key, JSON.stringify(entry), "PX", Math.ceil(remainingMs));
      } catch {
        // A verdict not shared: the next review checks the link again.
      }
    },
    close: () => redis.disconnect(),
  };
}
