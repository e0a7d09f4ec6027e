import { describe, expect, it } from "vitest";
import {
  type PostSummary,
  previewUrlFor,
  renderSummaryComment,
  SUMMARY_MARKER,
} from "../../src/report/summary-comment.js";
import type { Finding, Severity } from "../../src/review/types.js";
import { finding } from "./findings.js";

const post = (overrides: Partial<PostSummary> = {}): PostSummary => ({
  path: "_posts/2024-03-05-bonjour.md",
  title: "Bonjour",
  url: "https://blog.example.org/2024/03/05/bonjour.html",
  previewUrl: "https://deploy-preview-7--blog.netlify.app/2024/03/05/bonjour.html",
  findings: [],
  ...overrides,
});

/** `count` findings, one per line, with the severities given in turn. */
const findings = (count: number, severities: Severity[] = ["warning"]): Finding[] =>
  Array.from({ length: count }, (_, index) =>
    finding({
      line: index + 1,
      severity: severities[index % severities.length],
      message: `Point ${index + 1}`,
    }),
  );

const lines = (text: string) => text.split("\n");

describe("renderSummaryComment", () => {
  it("says when no post changed", () => {
    expect(renderSummaryComment([], "fr")).toBe(
      `${SUMMARY_MARKER}\n## Relecture éditoriale\n\nAucun article modifié.\n`,
    );
    expect(renderSummaryComment([], "en")).toBe(
      `${SUMMARY_MARKER}\n## Editorial review\n\nNo post changed.\n`,
    );
  });

  it("starts with the hidden marker", () => {
    const text = renderSummaryComment([post({ findings: findings(2) })], "fr");
    expect(lines(text)[0]).toBe("<!-- relecteur:summary -->");
    expect(text.split(SUMMARY_MARKER)).toHaveLength(2);
  });

  it("renders a clean post in French: table, title, links and congratulations", () => {
    expect(renderSummaryComment([post()], "fr")).toBe(
      [
        SUMMARY_MARKER,
        "## Relecture éditoriale",
        "",
        "| Article | Erreurs | Avertissements | Infos |",
        "| --- | ---: | ---: | ---: |",
        "| `Bonjour` | 0 | 0 | 0 |",
        "",
        "### `Bonjour`",
        "",
        "`_posts/2024-03-05-bonjour.md` · [sur le site](https://blog.example.org/2024/03/05/bonjour.html) · [aperçu](https://deploy-preview-7--blog.netlify.app/2024/03/05/bonjour.html)",
        "",
        "Rien à signaler\u00a0: bravo\u202f!",
        "",
        "---",
        "<sub>Relisez vos articles avant de pousser\u00a0: `npx relecteur check _posts/2024-03-05-bonjour.md`\u202f; ajoutez `--fix` pour appliquer les corrections sûres.</sub>",
        "",
      ].join("\n"),
    );
  });

  it("counts each post's findings by severity in the table, the path standing in for a missing title", () => {
    const text = renderSummaryComment(
      [
        post({ findings: findings(6, ["error", "warning", "info"]) }),
        post({
          path: "_posts/2024-03-06-sans-titre.md",
          title: undefined,
          url: undefined,
          previewUrl: undefined,
        }),
      ],
      "fr",
    );
    expect(lines(text).slice(3, 7)).toEqual([
      "| Article | Erreurs | Avertissements | Infos |",
      "| --- | ---: | ---: | ---: |",
      "| `Bonjour` | 2 | 2 | 2 |",
      "| `_posts/2024-03-06-sans-titre.md` | 0 | 0 | 0 |",
    ]);
    expect(text).toContain(
      "### `_posts/2024-03-06-sans-titre.md`\n\n`_posts/2024-03-06-sans-titre.md`\n\nRien à signaler",
    );
  });

  it("lists the five findings that matter most, errors first, then says how many are left", () => {
    const items = [...findings(6), finding({ line: 40, severity: "error", message: "Grave" })];
    const text = renderSummaryComment([post({ findings: items })], "fr");
    const listed = lines(text).filter((line) => line.startsWith("- "));
    expect(listed).toEqual([
      "- 🔴 ligne 40\u00a0: Grave (`typo/nbsp-before-colon`)",
      "- 🟠 ligne 1\u00a0: Point 1 (`typo/nbsp-before-colon`)",
      "- 🟠 ligne 2\u00a0: Point 2 (`typo/nbsp-before-colon`)",
      "- 🟠 ligne 3\u00a0: Point 3 (`typo/nbsp-before-colon`)",
      "- 🟠 ligne 4\u00a0: Point 4 (`typo/nbsp-before-colon`)",
      "- … et 2 autres points dans les annotations.",
    ]);
    expect(text).toContain("\n\ntypographie\u00a0: 7\n\n");
  });

  const rest: { count: number; more: string | undefined }[] = [
    { count: 5, more: undefined },
    { count: 6, more: "- … et 1 autre point dans les annotations." },
    { count: 30, more: "- … et 25 autres points dans les annotations." },
  ];
  for (const { count, more } of rest) {
    it(`with ${count} findings, lists 5 and ${more ? "counts the rest" : "nothing more"}`, () => {
      const listed = lines(renderSummaryComment([post({ findings: findings(count) })], "fr")).filter((line) =>
        line.startsWith("- "),
      );
      expect(listed.filter((line) => line.startsWith("- 🟠"))).toHaveLength(5);
      expect(listed.at(-1)).toBe(more ?? "- 🟠 ligne 5\u00a0: Point 5 (`typo/nbsp-before-colon`)");
    });
  }

  it("counts findings by category in the order they come", () => {
    const items = [
      finding({ rule: "frontmatter/authors-list" }),
      finding({ rule: "typo/apostrophe" }),
      finding({ rule: "frontmatter/slug-style" }),
      finding({ rule: "lexicon/house-style" }),
    ];
    expect(renderSummaryComment([post({ findings: items })], "fr")).toContain(
      "\n\nen-tête\u00a0: 2 · typographie\u00a0: 1 · charte éditoriale\u00a0: 1\n\n",
    );
  });

  it("speaks English with en", () => {
    const text = renderSummaryComment(
      [post({ findings: [...findings(7), finding({ rule: "markdown/no-h1" })] })],
      "en",
    );
    expect(text).toContain("## Editorial review\n");
    expect(text).toContain("| Post | Errors | Warnings | Infos |\n");
    expect(text).toContain("· [on the site](https://blog.example.org/2024/03/05/bonjour.html) · [preview](");
    // English takes no space before a colon.
    expect(text).toContain("\n\ntypography: 7 · Markdown: 1\n\n");
    expect(text).toContain("- 🟠 line 1: Point 1 (`typo/nbsp-before-colon`)\n");
    expect(text).toContain("- … and 3 more in the annotations.\n");
    expect(text).toContain(
      "<sub>Review your posts before you push: `npx relecteur check _posts/2024-03-05-bonjour.md`;",
    );
    expect(renderSummaryComment([post()], "en")).toContain("\n\nNothing to report: well done!\n");
  });
});

