import { describe, expect, it } from "vitest";
import { formatGithub } from "../../src/report/format-github.js";
import type { Severity } from "../../src/review/types.js";
import { fileResult, finding, findingIn } from "./findings.js";

describe("formatGithub", () => {
  it("prints ::command file,line,col,endLine,endColumn,title::message, one line per finding", () => {
    const source = "a\nbc : d\n";
    const results = [
      fileResult("_posts/a.md", [
        findingIn(source, {
          at: [4, 6],
          rule: "typo/nbsp-before-colon",
          severity: "error",
          message: "Espace",
        }),
      ]),
      fileResult("_posts/b.md", []),
      fileResult("_posts/c.md", [finding({ line: 3, rule: "frontmatter/slug-style", message: "Adresse" })]),
    ];
    expect(formatGithub(results)).toBe(
      "::error file=_posts/a.md,line=2,col=3,endLine=2,endColumn=5,title=typo/nbsp-before-colon::Espace\n" +
        "::warning file=_posts/c.md,line=3,col=1,endLine=3,endColumn=1,title=frontmatter/slug-style::Adresse\n",
    );
  });

  const commands: { severity: Severity; command: string }[] = [
    { severity: "error", command: "error" },
    { severity: "warning", command: "warning" },
    { severity: "info", command: "notice" },
  ];
  for (const { severity, command } of commands) {
    it(`turns ${severity} into ::${command}`, () => {
      expect(formatGithub([fileResult("a.md", [finding({ severity })])])).toMatch(
        new RegExp(`^::${command} file=a\\.md,`),
      );
    });
  }

  it("prints nothing at all without findings", () => {
    expect(formatGithub([])).toBe("");
    expect(formatGithub([fileResult("a.md", [])])).toBe("");
  });

  // @actions/core: data escapes % CR LF; properties also escape : and ,.
  const escapes: { name: string; path: string; rule: string; message: string; expected: string }[] = [
    {
      name: "% in the message",
      path: "a.md",
      rule: "typo/numbers",
      message: "50 % des cas",
      expected: "::warning file=a.md,line=1,col=1,endLine=1,endColumn=1,title=typo/numbers::50 %25 des cas",
    },
    {
      name: "newlines in the message",
      path: "a.md",
      rule: "typo/numbers",
      message: "ligne 1\r\nligne 2\nfin",
      expected:
        "::warning file=a.md,line=1,col=1,endLine=1,endColumn=1,title=typo/numbers::ligne 1%0D%0Aligne 2%0Afin",
    },
    {
      name: ": and , kept as they are in the message",
      path: "a.md",
      rule: "typo/numbers",
      message: "Attendu : 1, 2",
      expected: "::warning file=a.md,line=1,col=1,endLine=1,endColumn=1,title=typo/numbers::Attendu : 1, 2",
    },
    {
      name: "%, :, , and newlines in the file property",
      path: "_posts/a,b:c%d\ne.md",
      rule: "typo/numbers",
      message: "m",
      expected:
        "::warning file=_posts/a%2Cb%3Ac%25d%0Ae.md,line=1,col=1,endLine=1,endColumn=1,title=typo/numbers::m",
    },
    {
      name: ": and , in the title property",
      path: "a.md",
      rule: "lexicon/a:b,c",
      message: "m",
      expected: "::warning file=a.md,line=1,col=1,endLine=1,endColumn=1,title=lexicon/a%3Ab%2Cc::m",
    },
  ];
  for (const { name, path, rule, message, expected } of escapes) {
    it(`escapes ${name}`, () => {
      expect(formatGithub([fileResult(path, [finding({ rule, message })])])).toBe(`${expected}\n`);
    });
  }
});
