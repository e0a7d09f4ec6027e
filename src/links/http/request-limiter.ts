/**
 * Politeness: at most `maxInFlight` requests at once and `maxPerHost` per host name, and a host that
 * answered 429 is paused for as long as it asked, then served one request at a time. Each request (each
 * redirect hop) takes a slot, since a redirect can lead to another host.
 */

export interface RequestLimits {
  maxInFlight: number;
  maxPerHost: number;
}

export interface RequestLimiter {
  /** Runs the task when a slot is free for this host; rejects with the signal's reason if aborted first. */
  run<T>(hostname: string, signal: AbortSignal, task: () => Promise<T>): Promise<T>;
  /** After a 429: nothing starts on this host for `pauseMs`, and then one request at a time. */
  slowDown(hostname: string, pauseMs: number): void;
}

interface Waiter {
  hostname: string;
  start: () => void;
}

export function createRequestLimiter(
  { maxInFlight, maxPerHost }: RequestLimits,
  clock: () => number = () => performance.now(),
): RequestLimiter {
  let inFlight = 0;
  const perHost = new Map<string, number>();
  const hostLimit = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  const queue: Waiter[] = [];

  const canStart = (hostname: string) =>
    (pausedUntil.get(hostname) ?? 0) <= clock() &&
    (perHost.get(hostname) ?? 0) < (hostLimit.get(hostname) ?? maxPerHost);

  // Waiters start in arrival order, except that one for a busy host lets later ones for free hosts pass.
  const pump = () => {
    for (let index = 0; index < queue.length && inFlight < maxInFlight; ) {
      const waiter = queue[index] as Waiter;
      if (!canStart(waiter.hostname)) {
        index++;
        continue;
      }
      queue.splice(index, 1);
      inFlight++;
      perHost.set(waiter.hostname, (perHost.get(waiter.hostname) ?? 0) + 1);
      waiter.start();
    }
  };

  const release = (hostname: string) => {
    inFlight--;
    perHost.set(hostname, (perHost.get(hostname) ?? 1) - 1);
    pump();
  };

  const wakeAt = (until: number) => {
    const left = until - clock();
    if (left > 0) setTimeout(() => wakeAt(until), Math.ceil(left)).unref();
    else pump();
  };

  return {
    async run(hostname, signal, task) {
      await new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(signal.reason);
        };
        const waiter: Waiter = {
          hostname,
          start: () => {
            signal.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        signal.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
      try {
        return await task();
      } finally {
        release(hostname);
      }
    },
    slowDown(hostname, pauseMs) {
      const until = Math.max(pausedUntil.get(hostname) ?? 0, clock() + pauseMs);
      pausedUntil.set(hostname, until);
      hostLimit.set(hostname, 1);
      wakeAt(until);
    },
  };
}
