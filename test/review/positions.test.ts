import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/review/positions.js";

describe("LineIndex", () => {
  const index = new LineIndex("ab\ncd\r\n\nef");
  const points: [number, number, number][] = [
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [5, 2, 3],
    [7, 3, 1],
    [8, 4, 1],
    [10, 4, 3],
    [99, 4, 3],
    [-5, 1, 1],
  ];
  for (const [offset, line, column] of points) {
    it(`places offset ${offset} at ${line}:${column}`, () => {
      const point = index.pointAt(offset);
      expect([point.line, point.column]).toEqual([line, column]);
    });
  }

  it("gives line texts without their line ending", () => {
    expect([1, 2, 3, 4].map((line) => index.lineText(line))).toEqual(["ab", "cd", "", "ef"]);
    expect(index.lineCount).toBe(4);
  });
});
