import type { ExternalVerdict } from "../types.js";

/**
 * A verdict plus whether it says something about the link. A 404 or a 200 does and may be cached; a reset
 * connection, a timeout or the review's deadline only say something about this moment and are not kept.
 */
export interface LinkOutcome {
  verdict: ExternalVerdict;
  isKept: boolean;
}

export function kept(verdict: ExternalVerdict): LinkOutcome {
  return { verdict, isKept: true };
}

export function notKept(verdict: ExternalVerdict): LinkOutcome {
  return { verdict, isKept: false };
}

/** `400` → `0,4 s`, `60000` → `60 s`: durations in reasons, written the French way. */
export function formatSeconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10).replace(".", ",")} s`;
}
