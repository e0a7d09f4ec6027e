import { describe, expect, it } from "vitest";
import { isValidTimeZone, offsetAt, wallTimeAt, zonedTimeToInstant } from "../../src/publish/zoned-time.js";

function wall(text: string) {
  const [date = "", time = ""] = text.split(" ");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: 0,
  };
}

describe("zonedTimeToInstant", () => {
  const cases: { name: string; wall: string; timeZone: string; expected: string }[] = [
    {
      name: "Paris in winter",
      wall: "2024-01-15 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-01-15T08:00:00.000Z",
    },
    {
      name: "Paris in summer",
      wall: "2024-07-15 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-07-15T07:00:00.000Z",
    },
    {
      name: "the day before clocks go forward",
      wall: "2024-03-30 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-03-30T08:00:00.000Z",
    },
    {
      name: "clocks go forward: before the gap",
      wall: "2024-03-31 01:30",
      timeZone: "Europe/Paris",
      expected: "2024-03-31T00:30:00.000Z",
    },
    {
      name: "clocks go forward: in the gap, moved forward by an hour",
      wall: "2024-03-31 02:30",
      timeZone: "Europe/Paris",
      expected: "2024-03-31T01:30:00.000Z",
    },
    {
      name: "clocks go forward: after the gap",
      wall: "2024-03-31 03:30",
      timeZone: "Europe/Paris",
      expected: "2024-03-31T01:30:00.000Z",
    },
    {
      name: "clocks go forward: 9 h",
      wall: "2024-03-31 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-03-31T07:00:00.000Z",
    },
    {
      name: "the day before clocks go back",
      wall: "2024-10-26 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-10-26T07:00:00.000Z",
    },
    {
      name: "clocks go back: before the repeated hour",
      wall: "2024-10-27 01:30",
      timeZone: "Europe/Paris",
      expected: "2024-10-26T23:30:00.000Z",
    },
    {
      name: "clocks go back: the repeated hour is its first occurrence",
      wall: "2024-10-27 02:30",
      timeZone: "Europe/Paris",
      expected: "2024-10-27T00:30:00.000Z",
    },
    {
      name: "clocks go back: after the repeated hour",
      wall: "2024-10-27 03:30",
      timeZone: "Europe/Paris",
      expected: "2024-10-27T02:30:00.000Z",
    },
    {
      name: "clocks go back: 9 h",
      wall: "2024-10-27 09:00",
      timeZone: "Europe/Paris",
      expected: "2024-10-27T08:00:00.000Z",
    },
    {
      name: "midnight",
      wall: "2024-12-31 00:00",
      timeZone: "Europe/Paris",
      expected: "2024-12-30T23:00:00.000Z",
    },
    {
      name: "New York gap",
      wall: "2024-03-10 02:30",
      timeZone: "America/New_York",
      expected: "2024-03-10T07:30:00.000Z",
    },
    {
      name: "half-hour offset",
      wall: "2024-12-10 09:00",
      timeZone: "Asia/Kolkata",
      expected: "2024-12-10T03:30:00.000Z",
    },
    { name: "UTC", wall: "2024-12-10 09:00", timeZone: "UTC", expected: "2024-12-10T09:00:00.000Z" },
  ];
  it.each(cases)("$name", ({ wall: text, timeZone, expected }) => {
    expect(zonedTimeToInstant(wall(text), timeZone).toISOString()).toBe(expected);
  });

  it("round-trips every hour of both 2024 transition days in Paris, except the skipped hour", () => {
    for (const day of ["2024-03-31", "2024-10-27"]) {
      for (let hour = 0; hour < 24; hour += 1) {
        if (day === "2024-03-31" && hour === 2) continue;
        const target = wall(`${day} ${hour}:15`);
        expect(wallTimeAt(zonedTimeToInstant(target, "Europe/Paris"), "Europe/Paris")).toEqual(target);
      }
    }
  });
});

describe("offsetAt", () => {
  it("reads Paris offsets around the transitions", () => {
    expect(offsetAt(Date.parse("2024-03-31T00:59:59Z"), "Europe/Paris")).toBe(3_600_000);
    expect(offsetAt(Date.parse("2024-03-31T01:00:00Z"), "Europe/Paris")).toBe(7_200_000);
    expect(offsetAt(Date.parse("2024-10-27T00:59:59Z"), "Europe/Paris")).toBe(7_200_000);
    expect(offsetAt(Date.parse("2024-10-27T01:00:00Z"), "Europe/Paris")).toBe(3_600_000);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    { zone: "Europe/Paris", expected: true },
    { zone: "UTC", expected: true },
    { zone: "Europe/Pari", expected: false },
    { zone: "", expected: false },
  ])("$zone", ({ zone, expected }) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});
