import { describe, expect, it } from "vitest";
import { parisDate } from "../../src/github/paris-date.js";

describe("parisDate", () => {
  it.each([
    ["winter, late evening in UTC is already tomorrow in Paris", "2024-03-09T23:30:00Z", "2024-03-10"],
    ["summer time, two hours ahead", "2024-07-01T22:30:00Z", "2024-07-02"],
    ["summer time, still the same day", "2024-07-01T21:59:59Z", "2024-07-01"],
    ["new year", "2023-12-31T23:00:00Z", "2024-01-01"],
  ])("%s", (_name, instant, expected) => {
    expect(parisDate(new Date(instant))).toBe(expected);
  });
});
