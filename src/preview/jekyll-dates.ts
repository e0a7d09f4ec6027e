import { isValidTimeZone, zonedTimeToInstant } from "../publish/zoned-time.js";
import type { Zone } from "./ruby-strftime.js";

/**
 * Dates as Jekyll's Liquid sees them. A time written with an offset (`2016-04-20T09:30+02:00`) keeps it,
 * as Ruby's Time.parse does; one written without is a wall-clock time in the site's `timezone` (Jekyll
 * sets the process's TZ to it), UTC when the site names none.
 */
export class ZonedDate extends Date {
  constructor(
    epochMs: number,
    /** The zone to show it in: the written offset, else the site's zone. */
    readonly zone: Zone,
  ) {
    super(epochMs);
  }
}

const TIMESTAMP =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*$/;

/** The site's zone: `timezone` from `_config.yml` when Intl knows it, else UTC. */
export function siteTimeZone(config: Record<string, unknown>): string {
  const zone = config.timezone;
  return typeof zone === "string" && isValidTimeZone(zone) ? zone : "UTC";
}

/** A Liquid value as a date, like Liquid::Utils.to_date: dates, timestamps, `now`/`today`, epoch seconds. */
export function toZonedDate(value: unknown, siteZone: string, now: Date): ZonedDate | undefined {
  if (value instanceof ZonedDate) return value;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : new ZonedDate(value.getTime(), siteZone);
  if (typeof value === "number" && Number.isFinite(value)) return new ZonedDate(value * 1000, siteZone);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "now" || text === "today") return new ZonedDate(now.getTime(), siteZone);
  if (/^\d+$/.test(text)) return new ZonedDate(Number(text) * 1000, siteZone);
  return parseTimestamp(text, siteZone) ?? parseLoosely(text, siteZone);
}

export function parseTimestamp(text: string, siteZone: string): ZonedDate | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as number[];
  const millisecond = Number(`0.${match[7] ?? "0"}`) * 1000;
  const wall = {
    year: year ?? 0,
    month: month ?? 1,
    day: day ?? 1,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  };
  if (
    wall.month < 1 ||
    wall.month > 12 ||
    wall.day < 1 ||
    wall.day > 31 ||
    wall.hour > 23 ||
    wall.minute > 59
  )
    return undefined;
  const offset = match[8];
  if (offset === undefined) {
    return new ZonedDate(zonedTimeToInstant(wall, siteZone).getTime() + millisecond, siteZone);
  }
  const offsetMinutes = offset === "Z" ? 0 : offsetOf(offset);
  const utc =
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) + millisecond;
  return new ZonedDate(utc - offsetMinutes * 60_000, offset === "Z" ? "UTC" : offsetMinutes);
}

function offsetOf(text: string): number {
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** Other forms Ruby's Time.parse reads (`July 6, 2017`, RFC 822): JavaScript's parser, in the site's zone. */
function parseLoosely(text: string, siteZone: string): ZonedDate | undefined {
  const epochMs = Date.parse(text);
  return Number.isNaN(epochMs) ? undefined : new ZonedDate(epochMs, siteZone);
}
