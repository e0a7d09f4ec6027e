import { describe, expect, it } from "vitest";
import { formatText, summaryLine } from "../../src/report/format-text.js";
import type { Locale } from "../../src/review/types.js";
import { fileResult, finding } from "./findings.js";

const ESC = String.fromCharCode(27);

const results = () => [
  {
    ...fileResult("_posts/a.md", [
      finding({ line: 3, severity: "error", rule: "frontmatter/unknown-author", message: "Auteur inconnu" }),
      finding({ line: 7, severity: "info", rule: "typo/ordinals", message: "Ordinal" }),
    ]),
    displayPath: "site/_posts/a.md",
  },
  fileResult("_posts/b.md", []),
  fileResult("_posts/c.md", [finding({ line: 2, rule: "typo/nbsp-before-colon", message: "Espace" })]),
];

describe("formatText", () => {
  it("groups by file with display paths, aligns severities and ends with the summary (French)", () => {
    expect(formatText(results(), { locale: "fr", color: false })).toBe(
      [
        "site/_posts/a.md",
        "site/_posts/a.md:3:1  erreur         Auteur inconnu  frontmatter/unknown-author",
        "site/_posts/a.md:7:1  info           Ordinal  typo/ordinals",
        "",
        "_posts/c.md",
        "_posts/c.md:2:1  avertissement  Espace  typo/nbsp-before-colon",
        "",
        "Par règle\u00a0:",
        "  frontmatter/unknown-author  1 erreur",
        "  typo/nbsp-before-colon      1 avertissement",
        "  typo/ordinals               1 info",
        "",
        "1 erreur, 1 avertissement, 1 info dans 3 fichiers",
        "",
      ].join("\n"),
    );
  });

  it("speaks English", () => {
    expect(formatText(results(), { locale: "en", color: false })).toBe(
      [
        "site/_posts/a.md",
        "site/_posts/a.md:3:1  error    Auteur inconnu  frontmatter/unknown-author",
        "site/_posts/a.md:7:1  info     Ordinal  typo/ordinals",
        "",
        "_posts/c.md",
        "_posts/c.md:2:1  warning  Espace  typo/nbsp-before-colon",
        "",
        "By rule:",
        "  frontmatter/unknown-author  1 error",
        "  typo/nbsp-before-colon      1 warning",
        "  typo/ordinals               1 info",
        "",
        "1 error, 1 warning, 1 info in 3 files",
        "",
      ].join("\n"),
    );
  });

  it("tallies each rule per severity, worst rules first, then the most frequent", () => {
    const many = [
      fileResult("a.md", [
        finding({ rule: "typo/ordinals", severity: "info" }),
        finding({ rule: "typo/spaces" }),
        finding({ rule: "typo/nbsp-before-colon", severity: "error" }),
        finding({ rule: "typo/nbsp-before-colon" }),
        finding({ rule: "typo/nbsp-before-colon" }),
      ]),
      fileResult("b.md", [finding({ rule: "typo/spaces" }), finding({ rule: "typo/spaces" })]),
    ];
    const output = formatText(many, { locale: "fr", color: false });
    expect(output.split("\n").slice(-7)).toEqual([
      "Par règle\u00a0:",
      "  typo/nbsp-before-colon  1 erreur, 2 avertissements",
      "  typo/spaces             3 avertissements",
      "  typo/ordinals           1 info",
      "",
      "1 erreur, 5 avertissements, 1 info dans 2 fichiers",
      "",
    ]);
  });

  it("says how many older findings a change left aside", () => {
    const scoped = [{ ...fileResult("a.md", [finding({ line: 9 })]), olderFindings: 3 }];
    expect(formatText(scoped, { locale: "fr", color: false })).toContain(
      "\n\n3 remarques plus anciennes, hors des lignes modifiées, ne sont pas montrées (sans --changed-since, tout est montré).\n\n",
    );
    expect(
      formatText([{ ...fileResult("a.md", []), olderFindings: 1 }], { locale: "en", color: false }),
    ).toBe(
      "1 older finding, outside the changed lines, is not shown (without --changed-since, everything is).\n\n0 errors, 0 warnings, 0 infos in 1 file\n",
    );
  });

  it("prints only the summary when nothing is found", () => {
    expect(formatText([fileResult("a.md", [])], { locale: "fr", color: false })).toBe(
      "0 erreur, 0 avertissement, 0 info dans 1 fichier\n",
    );
  });

  it("has no escape codes without colour", () => {
    expect(formatText(results(), { locale: "fr", color: false })).not.toContain(ESC);
  });

  const summaryColours: { name: string; severity: "error" | "warning" | "info" | undefined; code: number }[] =
    [
      { name: "red with an error", severity: "error", code: 31 },
      { name: "yellow with a warning", severity: "warning", code: 33 },
      { name: "green with infos only", severity: "info", code: 32 },
      { name: "green when clean", severity: undefined, code: 32 },
    ];
  for (const { name, severity, code } of summaryColours) {
    it(`paints the summary ${name}`, () => {
      const findings = severity ? [finding({ severity })] : [];
      const output = formatText([fileResult("a.md", findings)], { locale: "fr", color: true });
      expect(output.endsWith(`${ESC}[${code}m${summaryLine(countOf(severity), "fr")}${ESC}[39m\n`)).toBe(
        true,
      );
    });
  }

  it("paints the same text with colour", () => {
    const plain = formatText(results(), { locale: "fr", color: false });
    const painted = formatText(results(), { locale: "fr", color: true });
    expect(painted).not.toBe(plain);
    expect(painted).toContain(`${ESC}[31merreur       ${ESC}[39m`);
    expect(painted).toContain(`${ESC}[34minfo         ${ESC}[39m`);
    expect(painted).toContain(`${ESC}[33mavertissement${ESC}[39m`);
    expect(painted.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "")).toBe(plain);
  });
});

describe("summaryLine", () => {
  const rows: { locale: Locale; counts: [number, number, number, number]; expected: string }[] = [
    { locale: "fr", counts: [0, 0, 0, 0], expected: "0 erreur, 0 avertissement, 0 info dans 0 fichier" },
    { locale: "fr", counts: [1, 1, 1, 1], expected: "1 erreur, 1 avertissement, 1 info dans 1 fichier" },
    { locale: "fr", counts: [2, 3, 4, 5], expected: "2 erreurs, 3 avertissements, 4 infos dans 5 fichiers" },
    { locale: "en", counts: [0, 0, 0, 0], expected: "0 errors, 0 warnings, 0 infos in 0 files" },
    { locale: "en", counts: [1, 1, 1, 1], expected: "1 error, 1 warning, 1 info in 1 file" },
    { locale: "en", counts: [2, 3, 4, 5], expected: "2 errors, 3 warnings, 4 infos in 5 files" },
  ];
  for (const { locale, counts, expected } of rows) {
    it(`${locale}: ${expected}`, () => {
      const [errors, warnings, infos, files] = counts;
      expect(summaryLine({ errors, warnings, infos, files }, locale)).toBe(expected);
    });
  }
});

function countOf(severity: "error" | "warning" | "info" | undefined) {
  return {
    files: 1,
    errors: severity === "error" ? 1 : 0,
    warnings: severity === "warning" ? 1 : 0,
    infos: severity === "info" ? 1 : 0,
  };
}
