/**
 * When to sweep an installation for pull requests labelled `publication programmée`: every
 * `publish.sweepMinutes` of its repositories (the shortest wins), 10 minutes for an installation whose
 * configuration has not been read yet. It is only pacing: a restart forgets it and sweeps at once, which
 * loses nothing, since the label on GitHub is what says a pull request is scheduled.
 */
export interface SweepPlanner {
  /** A repository of this installation publishes, and wants a sweep every `minutes`; `undefined`: it no longer publishes. */
  record(installationId: number, repository: string, minutes: number | undefined): void;
  isDue(installationId: number, now: Date): boolean;
  markSwept(installationId: number, now: Date): void;
}

export const DEFAULT_SWEEP_MINUTES = 10;

export function createSweepPlanner(defaultMinutes = DEFAULT_SWEEP_MINUTES): SweepPlanner {
  const minutesByRepository = new Map<number, Map<string, number>>();
  const lastSweep = new Map<number, number>();
  const intervalMs = (installationId: number) => {
    const minutes = [...(minutesByRepository.get(installationId)?.values() ?? [])];
    return (minutes.length > 0 ? Math.min(...minutes) : defaultMinutes) * 60_000;
  };
  return {
    record(installationId, repository, minutes) {
      const repositories = minutesByRepository.get(installationId) ?? new Map<string, number>();
      if (minutes === undefined) repositories.delete(repository);
      else repositories.set(repository, minutes);
      minutesByRepository.set(installationId, repositories);
    },
    isDue(installationId, now) {
      const last = lastSweep.get(installationId);
      return last === undefined || now.getTime() - last >= intervalMs(installationId);
    },
    markSwept(installationId, now) {
      lastSweep.set(installationId, now.getTime());
    },
  };
}
