import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runRuleExample } from "../../src/review/examples.js";
import { RULES } from "../../src/review/registry.js";
import { CATEGORIES } from "../../src/review/types.js";

const srcDir = fileURLToPath(new URL("../../src/review/", import.meta.url));

describe("every rule", () => {
  it("has a unique id matching its category, folder and file", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      const [category, name] = rule.id.split("/");
      expect(CATEGORIES).toContain(rule.category);
      expect(category).toBe(rule.category);
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const source = readFileSync(`${srcDir}${category}/${name}.ts`, "utf8");
      expect(source, `${rule.id} lives in ${category}/${name}.ts`).toContain(`id: "${rule.id}"`);
    }
  });

  it("documents at least one wrong and one right example", () => {
    for (const rule of RULES) {
      expect(rule.docs.wrong.length, rule.id).toBeGreaterThan(0);
      expect(rule.docs.right.length, rule.id).toBeGreaterThan(0);
      expect(rule.docs.title, rule.id).not.toBe("");
    }
  });
});

for (const rule of RULES) {
  describe(rule.id, () => {
    for (const [index, example] of rule.docs.wrong.entries()) {
      it(`reports wrong example ${index + 1}`, () => {
        const { findings, fixed } = runRuleExample(rule, example);
        const actual = findings.map((finding) => {
          const row: Record<string, unknown> = {
            message: finding.message,
            line: finding.range.start.line,
            column: finding.range.start.column,
          };
          const expected = example.findings.find(
            (item) => item.line === row.line && item.column === row.column,
          );
          if (expected?.severity !== undefined) row.severity = finding.severity;
          if (expected?.endLine !== undefined) row.endLine = finding.range.end.line;
          if (expected?.endColumn !== undefined) row.endColumn = finding.range.end.column;
          return row;
        });
        expect(actual).toEqual(example.findings);
        for (const [position, finding] of findings.entries()) {
          expect(finding.ruleId).toBe(rule.id);
          expect(finding.severity).toBe(example.findings[position]?.severity ?? rule.severity);
          const correction = finding.fix ?? finding.suggestion;
          expect(finding.fix && finding.suggestion, "a fix or a suggestion, never both").toBeFalsy();
          if (correction) {
            // JSON version 1 expresses a fix as the text replacing the finding's own range.
            expect(correction.start).toBeGreaterThanOrEqual(finding.range.start.offset);
            expect(correction.end).toBeLessThanOrEqual(finding.range.end.offset);
          }
        }
        if (example.fixed !== undefined) expect(fixed).toBe(example.fixed);
        else expect(findings.filter((finding) => finding.fix ?? finding.suggestion)).toEqual([]);
      });
      if (example.fixed !== undefined) {
        it(`fixes wrong example ${index + 1} once and for all`, () => {
          const again = runRuleExample(rule, { ...example, source: example.fixed as string });
          expect(again.findings.filter((finding) => finding.fix ?? finding.suggestion)).toEqual([]);
          expect(again.fixed).toBe(example.fixed);
        });
      }
    }
    for (const [index, example] of rule.docs.right.entries()) {
      it(`stays silent on right example ${index + 1}`, () => {
        expect(runRuleExample(rule, example).findings).toEqual([]);
      });
    }
  });
}
