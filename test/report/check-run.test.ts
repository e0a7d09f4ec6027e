import { describe, expect, it } from "vitest";
import {
  type Annotation,
  MAX_ANNOTATION_MESSAGE_BYTES,
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_SUMMARY_LENGTH,
  renderCheckRun,
} from "../../src/report/check-run.js";
import type { FileResult } from "../../src/report/file-result.js";
import type { Finding, Severity } from "../../src/review/types.js";
import { fileResult, finding, findingIn } from "./findings.js";

const severities = (...list: Severity[]): Finding[] =>
  list.map((severity, index) => finding({ severity, line: index + 1 }));

describe("renderCheckRun conclusion", () => {
  const cases: { name: string; results: FileResult[]; conclusion: string }[] = [
    { name: "no post", results: [], conclusion: "success" },
    { name: "clean posts", results: [fileResult("a.md", []), fileResult("b.md", [])], conclusion: "success" },
    { name: "infos alone", results: [fileResult("a.md", severities("info", "info"))], conclusion: "success" },
    {
      name: "warnings and infos",
      results: [fileResult("a.md", severities("info")), fileResult("b.md", severities("warning"))],
      conclusion: "neutral",
    },
    {
      name: "one error among warnings",
      results: [fileResult("a.md", severities("warning", "info")), fileResult("b.md", severities("error"))],
      conclusion: "failure",
    },
  ];
  for (const { name, results, conclusion } of cases) {
    it(`is ${conclusion} with ${name}`, () => {
      expect(renderCheckRun(results, "fr").conclusion).toBe(conclusion);
    });
  }
});

describe("renderCheckRun title", () => {
  const cases: { name: string; results: FileResult[]; fr: string; en: string }[] = [
    { name: "no post", results: [], fr: "Aucun article à relire", en: "No post to review" },
    { name: "clean posts", results: [fileResult("a.md", [])], fr: "Aucune remarque", en: "No findings" },
    {
      name: "errors and warnings in two posts of three",
      results: [
        fileResult("a.md", severities("error", "error", "warning", "warning")),
        fileResult("b.md", []),
        fileResult("c.md", severities("warning", "error", "warning", "warning")),
      ],
      fr: "3 erreurs, 5 avertissements dans 2 articles",
      en: "3 errors, 5 warnings in 2 posts",
    },
    {
      name: "one of each",
      results: [fileResult("a.md", severities("error", "warning", "info"))],
      fr: "1 erreur, 1 avertissement, 1 info dans 1 article",
      en: "1 error, 1 warning, 1 info in 1 post",
    },
    {
      name: "infos alone",
      results: [fileResult("a.md", severities("info", "info"))],
      fr: "2 infos dans 1 article",
      en: "2 infos in 1 post",
    },
  ];
  for (const { name, results, fr, en } of cases) {
    it(`names ${name}`, () => {
      expect(renderCheckRun(results, "fr").title).toBe(fr);
      expect(renderCheckRun(results, "en").title).toBe(en);
    });
  }
});

describe("renderCheckRun summary", () => {
  const results = [
    fileResult("_posts/2024-03-05-a.md", [
      finding({ rule: "typo/nbsp-before-colon", severity: "error" }),
      finding({ rule: "links/dead-internal-link", severity: "warning" }),
      finding({ rule: "typo/apostrophe", severity: "info" }),
    ]),
    fileResult("_posts/2024-03-06-b.md", []),
  ];

  it("tables the posts with their counts per severity and per category, in French", () => {
    expect(renderCheckRun(results, "fr").summary).toBe(
      [
        "| Article | Erreurs | Avertissements | Infos | Catégories |",
        "| --- | ---: | ---: | ---: | --- |",
        "| `_posts/2024-03-05-a.md` | 1 | 1 | 1 | typographie\u00a0: 2 · liens\u00a0: 1 |",
        "| `_posts/2024-03-06-b.md` | 0 | 0 | 0 | — |",
        "",
        "Chaque remarque est annotée sur sa ligne.",
        "",
      ].join("\n"),
    );
  });

  it("speaks English with locale en", () => {
    expect(renderCheckRun(results, "en").summary).toBe(
      [
        "| Post | Errors | Warnings | Infos | Categories |",
        "| --- | ---: | ---: | ---: | --- |",
        "| `_posts/2024-03-05-a.md` | 1 | 1 | 1 | typography: 2 · links: 1 |",
        "| `_posts/2024-03-06-b.md` | 0 | 0 | 0 | — |",
        "",
        "Each finding is annotated on its line.",
        "",
      ].join("\n"),
    );
  });

  it("says when nothing was found, or nothing changed", () => {
    expect(renderCheckRun([fileResult("a.md", [])], "fr").summary).toMatch(/\n\nRien à signaler\.\n$/);
    expect(renderCheckRun([fileResult("a.md", [])], "en").summary).toMatch(/\n\nNothing to report\.\n$/);
    expect(renderCheckRun([], "fr").summary).toBe("Aucun article modifié.\n");
    expect(renderCheckRun([], "en").summary).toBe("No post changed.\n");
  });

  it("keeps | and backticks of a path inside its cell", () => {
    const summary = renderCheckRun(
      [fileResult("_posts/a|`b`.md", []), fileResult("_posts/`c`", [])],
      "fr",
    ).summary;
    expect(summary).toContain("| ``_posts/a\\|`b`.md`` | 0 | 0 | 0 | — |");
    expect(summary).toContain("| `` _posts/`c` `` | 0 | 0 | 0 | — |");
  });

  it("truncates a huge summary under GitHub's limit, with a note", () => {
    const posts = 2000;
    const huge = Array.from({ length: posts }, (_, index) =>
      fileResult(`_posts/2024-01-01-un-article-au-titre-assez-long-${index}.md`, [finding()]),
    );
    for (const locale of ["fr", "en"] as const) {
      const { summary } = renderCheckRun(huge, locale);
      expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
      expect(summary.length).toBeGreaterThan(MAX_SUMMARY_LENGTH - 200);
      const rows = summary.split("\n").filter((line) => line.startsWith("| `_posts/")).length;
      const note = summary.trimEnd().split("\n").at(-1) ?? "";
      expect(note).toMatch(
        locale === "fr"
          ? /^Résumé tronqué à la limite de GitHub\u00a0: (\d+) articles de plus, dont les remarques restent annotées sur leurs lignes\.$/
          : /^Summary truncated at GitHub's limit: (\d+) more posts, whose findings are still annotated on their lines\.$/,
      );
      expect(rows + Number(/(\d+)/.exec(note)?.[1])).toBe(posts);
    }
  });
});

