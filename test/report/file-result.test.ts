import { describe, expect, it } from "vitest";
import { countTotals, fixTextForRange } from "../../src/report/file-result.js";
import type { Fix } from "../../src/review/types.js";
import { fileResult, finding, findingIn } from "./findings.js";

const SOURCE = "Bonjour : le monde";
//              0123456789

describe("fixTextForRange", () => {
  const rows: { name: string; range: [number, number]; fix: Fix; expected: string | undefined }[] = [
    {
      name: "a fix covering exactly the range",
      range: [7, 8],
      fix: { start: 7, end: 8, text: "\u202f" },
      expected: "\u202f",
    },
    {
      name: "a fix inside a wider range keeps the text around it",
      range: [0, 9],
      fix: { start: 7, end: 8, text: "\u202f" },
      expected: "Bonjour\u202f:",
    },
    {
      name: "an insertion at the range start",
      range: [8, 9],
      fix: { start: 8, end: 8, text: "\u202f" },
      expected: "\u202f:",
    },
    {
      name: "an insertion at the range end",
      range: [0, 7],
      fix: { start: 7, end: 7, text: "!" },
      expected: "Bonjour!",
    },
    { name: "a deletion", range: [7, 9], fix: { start: 7, end: 8, text: "" }, expected: ":" },
    {
      name: "a fix starting before the range",
      range: [7, 9],
      fix: { start: 6, end: 8, text: "r\u202f" },
      expected: undefined,
    },
    {
      name: "a fix ending after the range",
      range: [7, 9],
      fix: { start: 8, end: 10, text: ": " },
      expected: undefined,
    },
    { name: "a fix elsewhere", range: [0, 3], fix: { start: 12, end: 13, text: "M" }, expected: undefined },
  ];
  for (const { name, range, fix, expected } of rows) {
    it(name, () => {
      expect(fixTextForRange(findingIn(SOURCE, { at: range, fix }), SOURCE)).toBe(expected);
    });
  }

  it("is undefined without a fix", () => {
    expect(fixTextForRange(findingIn(SOURCE, { at: [7, 8] }), SOURCE)).toBeUndefined();
  });

  it("is undefined without the source text", () => {
    const item = findingIn(SOURCE, { at: [7, 8], fix: { start: 7, end: 8, text: "\u202f" } });
    expect(fixTextForRange(item, undefined)).toBeUndefined();
  });
});

describe("countTotals", () => {
  it("counts files, including clean ones, and findings by severity", () => {
    const results = [
      fileResult("a.md", [finding({ severity: "error" }), finding({ severity: "info" })]),
      fileResult("b.md", []),
      fileResult("c.md", [finding({ severity: "warning" }), finding({ severity: "warning" })]),
    ];
    expect(countTotals(results)).toEqual({ files: 3, errors: 1, warnings: 2, infos: 1 });
  });

  it("is all zeros for nothing", () => {
    expect(countTotals([])).toEqual({ files: 0, errors: 0, warnings: 0, infos: 0 });
  });
});
