import type { Redis } from "ioredis";

/**
 * What BullMQ alone does not give (its groups are a paid add-on): one job at a time per pull request over
 * every instance, and a newer job that replaces the one still waiting. Three small Redis scripts keep,
 * per key (a pull request), under `base`:
 *
 * - `slot:<key>`: the job waiting for that key, and whether it is weak. A new job takes the slot; the job
 *   it replaces is marked superseded (`superseded:<id>`), so that it does nothing if it still starts
 *   (its removal from BullMQ can lose a race with a worker). A weak job finding a strong one there is dropped.
 * - `lock:<key>`: the job running for that key. It is held as long as that job's BullMQ lock is (`<job
 *   key>:lock`, which its worker renews and which expires when the worker dies): no timer of our own,
 *   and a job taken over after its instance died gets its own lock back.
 * - `blocked:<key>`: jobs that found the lock held; the holder promotes them when it is done.
 *
 * Each script is atomic (Redis runs one at a time); it names keys it computes from its arguments, which
 * a Redis Cluster would refuse, as BullMQ's own scripts do without hash tags.
 */

const CLAIM_SLOT = `
local slot = KEYS[1]
local previous = redis.call('HGET', slot, 'id')
local previousWeak = redis.call('HGET', slot, 'weak')
if previous and ARGV[2] == '1' and previousWeak == '0' and ARGV[4] ~= '1' then
  return {'dropped', previous}
end
redis.call('HSET', slot, 'id', ARGV[1], 'weak', ARGV[2])
if previous and previous ~= ARGV[1] then
  redis.call('SET', ARGV[3] .. previous, '1', 'EX', 604800)
  return {'queued', previous}
end
return {'queued', ''}
`;

const ACQUIRE = `
local lock, slot, blocked = KEYS[1], KEYS[2], KEYS[3]
local id, superseded, jobKeyPrefix = ARGV[1], ARGV[2], ARGV[3]
if redis.call('DEL', superseded) == 1 then
  if redis.call('HGET', slot, 'id') == id then redis.call('DEL', slot) end
  return 'superseded'
end
local holder = redis.call('GET', lock)
if holder and holder ~= id and redis.call('EXISTS', jobKeyPrefix .. holder .. ':lock') == 1 then
  redis.call('SADD', blocked, id)
  return 'blocked'
end
redis.call('SET', lock, id)
if redis.call('HGET', slot, 'id') == id then redis.call('DEL', slot) end
return 'acquired'
`;

const RELEASE = `
local lock, blocked = KEYS[1], KEYS[2]
if redis.call('GET', lock) == ARGV[1] then redis.call('DEL', lock) end
local waiting = redis.call('SMEMBERS', blocked)
redis.call('DEL', blocked)
return waiting
`;

export type Claim = { outcome: "queued"; replaced?: string } | { outcome: "dropped"; waiting: string };
export type Acquisition = "acquired" | "blocked" | "superseded";

export interface PullRequestSlots {
  /**
   * Takes the key's slot for job `id`; `force` takes it even from a strong job (whose job turned out not
   * to exist any more).
   */
  claim(key: string, id: string, isWeak: boolean, force?: boolean): Promise<Claim>;
  /** At the start of job `id`: run it, wait for the job holding the key, or skip it (superseded). */
  acquire(key: string, id: string): Promise<Acquisition>;
  /** At the end of job `id`: frees the key; returns the jobs that waited for it. */
  release(key: string, id: string): Promise<string[]>;
  /** The job waiting in the key's slot, if any (tests and logs). */
  waitingJob(key: string): Promise<string | undefined>;
}

type SlotCommands = Redis & {
  relecteurClaimSlot(
    slot: string,
    id: string,
    weak: string,
    superseded: string,
    force: string,
  ): Promise<[string, string]>;
  relecteurAcquire(
    lock: string,
    slot: string,
    blocked: string,
    id: string,
    superseded: string,
    jobKeyPrefix: string,
  ): Promise<Acquisition>;
  relecteurRelease(lock: string, blocked: string, id: string): Promise<string[]>;
};

/**
 * `base` prefixes our keys; `jobKeyPrefix` is the prefix of BullMQ's job keys (`queue.toKey("")`), to see
 * whether a job's lock is held.
 */
export function createPullRequestSlots(redis: Redis, base: string, jobKeyPrefix: string): PullRequestSlots {
  const commands = redis as SlotCommands;
  if (typeof commands.relecteurClaimSlot !== "function") {
    redis.defineCommand("relecteurClaimSlot", { numberOfKeys: 1, lua: CLAIM_SLOT });
    redis.defineCommand("relecteurAcquire", { numberOfKeys: 3, lua: ACQUIRE });
    redis.defineCommand("relecteurRelease", { numberOfKeys: 2, lua: RELEASE });
  }
  const slot = (key: string) => `${base}:slot:${key}`;
  const lock = (key: string) => `${base}:lock:${key}`;
  const blocked = (key: string) => `${base}:blocked:${key}`;
  const superseded = `${base}:superseded:`;
  return {
    async claim(key, id, isWeak, force = false) {
      const [outcome, other] = await commands.relecteurClaimSlot(
        slot(key),
        id,
        isWeak ? "1" : "0",
        superseded,
        force ? "1" : "0",
      );
      if (outcome === "dropped") return { outcome, waiting: other };
      return other === "" ? { outcome: "queued" } : { outcome: "queued", replaced: other };
    },
    acquire: (key, id) =>
      commands.relecteurAcquire(lock(key), slot(key), blocked(key), id, `${superseded}${id}`, jobKeyPrefix),
    release: (key, id) => commands.relecteurRelease(lock(key), blocked(key), id),
    async waitingJob(key) {
      return (await redis.hget(slot(key), "id")) ?? undefined;
    },
  };
}
