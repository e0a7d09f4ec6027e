import { describe, expect, it } from "vitest";
import { DEFAULT_TIMINGS } from "../../src/github/redis-job-queue.js";
import { queueTimingsFromEnv } from "../../src/github/redis-transport.js";

describe("the Redis queue's timings from the environment", () => {
  it("takes a dead instance's job over within a minute by default", () => {
    const timings = queueTimingsFromEnv({});
    expect(timings).toEqual(DEFAULT_TIMINGS);
    expect(timings.lockMs + timings.stalledCheckMs).toBeLessThan(60_000);
  });

  it("reads seconds, fractions included", () => {
    const timings = queueTimingsFromEnv({
      RELECTEUR_JOB_LOCK_SECONDS: "2",
      RELECTEUR_STALLED_CHECK_SECONDS: "0.5",
      RELECTEUR_JOB_ATTEMPTS: "5",
      RELECTEUR_JOB_BACKOFF_SECONDS: "3",
    });
    expect(timings).toMatchObject({ lockMs: 2_000, stalledCheckMs: 500, attempts: 5, backoffMs: 3_000 });
  });

  it("refuses a value that is not a positive number, naming the variable", () => {
    expect(() => queueTimingsFromEnv({ RELECTEUR_JOB_LOCK_SECONDS: "trente" })).toThrow(
      "RELECTEUR_JOB_LOCK_SECONDS doit être un nombre de secondes positif, pas «\u00a0trente\u00a0»",
    );
    expect(() => queueTimingsFromEnv({ RELECTEUR_STALLED_CHECK_SECONDS: "0" })).toThrow(
      "RELECTEUR_STALLED_CHECK_SECONDS",
    );
    expect(() => queueTimingsFromEnv({ RELECTEUR_JOB_ATTEMPTS: "1.5" })).toThrow(
      "RELECTEUR_JOB_ATTEMPTS doit être un entier positif",
    );
  });
});