describe("renderSummaryComment keeps user text from escaping", () => {
  it("shows titles as written in code spans, and escapes HTML, backticks and Markdown in messages", () => {
    const text = renderSummaryComment(
      [
        post({
          title: "<script>alert('x')</script> `code` *gras* [lien](https://evil.example)",
          findings: [finding({ message: "Image <img src=x onerror=alert(1)> `rm -rf` _souligné_" })],
        }),
      ],
      "fr",
    );
    // A fence longer than the title's backticks: the title cannot close its code span.
    const shown = "``<script>alert('x')</script> `code` *gras* [lien](https://evil.example)``";
    expect(text).toContain(`| ${shown} | 0 | 1 | 0 |`);
    expect(text).toContain(`### ${shown}`);
    expect(text).toContain(
      "ligne 1\u00a0: Image &lt;img src=x onerror=alert(1)&gt; \\`rm -rf\\` \\_souligné\\_ (`typo/",
    );
    const outsideCode = text.replaceAll(shown, "");
    expect(outsideCode).not.toContain("<script>");
    expect(outsideCode).not.toContain("<img");
  });

  it("escapes | in table cells", () => {
    const text = renderSummaryComment([post({ title: "Avant | après" })], "fr");
    expect(text).toContain("| `Avant \\| après` | 0 | 0 | 0 |");
  });

  it("keeps a multi-line title on one line, in the table and the heading", () => {
    const text = renderSummaryComment([post({ title: "Première ligne\nseconde | ligne" })], "fr");
    expect(text).toContain("| `Première ligne seconde \\| ligne` | 0 | 0 | 0 |");
    expect(text).toContain("### `Première ligne seconde | ligne`");
  });

  it("keeps a URL with parentheses inside its link", () => {
    const url = "https://blog.example.org/x)![pixel](https://evil.example/p.png";
    const text = renderSummaryComment([post({ url, previewUrl: undefined })], "fr");
    expect(text).toContain(`\`_posts/2024-03-05-bonjour.md\` · [sur le site](<${url}>)\n`);
  });

  it("quotes paths with spaces or apostrophes in the suggested command", () => {
    const text = renderSummaryComment(
      [post({ path: "_posts/2024-03-05-mon bilan.md" }), post({ path: "_posts/2024-03-06-l'été.md" })],
      "fr",
    );
    expect(text).toContain(
      "`npx relecteur check '_posts/2024-03-05-mon bilan.md' '_posts/2024-03-06-l'\\''été.md'`",
    );
  });
});

