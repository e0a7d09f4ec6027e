import type { LiveCheckRuns } from "./check-run-publisher.js";
import type { JobRun } from "./redis-job-queue.js";
import type { RedisTransport } from "./redis-transport.js";

/**
 * The live check runs of instances sharing one Redis. Each check run a review starts is recorded with
 * the run of the job that started it (job id and BullMQ lock token); a check run is live while that run
 * still holds its job's lock. A dead instance's lock expires, and a run taking its job over holds the lock
 * with another token: the dead run's check run is then not live, and is reused or completed as
 * interrupted (review-pull-request.ts). Entries outlive nothing: a week at most.
 */

const WEEK_SECONDS = 7 * 24 * 3600;

export function createRedisLiveCheckRuns(
  transport: Pick<RedisTransport, "isRunAlive" | "redis" | "keyBase">,
  run: Pick<JobRun, "id" | "token">,
): LiveCheckRuns {
  const key = (id: number) => `${transport.keyBase}:live-check-run:${id}`;
  return {
    async add(id) {
      await transport.redis.set(
        key(id),
        JSON.stringify({ job: run.id, token: run.token }),
        "EX",
        WEEK_SECONDS,
      );
    },
    async delete(id) {
      await transport.redis.del(key(id));
    },
    async has(id) {
      const text = await transport.redis.get(key(id));
      if (text === null) return false;
      const owner = JSON.parse(text) as { job: string; token: string };
      return transport.isRunAlive(owner.job, owner.token);
    },
  };
}
