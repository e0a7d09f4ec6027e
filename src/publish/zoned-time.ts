/**
 * Wall-clock times in an IANA time zone, converted with `Intl` only. A wall time that does not exist
 * (the hour skipped when clocks go forward) moves forward by the gap; a wall time that happens twice (the
 * hour repeated when clocks go back) is the earlier instant. These are Temporal's `"compatible"` rules.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `Intl` knows the zone (`Europe/Paris`, `UTC`), false for a typo (`Europe/Pari`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    wallFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time shown in `timeZone` at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts = wallFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((item) => item.type === type)?.value ?? Number.NaN);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

function wallTimeAsUtc({ year, month, day, hour, minute, second }: WallTime): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

/** The zone's offset from UTC at `epochMs`, in milliseconds (`+3_600_000` for Paris in winter). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const instant = new Date(Math.floor(epochMs / 1000) * 1000);
  return wallTimeAsUtc(wallTimeAt(instant, timeZone)) - instant.getTime();
}

/**
 * The instant at which `timeZone` shows `wall`. Offsets are sampled a day before and a day after, which
 * covers every transition in the IANA database (none are closer than that to each other).
 */
export function zonedTimeToInstant(wall: WallTime, timeZone: string): Date {
  const asUtc = wallTimeAsUtc(wall);
  const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => asUtc - offset)
    .filter((epochMs) => asUtc - epochMs === offsetAt(epochMs, timeZone))
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  // In the gap: apply the offset in force before it, which lands after the gap by its length.
  return new Date(asUtc - offsetBefore);
}
