import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/review/apply-fixes.js";
import type { Fix } from "../../src/review/types.js";

describe("applyFixes", () => {
  const rows: { name: string; text: string; fixes: Fix[]; expected: string; skipped: number }[] = [
    { name: "no fix", text: "abc", fixes: [], expected: "abc", skipped: 0 },
    {
      name: "one replacement",
      text: "a b",
      fixes: [{ start: 1, end: 2, text: "\u202f" }],
      expected: "a\u202fb",
      skipped: 0,
    },
    {
      name: "several, given in any order",
      text: "a:b;c",
      fixes: [
        { start: 1, end: 1, text: " " },
        { start: 3, end: 3, text: " " },
      ],
      expected: "a :b ;c",
      skipped: 0,
    },
    {
      name: "a deletion",
      text: "a  b",
      fixes: [{ start: 1, end: 2, text: "" }],
      expected: "a b",
      skipped: 0,
    },
    {
      name: "adjacent fixes both apply",
      text: "abcd",
      fixes: [
        { start: 0, end: 2, text: "X" },
        { start: 2, end: 4, text: "Y" },
      ],
      expected: "XY",
      skipped: 0,
    },
    {
      name: "an overlapping fix is skipped, the later one wins",
      text: "abcdef",
      fixes: [
        { start: 1, end: 4, text: "X" },
        { start: 3, end: 5, text: "Y" },
      ],
      expected: "abcYf",
      skipped: 1,
    },
    {
      name: "two insertions at the same offset: only one",
      text: "ab",
      fixes: [
        { start: 1, end: 1, text: "X" },
        { start: 1, end: 1, text: "Y" },
      ],
      expected: "aXb",
      skipped: 1,
    },
    {
      name: "an insertion just before a replacement",
      text: "abc",
      fixes: [
        { start: 1, end: 1, text: "X" },
        { start: 1, end: 2, text: "Y" },
      ],
      expected: "aXYc",
      skipped: 0,
    },
    {
      name: "astral characters keep their UTF-16 offsets",
      text: "😀 :",
      fixes: [{ start: 2, end: 3, text: "\u00a0" }],
      expected: "😀\u00a0:",
      skipped: 0,
    },
  ];
  for (const { name, text, fixes, expected, skipped } of rows) {
    it(name, () => {
      const result = applyFixes(text, fixes);
      expect(result.text).toBe(expected);
      expect(result.skipped).toHaveLength(skipped);
      expect(result.applied).toHaveLength(fixes.length - skipped);
    });
  }
});
