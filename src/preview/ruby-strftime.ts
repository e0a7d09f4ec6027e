import { offsetAt, wallTimeAt } from "../publish/zoned-time.js";
import { ENGLISH_DAYS, ENGLISH_MONTHS } from "../site/english-calendar.js";

/**
 * Ruby's `Time#strftime`, which Jekyll's `date` filter uses, for an instant shown in a time zone (the
 * site's `timezone`, else UTC). Flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case), `#`
 * (swap case), a width, and `:z`/`::z` work as in Ruby; names are English whatever the locale, as in Ruby.
 */

const DAY_MS = 86_400_000;

/** Composite conversions, expanded before formatting. */
const COMPOSITES: Record<string, string> = {
  c: "%a %b %e %H:%M:%S %Y",
  D: "%m/%d/%y",
  x: "%m/%d/%y",
  F: "%Y-%m-%d",
  v: "%e-%^b-%Y",
  r: "%I:%M:%S %p",
  R: "%H:%M",
  T: "%H:%M:%S",
  X: "%H:%M:%S",
  "+": "%a %b %e %H:%M:%S %Z %Y",
};

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  offsetMinutes: number;
  zoneName: string;
  epochMs: number;
}

/** An IANA time zone (`Europe/Paris`), or a fixed offset in minutes (a time parsed with `+02:00`). */
export type Zone = string | number;

export function rubyStrftime(instant: Date, format: string, zone: Zone): string {
  const fields = fieldsOf(instant, zone);
  return format.replace(DIRECTIVE, (whole, flags: string, width: string, colons: string, code: string) => {
    const composite = COMPOSITES[code];
    if (composite !== undefined && colons === "") {
      const expanded = rubyStrftime(instant, composite, zone);
      return applyCase(pad(expanded, flags, width, " ", expanded.length), flags);
    }
    const value = convert(fields, code, colons);
    if (value === undefined) return whole;
    const text = typeof value === "string" ? value : formatNumber(value, flags, width);
    return typeof value === "string" ? applyCase(pad(text, flags, width, " ", text.length), flags) : text;
  });
}

type Converted = string | { number: number; width: number; padding: "0" | " " } | undefined;

function convert(f: Fields, code: string, colons: string): Converted {
  const numeric = (number: number, width = 2, padding: "0" | " " = "0") => ({ number, width, padding });
  switch (code) {
    case "Y":
      return numeric(f.year, 4);
    case "C":
      return numeric(Math.floor(f.year / 100), 2);
    case "y":
      return numeric(((f.year % 100) + 100) % 100, 2);
    case "m":
      return numeric(f.month);
    case "B":
      return ENGLISH_MONTHS[f.month - 1];
    case "b":
    case "h":
      return ENGLISH_MONTHS[f.month - 1]?.slice(0, 3);
    case "d":
      return numeric(f.day);
    case "e":
      return numeric(f.day, 2, " ");
    case "j":
      return numeric(dayOfYear(f), 3);
    case "H":
      return numeric(f.hour);
    case "k":
      return numeric(f.hour, 2, " ");
    case "I":
      return numeric(f.hour % 12 || 12);
    case "l":
      return numeric(f.hour % 12 || 12, 2, " ");
    case "P":
      return f.hour < 12 ? "am" : "pm";
    case "p":
      return f.hour < 12 ? "AM" : "PM";
    case "M":
      return numeric(f.minute);
    case "S":
      return numeric(f.second);
    case "L":
      return numeric(f.millisecond, 3);
    case "N":
      return numeric(f.millisecond * 1_000_000, 9);
    case "z":
      return offsetText(f.offsetMinutes, colons.length);
    case "Z":
      return f.zoneName;
    case "A":
      return ENGLISH_DAYS[f.weekday];
    case "a":
      return ENGLISH_DAYS[f.weekday]?.slice(0, 3);
    case "u":
      return numeric(f.weekday || 7, 1);
    case "w":
      return numeric(f.weekday, 1);
    case "G":
      return numeric(isoWeek(f).year, 4);
    case "g":
      return numeric(isoWeek(f).year % 100, 2);
    case "V":
      return numeric(isoWeek(f).week);
    case "U":
      return numeric(Math.floor((dayOfYear(f) - 1 - f.weekday + 7) / 7));
    case "W":
      return numeric(Math.floor((dayOfYear(f) - 1 - ((f.weekday + 6) % 7) + 7) / 7));
    case "s":
      return numeric(Math.floor(f.epochMs / 1000), 1);
    case "Q":
      return numeric(f.epochMs, 1);
    case "n":
      return "\n";
    case "t":
      return "\t";
    case "%":
      return "%";
    default:
      return undefined;
  }
}

function formatNumber(
  value: { number: number; width: number; padding: "0" | " " },
  flags: string,
  width: string,
): string {
  const digits = String(Math.abs(value.number));
  const sign = value.number < 0 ? "-" : "";
  if (flags.includes("-")) return sign + digits;
  const padding = flags.includes("_") ? " " : flags.includes("0") ? "0" : value.padding;
  const size = width === "" ? value.width : Number(width);
  return sign + digits.padStart(size - sign.length, padding);
}

function pad(text: string, flags: string, width: string, padding: string, length: number): string {
  if (width === "" || flags.includes("-")) return text;
  return text.padStart(Number(width) - length + text.length, flags.includes("0") ? "0" : padding);
}

function applyCase(text: string, flags: string): string {
  if (flags.includes("^")) return text.toUpperCase();
  if (flags.includes("#")) return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
  return text;
}

function offsetText(minutes: number, colons: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
  const rest = String(Math.abs(minutes) % 60).padStart(2, "0");
  if (colons === 1) return `${sign}${hours}:${rest}`;
  if (colons === 2) return `${sign}${hours}:${rest}:00`;
  return `${sign}${hours}${rest}`;
}

function fieldsOf(instant: Date, zone: Zone): Fields {
  const offsetMinutes =
    typeof zone === "number" ? zone : Math.round(offsetAt(instant.getTime(), zone) / 60_000);
  const wall =
    typeof zone === "number"
      ? wallTimeAt(new Date(instant.getTime() + zone * 60_000), "UTC")
      : wallTimeAt(instant, zone);
  const calendar = new Date(0);
  calendar.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return {
    ...wall,
    millisecond: ((instant.getTime() % 1000) + 1000) % 1000,
    weekday: calendar.getUTCDay(),
    offsetMinutes,
    // Ruby's Time.parse keeps the written offset and has no zone name for it.
    zoneName: typeof zone === "number" ? "" : zoneName(instant, zone, offsetMinutes),
    epochMs: instant.getTime(),
  };
}

/** Ruby shows the zone's abbreviation (`CEST`), `UTC` for UTC, or the offset when there is none. */
function zoneName(instant: Date, timeZone: string, offsetMinutes: number): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const name = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  return name !== undefined && !name.startsWith("GMT") ? name : offsetText(offsetMinutes, 0);
}

function calendarDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function dayOfYear(f: Fields): number {
  return Math.round((calendarDay(f.year, f.month, f.day) - calendarDay(f.year, 1, 1)) / DAY_MS) + 1;
}

function isoWeek(f: Fields): { year: number; week: number } {
  const isoWeekday = f.weekday || 7;
  const thursday = new Date(calendarDay(f.year, f.month, f.day) + (4 - isoWeekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - calendarDay(year, 1, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}
