import { describe, expect, it } from "vitest";
import {
  type ExistingComment,
  fingerprintOf,
  outdatedComments,
  type RenderedSuggestions,
  type ReviewSuggestion,
  renderReviewSuggestions,
  type SuggestionFile,
  suggestionMarker,
  suggestionsToPost,
} from "../../src/report/review-suggestions.js";
import type { Finding, Locale, Severity } from "../../src/review/types.js";
import { findingIn } from "./findings.js";

const NARROW = "\u202f";
const PATH = "_posts/2024-03-05-bonjour.md";

/** A patch that adds the whole file: every line is commentable. */
function newFilePatch(source: string): string {
  const lines = source.replace(/\r?\n$/, "").split(/\r?\n/);
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n");
}

/** A finding whose fix replaces `search` (its `nth` occurrence) by `text` in `source`. */
function fixing(
  source: string,
  search: string,
  text: string,
  spec: { severity?: Severity; message?: string; rule?: string; nth?: number } = {},
): Finding {
  let start = -1;
  for (let count = 0; count <= (spec.nth ?? 0); count++) start = source.indexOf(search, start + 1);
  if (start < 0) throw new Error(`${search} not in source`);
  const end = start + search.length;
  return findingIn(source, {
    at: [start, end],
    rule: spec.rule ?? "typo/nbsp-before-colon",
    severity: spec.severity ?? "warning",
    message: spec.message ?? `Espace avant «\u00a0${search.trim()}\u00a0»`,
    fix: { start, end, text },
  });
}

function render(
  source: string,
  findings: (source: string) => Finding[],
  options: { patch?: string | null; max?: number; locale?: Locale } = {},
): RenderedSuggestions {
  const file: SuggestionFile = { path: PATH, source, findings: findings(source) };
  if (options.patch !== null) file.patch = options.patch ?? newFilePatch(source);
  return renderReviewSuggestions(file, { max: options.max ?? 25, locale: options.locale ?? "fr" });
}

/** The lines of the suggestion block of a comment's body. */
function suggestedLines(body: string): string[] {
  const match = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(body);
  if (!match) throw new Error(`no suggestion block in ${body}`);
  return (match[2] as string).split("\n");
}

const reasons = (rendered: RenderedSuggestions) =>
  rendered.unplaced.map(({ finding, reason }) => [finding.range.start.line, reason]);

