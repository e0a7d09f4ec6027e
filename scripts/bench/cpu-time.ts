/** CPU milliseconds (user + system) spent by this process in `run`: steadier than the wall clock on a shared machine. */
export function cpuMilliseconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** Median CPU milliseconds of `rounds` runs, after `warmup` unmeasured ones. */
export function medianCpuMilliseconds(run: () => void, rounds: number, warmup = 2): number {
  for (let round = 0; round < warmup; round++) run();
  const samples = Array.from({ length: rounds }, () => cpuMilliseconds(run)).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

export function ratio(value: number, reference: number): string {
  return `${(value / reference).toFixed(2)}×`;
}
