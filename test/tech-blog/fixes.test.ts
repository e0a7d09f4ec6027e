import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { anchorIds, frontMatterState, lettersOnly, untouchable } from "../../scripts/fix-invariants.js";
import { makeTempDir, parseJson, runCli, useTempDirs } from "../cli/temp-site.js";

/**
 * `--fix` and `--fix=all` on a copy of the whole shared test blog: no post is damaged. The posts
 * `2025-02-1x-fixes-…` hold what a real blog's `--fix` once damaged: an English « A » opening a sentence,
 * `Vue.Js`, « Community Edition », « sur Mars », headings linked from a table of contents.
 */
const BLOG = resolve(import.meta.dirname, "../fixtures/tech-blog");

useTempDirs();

type Posts = Map<string, string>;

function readPosts(root: string): Posts {
  const folder = join(root, "_posts");
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), "utf8")]));
}

/** Runs `relecteur check` with `option` on a fresh copy of the blog; the posts before and after. */
async function fixCopy(option: string): Promise<{ root: string; before: Posts; after: Posts }> {
  const root = makeTempDir();
  cpSync(BLOG, root, { recursive: true });
  const before = readPosts(root);
  const run = await runCli(["check", option, "--offline"], { cwd: root });
  expect(run.stderr).toBe("");
  return { root, before, after: readPosts(root) };
}

/** What must hold of every post, by the promise each option makes. */
function damage(before: string, after: string, option: "--fix" | "--fix=all"): string[] {
  const problems: string[] = [];
  if (option === "--fix" && lettersOnly(after) !== lettersOnly(before)) problems.push("a letter changed");
  const kept = (text: string) =>
    untouchable(text).filter((item) => option === "--fix" || !item.startsWith("url:"));
  if (JSON.stringify(kept(after)) !== JSON.stringify(kept(before)))
    problems.push("code, a link or Liquid changed");
  if (JSON.stringify(anchorIds(after)) !== JSON.stringify(anchorIds(before)))
    problems.push("a heading id changed");
  if (frontMatterState(after) !== frontMatterState(before)) problems.push("the front matter changed");
  return problems;
}

for (const option of ["--fix", "--fix=all"] as const) {
  describe(`${option} on the tech blog`, () => {
    it("damages no post, changes something, and a second run changes nothing", async () => {
      const { root, before, after } = await fixCopy(option);
      const damaged = [...after].flatMap(([name, text]) =>
        damage(before.get(name) as string, text, option).map((problem) => `${name}: ${problem}`),
      );
      expect(damaged).toEqual([]);
      expect([...after].filter(([name, text]) => text !== before.get(name)).length).toBeGreaterThan(0);
      await runCli(["check", option, "--offline"], { cwd: root });
      expect(readPosts(root)).toEqual(after);
    });

    it("leaves the table of contents leading to its headings", async () => {
      const { root } = await fixCopy(option);
      const run = await runCli(
        ["check", "_posts/2025-02-13-fixes-table-of-contents.md", "--format", "json", "--offline"],
        { cwd: root },
      );
      const findings = parseJson(run.stdout).files.flatMap((file) => file.findings);
      expect(findings.filter((finding) => finding.rule === "links/missing-anchor")).toEqual([]);
      const text = readFileSync(join(root, "_posts/2025-02-13-fixes-table-of-contents.md"), "utf8");
      expect(text).toContain("\n## Pourquoi ?\n");
      expect(text).toMatch(/\n## L['’]Etat en 2025\n/);
    });
  });
}

describe("--fix=all on the tech blog's names and proper nouns", () => {
  it("keeps names, English sentences and the planet, and corrects the French words around them", async () => {
    const { after } = await fixCopy("--fix=all");
    const english = after.get("2025-02-10-fixes-english-sentences.md") as string;
    expect(english).toContain("A new tool for the team. A short");
    expect(english).toMatch(/«\s?A great day\.\s?»/u);
    expect(english).toContain("À partir de lundi");
    expect(english).toContain("À noter");
    const names = after.get("2025-02-11-fixes-product-names.md") as string;
    for (const name of ["Vue.Js", "Node.js", "ASP.NET", "docs.gov.uk", "www.Education.gouv.fr"]) {
      expect(names).toContain(name);
    }
    expect(names).toContain("GitLab\nCommunity Edition");
    expect(names).toContain("GitLab Enterprise Edition");
    expect(names).toMatch(/d['’]État et l['’]Éducation nationale/);
    const mars = after.get("2025-02-12-fixes-mars.md") as string;
    for (const kept of ["mission Mars 2020", "roule sur Mars", "La planète Mars"])
      expect(mars).toContain(kept);
    for (const fixed of ["le 3 mars", "en mars 2026", "Ça marche"]) expect(mars).toContain(fixed);
  });
});