describe("renderCheckRun annotations", () => {
  it("annotates a finding on one line with its columns", () => {
    const source = "a\nbc : d\n";
    const run = renderCheckRun(
      [
        fileResult("_posts/a.md", [
          findingIn(source, {
            at: [4, 6],
            rule: "typo/nbsp-before-colon",
            severity: "error",
            message: "Espace",
          }),
        ]),
      ],
      "fr",
    );
    expect(run.annotationBatches).toEqual([
      [
        {
          path: "_posts/a.md",
          start_line: 2,
          end_line: 2,
          start_column: 3,
          end_column: 5,
          annotation_level: "failure",
          message: "Espace",
          title: "typo/nbsp-before-colon",
        },
      ],
    ]);
  });

  const source = "un\ndeux\ntrois\nquatre\n";
  const multiLine: { name: string; at: [number, number]; start: number; end: number }[] = [
    { name: "spans lines", at: [1, 10], start: 1, end: 3 },
    { name: "ends at the start of the next line", at: [3, 8], start: 2, end: 2 },
    { name: "covers whole lines and their newline", at: [0, 14], start: 1, end: 3 },
  ];
  for (const { name, at, start, end } of multiLine) {
    it(`gives no columns to a finding that ${name}`, () => {
      const [annotation] = renderCheckRun([fileResult("a.md", [findingIn(source, { at })])], "fr")
        .annotationBatches[0] as Annotation[];
      expect(annotation).toMatchObject({ start_line: start, end_line: end });
      expect(annotation).not.toHaveProperty("start_column");
      expect(annotation).not.toHaveProperty("end_column");
    });
  }

  it("maps severities to annotation levels, errors first", () => {
    const run = renderCheckRun(
      [fileResult("a.md", severities("info", "warning")), fileResult("b.md", severities("warning", "error"))],
      "fr",
    );
    expect(
      run.annotationBatches[0]?.map((annotation) => [annotation.path, annotation.annotation_level]),
    ).toEqual([
      ["b.md", "failure"],
      ["a.md", "warning"],
      ["b.md", "warning"],
      ["a.md", "notice"],
    ]);
  });

  const batches: { count: number; sizes: number[] }[] = [
    { count: 0, sizes: [] },
    { count: 1, sizes: [1] },
    { count: 50, sizes: [50] },
    { count: 51, sizes: [50, 1] },
    { count: 120, sizes: [50, 50, 20] },
  ];
  for (const { count, sizes } of batches) {
    it(`sends ${count} annotations in batches of ${sizes.join(", ") || "none"}`, () => {
      const findings = Array.from({ length: count }, (_, index) => finding({ line: index + 1 }));
      const run = renderCheckRun([fileResult("a.md", findings)], "fr");
      expect(run.annotationBatches.map((batch) => batch.length)).toEqual(sizes);
      expect(run.annotationBatches.flat().map((annotation) => annotation.start_line)).toEqual(
        findings.map((_, index) => index + 1),
      );
    });
  }

  it("keeps batches to GitHub's 50 annotations per request", () => {
    expect(MAX_ANNOTATIONS_PER_REQUEST).toBe(50);
  });

  it("cuts a message over 64 KB on a character boundary", () => {
    const message = "é".repeat(40_000);
    const [annotation] = renderCheckRun([fileResult("a.md", [finding({ message })])], "fr")
      .annotationBatches[0] as Annotation[];
    expect(Buffer.byteLength(annotation?.message ?? "", "utf8")).toBeLessThanOrEqual(
      MAX_ANNOTATION_MESSAGE_BYTES,
    );
    expect(annotation?.message).toMatch(/^é+…$/);
  });
});
