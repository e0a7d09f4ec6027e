/**
 * The checker's two time limits, the review's deadline and each link's own budget, started through
 * this interface so that tests can expire them when they choose instead of measuring real time.
 */
export interface LinkTimers {
  /** Calls `expire` after `ms` unless the returned function cancels it first. */
  start(limit: "deadline" | "link", ms: number, expire: () => void): () => void;
  /** A monotonic clock in milliseconds, read to know how long the deadline still leaves. */
  now(): number;
}

export const REAL_LINK_TIMERS: LinkTimers = {
  start: (_limit, ms, expire) => {
    const timer = setTimeout(expire, ms);
    return () => clearTimeout(timer);
  },
  now: () => performance.now(),
};
