/** The value at `rank` % of `values` (nearest rank); NaN when there is none. */
export function percentile(values: readonly number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** A duration for a bench line, 9 characters wide: `  12.3 ms`, `   1.25 s`. */
export function formatMs(ms: number): string {
  return `${ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`}`.padStart(9);
}