describe("previewUrlFor", () => {
  const template = "https://deploy-preview-{number}--blog.netlify.app{permalink}";
  const rows: {
    name: string;
    template: string | undefined;
    permalink: string | undefined;
    number?: number;
    expected: string | undefined;
  }[] = [
    {
      name: "fills {number} and {permalink}",
      template,
      permalink: "/2024/03/05/bonjour.html",
      number: 42,
      expected: "https://deploy-preview-42--blog.netlify.app/2024/03/05/bonjour.html",
    },
    {
      name: "needs the number when the template uses it",
      template,
      permalink: "/a.html",
      expected: undefined,
    },
    {
      name: "needs no number when the template does not use it",
      template: "https://preview.example.org{permalink}",
      permalink: "/a.html",
      expected: "https://preview.example.org/a.html",
    },
    {
      name: "fills every occurrence",
      template: "https://x.example/{number}/{number}{permalink}?from={permalink}",
      permalink: "/a",
      number: 3,
      expected: "https://x.example/3/3/a?from=/a",
    },
    {
      name: "is undefined without a template",
      template: undefined,
      permalink: "/a",
      number: 1,
      expected: undefined,
    },
    {
      name: "is undefined with an empty template",
      template: "",
      permalink: "/a",
      number: 1,
      expected: undefined,
    },
    {
      name: "is undefined without a permalink",
      template,
      permalink: undefined,
      number: 1,
      expected: undefined,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(previewUrlFor(row.template, row.permalink, row.number)).toBe(row.expected);
    });
  }
});

describe("renderSummaryComment and mentions", () => {
  it("never notifies someone a post title or a message names", () => {
    const comment = renderSummaryComment(
      [{ path: "_posts/2024-01-02-merci.md", title: "Merci @jdupont et @betagouv/editeurs", findings: [] }],
      "fr",
    );
    // GitHub notifies nobody from a code span.
    expect(comment).toContain("### `Merci @jdupont et @betagouv/editeurs`");
    expect(comment.replace(/`[^`\n]*`/g, "")).not.toMatch(/(^|[^\w@])@(?=[\w-])/m);
  });
});

describe("renderSummaryComment, line links and older findings", () => {
  const blobUrl = "https://github.com/betagouv/blog/blob/abc/_posts/2024-03-05-bonjour.md?plain=1";

  it("links each « ligne N » to that line of the file", () => {
    const body = renderSummaryComment([post({ blobUrl, findings: findings(2) })], "fr");
    expect(body).toContain(`- 🟠 [ligne 1](${blobUrl}#L1)`);
    expect(body).toContain(`- 🟠 [ligne 2](${blobUrl}#L2)`);
  });

  it("keeps a link whose path holds parentheses whole", () => {
    const odd = "https://github.com/o/r/blob/abc/_posts/2024-03-05-bilan-(2).md?plain=1";
    const body = renderSummaryComment([post({ blobUrl: odd, findings: findings(1) })], "fr");
    expect(body).toContain(`[ligne 1](<${odd}#L1>)`);
  });

  it("counts the older findings without listing them, clean changes included", () => {
    const body = renderSummaryComment([post({ findings: findings(1), olderFindings: 4 })], "fr");
    expect(body).toContain(
      "\n\nHors des lignes modifiées, cet article compte encore 4 remarques plus anciennes, non détaillées ici.\n",
    );
    const clean = renderSummaryComment([post({ olderFindings: 1 })], "en");
    expect(clean).toContain("Nothing to report in the changed lines.");
    expect(clean).toContain(
      "Outside the changed lines, this post still holds 1 older finding, not listed here.",
    );
    expect(renderSummaryComment([post()], "fr")).not.toContain("plus ancienne");
  });
});
