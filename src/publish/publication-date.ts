import { isCalendarDate, parsePostPath } from "../site/post-path.js";
import type { PostFact } from "./pull-request-facts.js";
import { type WallTime, zonedTimeToInstant } from "./zoned-time.js";

/**
 * When a post is due: its front matter `date`, else its file name's date. A date with a time and an
 * offset is an instant as written; a time without an offset is read in the publication zone; a date
 * without a time is published at `publish.time` in that zone.
 */

export interface PublicationSettings {
  /** `HH:MM`. */
  time: string;
  timezone: string;
}

export type PublicationDate =
  | { kind: "valid"; path: string; instant: Date }
  | { kind: "invalid"; path: string; text: string }
  | { kind: "missing"; path: string };

// Jekyll accepts `2024-12-10`, `2024-12-10 10:30`, `2024-12-10 10:30:00 +0100`, `2024-12-10T10:30:00+01:00`…
const DATE_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const TIME_TEXT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `09:00` → hour and minute; `undefined` for anything else. */
export function parsePublishTime(text: string): { hour: number; minute: number } | undefined {
  const match = TIME_TEXT.exec(text);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The instant a date text stands for, or `undefined` when it is not a date Jekyll would read. */
export function parsePublicationDate(text: string, settings: PublicationSettings): Date | undefined {
  const match = DATE_TEXT.exec(text.trim());
  const publishTime = parsePublishTime(settings.time);
  if (!match || !publishTime) return undefined;
  const [, year, month, day, hour, minute, second, offset] = match;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (!isCalendarDate(date)) return undefined;
  const wall: WallTime =
    hour === undefined
      ? { ...date, hour: publishTime.hour, minute: publishTime.minute, second: 0 }
      : { ...date, hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  if (offset === undefined) return zonedTimeToInstant(wall, settings.timezone);
  const offsetMs = parseOffset(offset);
  if (offsetMs === undefined) return undefined;
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return new Date(asUtc - offsetMs);
}

function parseOffset(text: string): number | undefined {
  if (text.toUpperCase() === "Z") return 0;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  const sign = text.startsWith("-") ? -1 : 1;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** One post's publication date: the front matter `date` as written, else the file name's date. */
export function postPublicationDate(post: PostFact, settings: PublicationSettings): PublicationDate {
  const text = post.date ?? parsePostPath(post.path).dateText;
  if (text === undefined) return { kind: "missing", path: post.path };
  const instant = parsePublicationDate(text, settings);
  return instant ? { kind: "valid", path: post.path, instant } : { kind: "invalid", path: post.path, text };
}

/** The latest valid date among several posts: the pull request is due when its last post is. */
export function latestPublicationDate(
  dates: readonly PublicationDate[],
): { path: string; instant: Date } | undefined {
  let latest: { path: string; instant: Date } | undefined;
  for (const date of dates) {
    if (date.kind !== "valid") continue;
    if (!latest || date.instant.getTime() > latest.instant.getTime()) latest = date;
  }
  return latest;
}
