import { describe, expect, it } from "vitest";
import { parseTimestamp, toZonedDate } from "../../src/preview/jekyll-dates.js";
import { rubyStrftime } from "../../src/preview/ruby-strftime.js";

/** 2017-07-06 08:05:09 UTC: a Thursday, 10:05:09 in Paris (summer time). */
const instant = new Date("2017-07-06T08:05:09.123Z");

describe("Ruby's strftime", () => {
  it.each([
    ["%Y-%m-%d %H:%M:%S", "2017-07-06 10:05:09"],
    ["%-d/%-m/%y", "6/7/17"],
    ["%e|%k|%l|%I %p %P", " 6|10|10|10 AM am"],
    ["%R %T %D %F", "10:05 10:05:09 07/06/17 2017-07-06"],
    ["%A %a %B %b %h %^a %^B", "Thursday Thu July Jul Jul THU JULY"],
    ["%j %u %w %U %W %G-W%V", "187 4 4 27 27 2017-W27"],
    ["%z %:z %::z %Z", "+0200 +02:00 +02:00:00 CEST"],
    ["%L %s %%", "123 1499328309 %"],
    ["%c", "Thu Jul  6 10:05:09 2017"],
    ["%_m|%03d|%-H", " 7|006|10"],
  ])("%s", (format, expected) => {
    expect(rubyStrftime(instant, format, "Europe/Paris")).toBe(expected);
  });

  it("shows UTC as UTC and a fixed offset as written", () => {
    expect(rubyStrftime(instant, "%H:%M %Z %z", "UTC")).toBe("08:05 UTC +0000");
    expect(rubyStrftime(instant, "%H:%M %:z", -300)).toBe("03:05 -05:00");
  });
});

describe("dates as Jekyll's Liquid reads them", () => {
  it("reads a time without offset in the site's zone, and keeps a written offset", () => {
    const paris = parseTimestamp("2017-07-06 10:00", "Europe/Paris");
    expect(paris?.toISOString()).toBe("2017-07-06T08:00:00.000Z");
    const written = parseTimestamp("2016-04-20T09:30+02:00", "UTC");
    expect(written && rubyStrftime(written, "%H:%M", written.zone)).toBe("09:30");
  });

  it("reads `now`, epoch seconds and dates, and refuses the rest", () => {
    const now = new Date("2024-06-01T00:00:00Z");
    expect(toZonedDate("now", "UTC", now)?.getTime()).toBe(now.getTime());
    expect(toZonedDate(0, "UTC", now)?.getTime()).toBe(0);
    expect(toZonedDate("pas une date", "UTC", now)).toBeUndefined();
    expect(toZonedDate("2017-13-01", "UTC", now)).toBeUndefined();
  });
});