describe("renderReviewSuggestions", () => {
  it("suggests the corrected line for one fix, messages above, marker below", () => {
    const rendered = render("Bonjour\nIl dit : oui\nFin\n", (source) => [fixing(source, " :", `${NARROW}:`)]);
    expect(rendered.unplaced).toEqual([]);
    expect(rendered.comments).toHaveLength(1);
    const [comment] = rendered.comments as [ReviewSuggestion];
    expect(comment).toMatchObject({ path: PATH, line: 2, side: "RIGHT" });
    expect(comment.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(comment.body).toBe(
      [
        "🟠 **Avertissement** — Espace avant `:` (`typo/nbsp-before-colon`)",
        "",
        "```suggestion",
        `Il dit${NARROW}: oui`,
        "```",
        "",
        `<!-- relecteur:suggestion ${comment.fingerprint} -->`,
      ].join("\n"),
    );
  });

  it("offers a suggestion that changes letters as a one-click block, with the fixes of its line", () => {
    const rendered = render("Bonjour\nLes startups d'Etat : oui\nFin\n", (source) => {
      const at = source.indexOf("Etat");
      const accent = findingIn(source, {
        at: [at, at + 4],
        rule: "typo/accented-capitals",
        message: "«\u00a0Etat\u00a0»\u00a0: la majuscule garde son accent, «\u00a0État\u00a0»",
        suggestion: { start: at, end: at + 1, text: "É" },
      });
      return [accent, fixing(source, " :", "\u00a0:")];
    });
    expect(rendered.unplaced).toEqual([]);
    expect(rendered.comments).toHaveLength(1);
    const body = rendered.comments[0]?.body ?? "";
    expect(suggestedLines(body)).toEqual(["Les startups d'État\u00a0: oui"]);
    expect(body).toContain("`Etat`\u00a0: la majuscule garde son accent, `État` (`typo/accented-capitals`)");
  });

  it("speaks English with locale en", () => {
    const rendered = render(
      "Il dit : oui\n",
      (source) => [fixing(source, " :", ":", { severity: "error" })],
      {
        locale: "en",
      },
    );
    expect(rendered.comments[0]?.body).toMatch(/^🔴 \*\*Error\*\* — /);
  });

  it("groups two fixes of a line into one comment that applies both", () => {
    const rendered = render("Il dit : oui ; non\n", (source) => [
      fixing(source, " :", `${NARROW}:`, { severity: "info" }),
      fixing(source, " ;", `${NARROW};`, { severity: "error", rule: "typo/nbsp-before-semicolon" }),
    ]);
    expect(rendered.comments).toHaveLength(1);
    const body = rendered.comments[0]?.body ?? "";
    expect(suggestedLines(body)).toEqual([`Il dit${NARROW}: oui${NARROW}; non`]);
    expect(body.split("\n").slice(0, 2)).toEqual([
      "- 🔵 **Info** — Espace avant `:` (`typo/nbsp-before-colon`)",
      "- 🔴 **Erreur** — Espace avant `;` (`typo/nbsp-before-semicolon`)",
    ]);
  });

  it("applies the later of two overlapping fixes and leaves the other unplaced", () => {
    const rendered = render("Il dit : oui\n", (source) => [
      fixing(source, "dit :", "disait :", { message: "Temps" }),
      fixing(source, " :", `${NARROW}:`),
    ]);
    expect(rendered.comments).toHaveLength(1);
    expect(suggestedLines(rendered.comments[0]?.body ?? "")).toEqual([`Il dit${NARROW}: oui`]);
    expect(rendered.comments[0]?.body).not.toContain("Temps");
    expect(reasons(rendered)).toEqual([[1, "overlap"]]);
  });

  const unplaced: {
    name: string;
    source: string;
    findings: (source: string) => Finding[];
    patch?: string | null;
    expected: [number, string][];
  }[] = [
    {
      name: "a fix outside the diff",
      source: "un : deux\ntrois : quatre\ncinq\n",
      patch: "@@ -2,2 +2,2 @@\n-trois: quatre\n+trois : quatre\n cinq",
      findings: (source) => [fixing(source, "un :", "un:"), fixing(source, "trois :", "trois:")],
      expected: [[1, "outside-diff"]],
    },
    {
      name: "a file without a patch",
      source: "un : deux\n",
      patch: null,
      findings: (source) => [fixing(source, " :", ":")],
      expected: [[1, "outside-diff"]],
    },
    {
      name: "a fix over two lines",
      source: "un\ndeux\n",
      findings: (source) => [fixing(source, "un\ndeux", "un deux")],
      expected: [[1, "multi-line"]],
    },
    {
      name: "a fix that takes the newline",
      source: "un\ndeux\n",
      findings: (source) => [fixing(source, "un\n", "un")],
      expected: [[1, "multi-line"]],
    },
    {
      name: "a finding without a fix",
      source: "un : deux\n",
      findings: (source) => {
        const { fix: _, ...plain } = fixing(source, " :", ":");
        return [plain];
      },
      expected: [[1, "no-fix"]],
    },
    {
      name: "a fix that changes nothing",
      source: "un : deux\n",
      findings: (source) => [fixing(source, " :", " :")],
      expected: [[1, "no-change"]],
    },
  ];
  for (const { name, source, findings, patch, expected } of unplaced) {
    it(`leaves unplaced ${name}`, () => {
      const rendered = render(source, findings, patch === undefined ? {} : { patch });
      expect(reasons(rendered)).toEqual(expected);
      expect(rendered.comments.length + rendered.unplaced.length).toBe(findings(source).length);
    });
  }

  it("fences a line that holds ``` with a longer fence", () => {
    const rendered = render("Tapez ```` :\n", (source) => [fixing(source, " :", `${NARROW}:`)]);
    const body = rendered.comments[0]?.body ?? "";
    expect(body).toContain(`\`\`\`\`\`suggestion\nTapez \`\`\`\`${NARROW}:\n\`\`\`\`\`\n`);
    expect(suggestedLines(body)).toEqual([`Tapez \`\`\`\`${NARROW}:`]);
  });

  it("suggests a CRLF line without its \\r, with the fingerprint of the LF line", () => {
    const crlf = render("Bonjour\r\nIl dit : oui\r\nFin\r\n", (source) => [
      fixing(source, " :", `${NARROW}:`),
    ]);
    const lf = render("Bonjour\nIl dit : oui\nFin\n", (source) => [fixing(source, " :", `${NARROW}:`)]);
    expect(crlf.comments[0]?.line).toBe(2);
    expect(suggestedLines(crlf.comments[0]?.body ?? "")).toEqual([`Il dit${NARROW}: oui`]);
    expect(crlf.comments[0]?.body).not.toContain("\r");
    expect(crlf.comments[0]?.fingerprint).toBe(lf.comments[0]?.fingerprint);
  });

  it("keeps the fingerprint when the line moves, and changes it with the correction or the path", () => {
    const fix = (source: string) => [fixing(source, " :", `${NARROW}:`)];
    const before = render("Il dit : oui\n", fix).comments[0];
    const moved = render("Titre\n\nIl dit : oui\n", fix).comments[0];
    expect(moved?.line).toBe(3);
    expect(moved?.fingerprint).toBe(before?.fingerprint);
    const other = render("Il dit : oui\n", (source) => [fixing(source, " :", "\u00a0:")]).comments[0];
    expect(other?.fingerprint).not.toBe(before?.fingerprint);
    const elsewhere = renderReviewSuggestions(
      {
        path: "_posts/autre.md",
        source: "Il dit : oui\n",
        patch: "@@ -0,0 +1 @@\n+Il dit : oui",
        findings: fix("Il dit : oui\n"),
      },
      { max: 25, locale: "fr" },
    ).comments[0];
    expect(elsewhere?.fingerprint).not.toBe(before?.fingerprint);
  });

  it("tells apart the same correction on two identical lines", () => {
    const rendered = render("Oui : non\nOui : non\n", (source) => [
      fixing(source, " :", ":", { nth: 0 }),
      fixing(source, " :", ":", { nth: 1 }),
    ]);
    const [first, second] = rendered.comments;
    expect(first?.fingerprint).not.toBe(second?.fingerprint);
    const moved = render("Titre\nOui : non\nOui : non\n", (source) => [
      fixing(source, " :", ":", { nth: 0 }),
      fixing(source, " :", ":", { nth: 1 }),
    ]);
    expect(moved.comments.map((comment) => comment.fingerprint)).toEqual([
      first?.fingerprint,
      second?.fingerprint,
    ]);
  });

  const source = "a :\nb :\nc :\nd :\ne :\n";
  const bySeverity = (severities: Severity[]) => (text: string) =>
    severities.map((severity, index) => fixing(text, " :", ":", { severity, nth: index }));
  const limits: { name: string; severities: Severity[]; max: number; lines: number[]; limited: number[] }[] =
    [
      {
        name: "errors, then warnings, then infos, then by line",
        severities: ["info", "warning", "error", "warning", "error"],
        max: 25,
        lines: [3, 5, 2, 4, 1],
        limited: [],
      },
      {
        name: "the first max of them",
        severities: ["info", "warning", "error", "warning", "error"],
        max: 3,
        lines: [3, 5, 2],
        limited: [1, 4],
      },
      { name: "none with max 0", severities: ["error", "info"], max: 0, lines: [], limited: [1, 2] },
    ];
  for (const { name, severities, max, lines, limited } of limits) {
    it(`posts ${name}`, () => {
      const rendered = render(source, bySeverity(severities), { max });
      expect(rendered.comments.map((comment) => comment.line)).toEqual(lines);
      expect(rendered.unplaced).toEqual(
        limited.map((line) => ({
          finding: expect.objectContaining({
            range: expect.objectContaining({ start: expect.objectContaining({ line }) }),
          }),
          reason: "limit",
        })),
      );
    });
  }

  it("ranks a line by its most severe finding", () => {
    const rendered = render(
      "a : b ;\nc :\n",
      (text) => [
        fixing(text, " :", ":", { severity: "info" }),
        fixing(text, " ;", ";", { severity: "error" }),
        fixing(text, " :", ":", { severity: "warning", nth: 1 }),
      ],
      { max: 1 },
    );
    expect(rendered.comments.map((comment) => comment.line)).toEqual([1]);
  });

  it("keeps messages from opening HTML, Markdown or mentions", () => {
    const rendered = render("Merci @jean : oui\n", (text) => [
      fixing(text, " :", ":", { message: "«\u00a0@jean\u00a0» <b>*gras*</b>" }),
    ]);
    expect(rendered.comments[0]?.body.split("\n")[0]).toBe(
      "🟠 **Avertissement** — `@jean` &lt;b&gt;\\*gras\\*&lt;/b&gt; (`typo/nbsp-before-colon`)",
    );
  });
});

describe("suggestion markers", () => {
  it("finds the fingerprint back in a body", () => {
    expect(fingerprintOf(`texte\n\n${suggestionMarker("0123456789abcdef")}`)).toBe("0123456789abcdef");
    expect(fingerprintOf("<!-- relecteur:summary -->")).toBeUndefined();
    expect(fingerprintOf("un commentaire humain")).toBeUndefined();
  });
});

const suggestion = (fingerprint: string): ReviewSuggestion => ({
  path: PATH,
  line: 1,
  side: "RIGHT",
  body: `b\n\n${suggestionMarker(fingerprint)}`,
  fingerprint,
});

describe("suggestionsToPost", () => {
  const cases: { name: string; rendered: string[]; existing: string[]; expected: string[] }[] = [
    { name: "all of them on the first push", rendered: ["aa", "bb"], existing: [], expected: ["aa", "bb"] },
    { name: "none already posted", rendered: ["aa", "bb"], existing: ["bb", "aa"], expected: [] },
    {
      name: "only the new ones",
      rendered: ["aa", "bb", "cc"],
      existing: ["bb", "dd"],
      expected: ["aa", "cc"],
    },
    { name: "nothing when nothing is rendered", rendered: [], existing: ["aa"], expected: [] },
  ];
  for (const { name, rendered, existing, expected } of cases) {
    it(`posts ${name}`, () => {
      expect(
        suggestionsToPost(rendered.map(suggestion), new Set(existing)).map((each) => each.fingerprint),
      ).toEqual(expected);
    });
  }
});

describe("outdatedComments", () => {
  const comment = (id: number, fingerprint: string | undefined, hasReplies = false): ExistingComment => ({
    id,
    body: fingerprint === undefined ? "Une remarque à la main" : `b\n\n${suggestionMarker(fingerprint)}`,
    hasReplies,
  });
  const cases: { name: string; existing: ExistingComment[]; current: string[]; expected: number[] }[] = [
    {
      name: "none while every suggestion is current",
      existing: [comment(1, "aa"), comment(2, "bb")],
      current: ["aa", "bb"],
      expected: [],
    },
    {
      name: "the ones no longer current",
      existing: [comment(1, "aa"), comment(2, "bb"), comment(3, "cc")],
      current: ["bb"],
      expected: [1, 3],
    },
    {
      name: "none that someone answered",
      existing: [comment(1, "aa", true), comment(2, "bb")],
      current: [],
      expected: [2],
    },
    {
      name: "none without the marker",
      existing: [comment(1, undefined), comment(2, "bb")],
      current: [],
      expected: [2],
    },
    {
      name: "all when nothing is suggested any more",
      existing: [comment(7, "aa"), comment(9, "bb")],
      current: [],
      expected: [7, 9],
    },
  ];
  for (const { name, existing, current, expected } of cases) {
    it(`deletes ${name}`, () => {
      expect(outdatedComments(existing, new Set(current))).toEqual(expected);
    });
  }
});
