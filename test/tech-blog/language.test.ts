import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJson, runCli } from "../cli/temp-site.js";

/**
 * Posts in English on the shared test blog (a `lang: fr` site), and English inside French posts: headings,
 * a list of talk titles, quotations. French rules read only the French.
 */
const BLOG = resolve(import.meta.dirname, "../fixtures/tech-blog");

async function typoFindings(post: string): Promise<string[]> {
  const run = await runCli(["check", `_posts/${post}`, "--format", "json", "--offline"], { cwd: BLOG });
  expect(run.stderr).toBe("");
  return parseJson(run.stdout)
    .files.flatMap((file) => file.findings)
    .filter((finding) => finding.category === "typo")
    .map((finding) => `${finding.line}:${finding.column} ${finding.rule}`);
}

describe("the tech blog's languages", () => {
  it("gives no French rule to an English post marked `language: en`", async () => {
    expect(await typoFindings("2025-01-06-lang-english-marked.md")).toEqual([]);
  });

  it("gives no French rule to an unmarked English post on a `lang: fr` site", async () => {
    expect(await typoFindings("2025-01-07-lang-english-unmarked.md")).toEqual([]);
  });

  it("skips English headings in a French post, not French ones", async () => {
    expect(await typoFindings("2025-01-08-lang-titres-anglais.md")).toEqual(["17:8 typo/nbsp-before-colon"]);
  });

  it("skips talk titles in a list, in a link, an emphasis or alone, not the French item", async () => {
    // 7:57 is the French lead-in « cet automne : » with an ordinary space.
    expect(await typoFindings("2025-01-09-lang-conferences.md")).toEqual([
      "7:57 typo/nbsp-before-colon",
      "12:21 typo/nbsp-before-colon",
    ]);
  });

  it("skips English quotations, keeping the guillemets around them French", async () => {
    expect(await typoFindings("2025-01-10-lang-citation.md")).toEqual([
      "7:14 typo/nbsp-inside-guillemets",
      "7:43 typo/nbsp-before-closing-guillemet",
      "9:26 typo/nbsp-before-colon",
      "15:14 typo/nbsp-before-colon",
      "15:21 typo/nbsp-before-exclamation",
    ]);
  });
});
