import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/format-json.js";
import { fileResult, findingIn } from "./findings.js";

const SOURCE = "---\ntitle: Bonjour\n---\n\nVraiment ? Oui : non.\n";
const QUESTION = SOURCE.indexOf(" ?");
const COLON = SOURCE.indexOf(" :");

describe("formatJson", () => {
  it("prints version 1 with every field of a finding, one file after another", () => {
    const question = findingIn(SOURCE, {
      at: [QUESTION, QUESTION + 2],
      rule: "typo/nbsp-before-question",
      message: "Espace avant «\u00a0?\u00a0»",
      fix: { start: QUESTION, end: QUESTION + 1, text: "\u202f" },
    });
    const colon = findingIn(SOURCE, {
      at: [COLON, COLON + 2],
      rule: "typo/nbsp-before-colon",
      severity: "error",
      message: "Espace avant «\u00a0:\u00a0»",
    });
    const output = formatJson([
      fileResult("_posts/a.md", [question, colon], SOURCE),
      fileResult("_posts/b.md", []),
    ]);
    expect(JSON.parse(output)).toEqual({
      version: 1,
      files: [
        {
          path: "_posts/a.md",
          findings: [
            {
              rule: "typo/nbsp-before-question",
              category: "typo",
              severity: "warning",
              message: "Espace avant «\u00a0?\u00a0»",
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 11,
              fix: { text: "\u202f?" },
            },
            {
              rule: "typo/nbsp-before-colon",
              category: "typo",
              severity: "error",
              message: "Espace avant «\u00a0:\u00a0»",
              line: 5,
              column: 15,
              endLine: 5,
              endColumn: 17,
            },
          ],
        },
        { path: "_posts/b.md", findings: [] },
      ],
      summary: { files: 2, errors: 1, warnings: 1, infos: 0 },
    });
  });

  it("is indented JSON ending with a newline", () => {
    expect(formatJson([])).toBe(
      '{\n  "version": 1,\n  "files": [],\n  "summary": {\n    "files": 0,\n    "errors": 0,\n    "warnings": 0,\n    "infos": 0\n  }\n}\n',
    );
  });

  it("leaves out a fix that reaches outside the finding's range", () => {
    const item = findingIn(SOURCE, {
      at: [QUESTION + 1, QUESTION + 2],
      fix: { start: QUESTION, end: QUESTION + 1, text: "" },
    });
    const [file] = JSON.parse(formatJson([fileResult("a.md", [item], SOURCE)])).files;
    expect(file.findings[0]).not.toHaveProperty("fix");
  });

  it("leaves out every fix when the source is unknown", () => {
    const item = findingIn(SOURCE, {
      at: [QUESTION, QUESTION + 1],
      fix: { start: QUESTION, end: QUESTION + 1, text: "" },
    });
    const [file] = JSON.parse(formatJson([fileResult("a.md", [item])])).files;
    expect(file.findings[0]).not.toHaveProperty("fix");
  });

  it("keeps the fix text verbatim, quotes and backslashes included", () => {
    const item = findingIn(SOURCE, { at: [4, 18], fix: { start: 11, end: 18, text: '"Bon\\jour"' } });
    const [file] = JSON.parse(formatJson([fileResult("a.md", [item], SOURCE)])).files;
    expect(file.findings[0].fix).toEqual({ text: 'title: "Bon\\jour"' });
  });

  it("gives a suggestion in the shape of a fix, replacing the finding's own range, and no fix with it", () => {
    const source = "---\ntitle: Bonjour\n---\n\nLes startups d'Etat.\n";
    const at = source.indexOf("Etat");
    const item = findingIn(source, {
      at: [at, at + 4],
      rule: "typo/accented-capitals",
      suggestion: { start: at, end: at + 1, text: "É" },
    });
    const [file] = JSON.parse(formatJson([fileResult("a.md", [item], source)])).files;
    expect(file.findings[0]).toMatchObject({
      line: 5,
      column: 16,
      endColumn: 20,
      suggestion: { text: "État" },
    });
    expect(file.findings[0]).not.toHaveProperty("fix");
  });
});
