import { describe, expect, it } from "vitest";
import {
  COMPLEXITY_LIMITS,
  findExcess,
  measureComplexity,
} from "../../../src/review/markdown/measure-complexity.js";

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}- niveau ${level + 1}`).join("\n");

describe("findExcess", () => {
  it("lets a real post through: quotes in quotes, nested lists, emphasis, links, code", () => {
    const post = [
      "---\ntitle: Entretien\n---",
      "> Elle a dit :\n>\n> > *Le service* doit rester **simple** ; voir [le rapport](/rapport/) et [l'annexe][a].",
      nestedList(4),
      "```js\nconst a = b * c * d;\n```",
      "[a]: /annexe/",
    ].join("\n\n");
    expect(findExcess(post)).toBeUndefined();
  });

  it("allows every limit exactly, and reports one past it where it is", () => {
    const quotes = COMPLEXITY_LIMITS.quoteDepth;
    expect(findExcess(`${"> ".repeat(quotes)}a`)).toBeUndefined();
    expect(findExcess(`Titre\n\n${"> ".repeat(quotes + 1)}a`)).toEqual({
      kind: "quoteDepth",
      count: quotes + 1,
      limit: quotes,
      offset: 7,
    });
  });

  it("counts the levels of a list nested by indentation", () => {
    const depth = COMPLEXITY_LIMITS.nestingDepth;
    expect(findExcess(nestedList(depth))).toBeUndefined();
    expect(findExcess(nestedList(depth + 1))).toMatchObject({ kind: "nestingDepth", count: depth + 1 });
  });

  it("counts list markers and quotes written on one line together", () => {
    const depth = COMPLEXITY_LIMITS.nestingDepth;
    expect(findExcess(`${"- > 1. ".repeat(Math.ceil((depth + 1) / 3))}a`)).toMatchObject({
      kind: "nestingDepth",
    });
    expect(findExcess(`${"-a ".repeat(depth * 2)}`)).toBeUndefined();
  });

  it("counts emphasis marks and brackets per paragraph: a blank line starts again", () => {
    const half = "*a* [b](c) ".repeat(COMPLEXITY_LIMITS.emphasisDelimiters / 2);
    expect(findExcess(`${half}\n\n${half}`)).toBeUndefined();
    expect(findExcess(`${half}\n${half}`)).toMatchObject({ kind: "emphasisDelimiters" });
    const brackets = "[a](".repeat(COMPLEXITY_LIMITS.bracketOpeners + 1);
    expect(findExcess(brackets)).toMatchObject({
      kind: "bracketOpeners",
      count: COMPLEXITY_LIMITS.bracketOpeners + 1,
    });
  });

  it("places an excess where the limit is passed, and counts the whole paragraph", () => {
    const limit = COMPLEXITY_LIMITS.emphasisDelimiters;
    expect(findExcess(`Titre\n\n${"*a".repeat(limit * 3)}`)).toEqual({
      kind: "emphasisDelimiters",
      count: limit * 3,
      limit,
      offset: 7 + limit * 2,
    });
  });

  it("counts a run of marks once: a line of stars is one mark", () => {
    expect(measureComplexity("*".repeat(10_000)).emphasisDelimiters.count).toBe(1);
    expect(measureComplexity("_a".repeat(10)).emphasisDelimiters.count).toBe(10);
  });

  it("skips fenced code, which is not parsed as Markdown, until its fence closes", () => {
    const code = "*a".repeat(COMPLEXITY_LIMITS.emphasisDelimiters * 2);
    expect(findExcess(`\`\`\`\n${code}\n\`\`\`\n`)).toBeUndefined();
    expect(findExcess(`~~~~\n~~~\n${code}\n~~~~\n`)).toBeUndefined();
    expect(findExcess(`\`\`\`\n\`\`\`\n${code}\n`)).toMatchObject({ kind: "emphasisDelimiters" });
  });
});
