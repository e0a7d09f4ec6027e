import { describe, expect, it } from "vitest";
import {
  latestPublicationDate,
  parsePublicationDate,
  postPublicationDate,
} from "../../src/publish/publication-date.js";

const PARIS_9H = { time: "09:00", timezone: "Europe/Paris" };

describe("parsePublicationDate", () => {
  const cases: {
    name: string;
    text: string;
    settings?: { time: string; timezone: string };
    expected?: string;
  }[] = [
    {
      name: "a date alone is published at publish.time in Paris (winter)",
      text: "2024-12-10",
      expected: "2024-12-10T08:00:00.000Z",
    },
    {
      name: "a date alone is published at publish.time in Paris (summer)",
      text: "2024-06-10",
      expected: "2024-06-10T07:00:00.000Z",
    },
    {
      name: "a date alone on the day clocks go forward",
      text: "2024-03-31",
      expected: "2024-03-31T07:00:00.000Z",
    },
    {
      name: "a date alone on the day clocks go back",
      text: "2024-10-27",
      expected: "2024-10-27T08:00:00.000Z",
    },
    {
      name: "another publish.time and zone",
      text: "2024-12-10",
      settings: { time: "18:30", timezone: "America/New_York" },
      expected: "2024-12-10T23:30:00.000Z",
    },
    { name: "one-digit month and day", text: "2024-3-5", expected: "2024-03-05T08:00:00.000Z" },
    {
      name: "Jekyll's time and offset, taken as is",
      text: "2024-12-10 10:30:00 +0100",
      expected: "2024-12-10T09:30:00.000Z",
    },
    {
      name: "an offset that is not the zone's, taken as is",
      text: "2024-12-10 10:30:00 -0500",
      expected: "2024-12-10T15:30:00.000Z",
    },
    { name: "ISO 8601 with offset", text: "2024-12-10T10:30:00+01:00", expected: "2024-12-10T09:30:00.000Z" },
    { name: "ISO 8601 in UTC", text: "2024-12-10T10:30:00Z", expected: "2024-12-10T10:30:00.000Z" },
    {
      name: "a time without offset is read in the zone",
      text: "2024-06-10 10:30",
      expected: "2024-06-10T08:30:00.000Z",
    },
    {
      name: "a time in the skipped hour moves forward",
      text: "2024-03-31 02:30",
      expected: "2024-03-31T01:30:00.000Z",
    },
    { name: "not in the calendar", text: "2024-02-30" },
    { name: "not a date", text: "demain" },
    { name: "an hour out of range", text: "2024-12-10 25:00" },
    { name: "minutes out of range", text: "2024-12-10 10:75" },
  ];
  it.each(cases)("$name", ({ text, settings, expected }) => {
    expect(parsePublicationDate(text, settings ?? PARIS_9H)?.toISOString()).toBe(expected);
  });

  it("refuses an unreadable publish.time", () => {
    expect(parsePublicationDate("2024-12-10", { time: "9h", timezone: "Europe/Paris" })).toBeUndefined();
  });
});

describe("postPublicationDate", () => {
  it("prefers the front matter date to the file name's", () => {
    const date = postPublicationDate({ path: "_posts/2024-12-01-a.md", date: "2024-12-10" }, PARIS_9H);
    expect(date).toEqual({
      kind: "valid",
      path: "_posts/2024-12-01-a.md",
      instant: new Date("2024-12-10T08:00:00Z"),
    });
  });
  it("falls back on the file name's date", () => {
    const date = postPublicationDate({ path: "_posts/2024-12-01-a.md" }, PARIS_9H);
    expect(date).toEqual({
      kind: "valid",
      path: "_posts/2024-12-01-a.md",
      instant: new Date("2024-12-01T08:00:00Z"),
    });
  });
  it("says when there is no date at all", () => {
    expect(postPublicationDate({ path: "_posts/a.md" }, PARIS_9H)).toEqual({
      kind: "missing",
      path: "_posts/a.md",
    });
  });
  it("keeps the unreadable text", () => {
    expect(postPublicationDate({ path: "_posts/a.md", date: "bientôt" }, PARIS_9H)).toEqual({
      kind: "invalid",
      path: "_posts/a.md",
      text: "bientôt",
    });
  });
});

describe("latestPublicationDate", () => {
  it("takes the latest valid date", () => {
    const latest = latestPublicationDate([
      { kind: "valid", path: "a.md", instant: new Date("2024-12-10T08:00:00Z") },
      { kind: "valid", path: "b.md", instant: new Date("2024-12-12T08:00:00Z") },
      { kind: "invalid", path: "c.md", text: "x" },
      { kind: "valid", path: "d.md", instant: new Date("2024-12-11T08:00:00Z") },
    ]);
    expect(latest).toEqual({ kind: "valid", path: "b.md", instant: new Date("2024-12-12T08:00:00Z") });
  });
});
