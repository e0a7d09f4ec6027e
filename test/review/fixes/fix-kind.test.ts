import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { stampFinding } from "../../../src/review/engine.js";
import { fixKind, lettersOnly } from "../../../src/review/fixes/fix-kind.js";
import { LineIndex } from "../../../src/review/positions.js";

/** A fix replacing the first occurrence of `written` in `source` by `text`. */
const kindOf = (source: string, written: string, text: string, needsReading?: boolean) => {
  const start = source.indexOf(written);
  return fixKind(source, { start, end: start + written.length, text }, needsReading);
};

describe("fixKind", () => {
  const cases: { name: string; source: string; written: string; text: string; kind: "fix" | "suggestion" }[] =
    [
      { name: "a no-break space inserted", source: "Pourquoi?", written: "", text: "\u202f", kind: "fix" },
      { name: "a space made no-break", source: "Pourquoi ?", written: " ", text: "\u202f", kind: "fix" },
      {
        name: "straight quotes to guillemets",
        source: 'Il dit "non".',
        written: '"non"',
        text: "«\u00a0non\u00a0»",
        kind: "fix",
      },
      { name: "a period removed (Mme.)", source: "Mme. Martin", written: "Mme.", text: "Mme", kind: "fix" },
      { name: "an ellipsis", source: "Et puis...", written: "...", text: "…", kind: "fix" },
      {
        name: "a symbol moved after its number",
        source: "€40",
        written: "€40",
        text: "40\u00a0€",
        kind: "fix",
      },
      { name: "an accent added", source: "Etat", written: "E", text: "É", kind: "suggestion" },
      { name: "a cedilla added", source: "Ca va", written: "C", text: "Ç", kind: "suggestion" },
      { name: "a capital lowered", source: "le 3 Mars", written: "M", text: "m", kind: "suggestion" },
      { name: "an ordinal suffix", source: "2ème", written: "ème", text: "e", kind: "suggestion" },
      {
        name: "an abbreviation with other letters",
        source: "Mr Dupont",
        written: "Mr",
        text: "M.",
        kind: "suggestion",
      },
      { name: "a digit changed", source: "v1", written: "1", text: "2", kind: "suggestion" },
      { name: "a letter moved", source: "ab", written: "ab", text: "ba", kind: "suggestion" },
    ];
  for (const { name, source, written, text, kind } of cases) {
    it(`${name}: ${kind}`, () => expect(kindOf(source, written, text)).toBe(kind));
  }

  it("makes a fix that needs reading a suggestion even when it keeps the letters", () => {
    expect(kindOf("https://a.fr//b", "//b", "/b", true)).toBe("suggestion");
  });

  it("counts letters of any script, digits and combining marks, not spaces, punctuation or symbols", () => {
    expect(lettersOnly("L’État, 2 €\u00a0: e\u0301t\u00e9 !")).toBe("LÉtat2e\u0301té");
  });
});

describe("stampFinding", () => {
  const config = configSchema.parse({});
  const source = "Etat ?";
  const report = (text: string, start: number, end: number) => ({
    message: { fr: "m", en: "m" },
    range: new LineIndex(source).rangeAt(0, source.length),
    fix: { start, end, text },
  });
  const rule = { id: "typo/test", category: "typo" } as const;

  it("gives a fix that keeps every letter as `fix`, one that changes a letter as `suggestion`", () => {
    const fix = stampFinding(rule, "warning", config, report("\u202f", 4, 5), source);
    expect(fix.fix).toEqual({ start: 4, end: 5, text: "\u202f" });
    expect(fix).not.toHaveProperty("suggestion");
    const suggestion = stampFinding(rule, "warning", config, report("É", 0, 1), source);
    expect(suggestion.suggestion).toEqual({ start: 0, end: 1, text: "É" });
    expect(suggestion).not.toHaveProperty("fix");
  });

  it("makes a correction whose source is unknown a suggestion: nothing proves it keeps the letters", () => {
    const finding = stampFinding(rule, "warning", config, report("\u202f", 4, 5));
    expect(finding).not.toHaveProperty("fix");
    expect(finding.suggestion).toBeDefined();
  });
});
