import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { reviewPost } from "../../src/review/engine.js";
import { RULES } from "../../src/review/registry.js";
import { buildSite } from "../../src/site/site.js";

const site = buildSite({
  files: ["_config.yml", "_authors/jean.dupont.md", "_posts/2024-03-05-Bilan.md"],
  configText: "url: https://exemple.fr\n",
  postGlobs: ["_posts/*.md"],
}).site;
const post = {
  path: "_posts/2024-03-05-Bilan.md",
  source: "---\ntitle: Bilan\nauthors: [inconnu]\n---\n\nTexte.\n",
};
const review = (config: Record<string, unknown>, only?: ("frontmatter" | "markdown")[]) =>
  reviewPost(post, site, configSchema.parse(config), { today: "2024-06-01", only });
const ruleIds = (config: Record<string, unknown>) =>
  review(config).map((finding) => `${finding.ruleId}:${finding.severity}`);

describe("reviewPost", () => {
  it("stamps id, category and default severity on each finding, in reading order", () => {
    expect(ruleIds({})).toEqual(["frontmatter/slug-style:warning", "frontmatter/unknown-author:error"]);
    expect(review({})[1]).toMatchObject({
      category: "frontmatter",
      range: { start: { line: 3, column: 11 } },
    });
  });

  const overrides: { name: string; rules: Record<string, string>; expected: string[] }[] = [
    {
      name: "off silences a rule",
      rules: { "frontmatter/slug-style": "off" },
      expected: ["frontmatter/unknown-author:error"],
    },
    {
      name: "a level replaces the default",
      rules: { "frontmatter/slug-style": "error", "frontmatter/unknown-author": "info" },
      expected: ["frontmatter/slug-style:error", "frontmatter/unknown-author:info"],
    },
  ];
  for (const { name, rules, expected } of overrides) {
    it(name, () => expect(ruleIds({ rules })).toEqual(expected));
  }

  it("runs only the asked categories", () => {
    expect(review({}, ["markdown"]).filter((finding) => finding.category !== "markdown")).toEqual([]);
    expect(review({}, ["frontmatter"])).toHaveLength(2);
  });

  it("speaks English with locale: en", () => {
    expect(review({ locale: "en" })[1]?.message).toBe(
      "Unknown author « inconnu »: no file _authors/inconnu.md (add it in this pull request)",
    );
  });
});

describe("the post's language", () => {
  const ENGLISH = [
    "We moved our services to Kubernetes last year, and this is what we learned: a lot!",
    "",
    "Docker, Compose, Terraform: check!",
    "",
    "Stay hungry, stay foolish!",
    "",
  ].join("\n");
  const typoFindings = (frontMatter: string, config: Record<string, unknown> = {}) =>
    reviewPost(
      {
        path: "_posts/2024-03-05-kubernetes.md",
        source: `---\ntitle: Kubernetes\n${frontMatter}---\n\n${ENGLISH}`,
      },
      site,
      configSchema.parse(config),
      { today: "2024-06-01" },
    )
      .filter((finding) => finding.category === "typo")
      .map((finding) => `${finding.ruleId}:${finding.range.start.line}`);

  it("gives no French rule to an English post, marked or not", () => {
    expect(typoFindings("language: en\n")).toEqual([]);
    expect(typoFindings("")).toEqual([]);
  });

  it("reviews the same text as French when its front matter says so, English sentences still skipped", () => {
    // Line 6 is English by its own words; lines 8 and 10 have no word that tells, so French rules read them.
    expect(typoFindings("lang: fr\n")).toEqual([
      "typo/nbsp-before-colon:8",
      "typo/nbsp-before-exclamation:8",
      "typo/nbsp-before-exclamation:10",
    ]);
  });

  it("keeps the house style in an English post: names are the same in every language", () => {
    const config = { lexicon: [{ use: "Kubernetes", avoid: ["kubernetes"] }] };
    const findings = reviewPost(
      {
        path: "_posts/2024-03-05-k.md",
        source: "---\ntitle: K\nlang: en\n---\n\nWe love kubernetes and we use it.\n",
      },
      site,
      configSchema.parse(config),
      { today: "2024-06-01" },
    );
    expect(findings.map((finding) => finding.ruleId)).toContain("lexicon/house-style");
  });
});

/** Awkward posts that every rule must survive without throwing, as remark-lint replays its examples. */
const AWKWARD_POSTS: Record<string, string> = {
  empty: "",
  blank: "\n\n   \n",
  "front matter only": "---\ntitle: a\n---\n",
  "front matter without newline": "---\ntitle: a\n---",
  "no front matter": "# Titre\n\nTexte.",
  "unclosed front matter": "---\ntitle: a\n",
  "lone fence": "---",
  "broken yaml": "---\ntitle: [\n---\n",
  "yaml list": "---\n- a\n---\n",
  "yaml scalar": "---\nbonjour\n---\n",
  "null values": "---\ntitle:\nauthors:\ndate:\nimage:\n---\n",
  "odd types":
    "---\ntitle: 12\nauthors: {a: 1}\ndate: [1]\nimage: 3\nauthor: [x]\npermalink: 4\ncategories: {a: b}\n---\n",
  crlf: "---\r\ntitle: a\r\nauthors: x\r\n---\r\n\r\n# T\r\n\r\n* a  \r\n- b\r\n\r\n\r\n\r\n![](x.png)\r\n",
  "only code": "```\n---\n```\n",
  "deep nesting": `${"> ".repeat(200)}a\n`,
  "long line": `---\ntitle: a\n---\n${"mot ".repeat(20000)}\n`,
  // One text node longer than V8 accepts as spread arguments (about 130,000).
  "a paragraph of 200,000 characters": `---\ntitle: a\n---\n${"mot ".repeat(50000)}\n`,
  "nested links, emphases and quotations": `${"*we [moved « fast » to](x) it* « a *b* » ".repeat(300)}\n`,
  "html and liquid":
    '---\ntitle: a\n---\n<img src="x">\n{% raw %}{{ a }}{% endraw %}\n[a]({{ site.baseurl }}/x)\n',
  unicode: "---\ntitle: 😀\n---\n\n😀 é\u0301 \u202f\u00a0\n",
};

describe("every rule on awkward posts", () => {
  const allRules = configSchema.parse({ frontmatter: { excerptSeparator: "required" } });
  for (const [name, source] of Object.entries(AWKWARD_POSTS)) {
    for (const path of ["_posts/2024-03-05-bilan.md", "_posts/bilan.md", "<stdin>"]) {
      it(`survive "${name}" at ${path}`, () => {
        const findings = reviewPost({ path, source }, site, allRules, { today: "2024-06-01", rules: RULES });
        for (const finding of findings) {
          expect(finding.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(finding.range.end.offset).toBeLessThanOrEqual(source.length);
          expect(finding.range.start.offset).toBeLessThanOrEqual(finding.range.end.offset);
          if (finding.fix) expect(finding.fix.end).toBeLessThanOrEqual(source.length);
        }
      });
    }
  }
});
