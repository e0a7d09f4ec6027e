import { describe, expect, it } from "vitest";
import { changeOfPullFile, scopeFindings, scopeResults } from "../../src/report/changed-scope.js";
import { fileResult, finding, findingIn } from "./findings.js";

const lines = (...numbers: number[]) => ({ lines: new Set(numbers) });
const rulesOf = (shown: readonly { ruleId: string; range: { start: { line: number } } }[]) =>
  shown.map((item) => `${item.range.start.line} ${item.ruleId}`);

describe("scopeFindings", () => {
  const findings = [
    finding({ line: 1, rule: "frontmatter/required-field" }),
    finding({ line: 3, rule: "frontmatter/unknown-author" }),
    finding({ line: 7, rule: "typo/nbsp-before-colon" }),
    finding({ line: 9, rule: "typo/nbsp-before-semicolon" }),
  ];

  it("keeps the findings on changed lines and the whole-file front matter ones, and counts the rest", () => {
    const { shown, older } = scopeFindings(findings, lines(9), "changed");
    expect(rulesOf(shown)).toEqual(["1 frontmatter/required-field", "9 typo/nbsp-before-semicolon"]);
    expect(older).toBe(2);
  });

  it("keeps everything for a new file, an unknown diff, or `scope: file`", () => {
    expect(scopeFindings(findings, {}, "changed")).toEqual({ shown: findings, older: 0 });
    expect(scopeFindings(findings, undefined, "changed").older).toBe(0);
    expect(scopeFindings(findings, lines(9), "file")).toEqual({ shown: findings, older: 0 });
  });

  it("keeps a finding that spans a changed line, not one that only ends at the start of it", () => {
    const source = "un\ndeux\ntrois\nquatre\n";
    const spanning = findingIn(source, { at: [0, 12] }); // lines 1 to 3
    const wholeLine = findingIn(source, { at: [3, 8] }); // « deux\n »: ends at 3:1
    expect(scopeFindings([spanning], lines(2), "changed").shown).toEqual([spanning]);
    expect(scopeFindings([wholeLine], lines(3), "changed").shown).toEqual([]);
    expect(scopeFindings([wholeLine], lines(2), "changed").shown).toEqual([wholeLine]);
  });

  it("keeps what the file name implies when the change renamed the file", () => {
    const named = [
      finding({ line: 1, rule: "frontmatter/slug-style" }),
      finding({ line: 2, rule: "typo/ordinals" }),
    ];
    expect(rulesOf(scopeFindings(named, lines(5), "changed").shown)).toEqual([]);
    expect(rulesOf(scopeFindings(named, { ...lines(5), renamed: true }, "changed").shown)).toEqual([
      "1 frontmatter/slug-style",
    ]);
  });
});

describe("changeOfPullFile", () => {
  it("reads the added lines of a modified file's patch, not its context", () => {
    const change = changeOfPullFile({ status: "modified", patch: "@@ -4,3 +4,3 @@\n a\n-b\n+B\n c" });
    expect([...(change.lines ?? [])]).toEqual([5]);
  });

  it("takes an added or copied file, or one without a patch, whole", () => {
    expect(changeOfPullFile({ status: "added", patch: "@@ -0,0 +1 @@\n+a" })).toEqual({});
    expect(changeOfPullFile({ status: "modified" })).toEqual({});
    expect(changeOfPullFile({ status: "copied", patch: "@@ -1 +1 @@\n-a\n+b" })).toEqual({});
  });

  it("marks a rename", () => {
    expect(changeOfPullFile({ status: "renamed", patch: "@@ -1 +1 @@\n-a\n+b" }).renamed).toBe(true);
  });
});

describe("scopeResults", () => {
  it("scopes each file by its path and records the older count", () => {
    const results = [
      fileResult("a.md", [finding({ line: 2 }), finding({ line: 4 })]),
      fileResult("b.md", [finding({ line: 2 })]),
    ];
    const scoped = scopeResults(results, new Map([["a.md", lines(4)]]), "changed");
    expect(scoped.map((result) => [result.path, result.findings.length, result.olderFindings])).toEqual([
      ["a.md", 1, 1],
      ["b.md", 1, undefined],
    ]);
  });
});
