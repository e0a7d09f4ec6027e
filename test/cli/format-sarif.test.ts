import { describe, expect, it } from "vitest";
import { AUTHORS_STRING_POST, makeSite, runCli, UNKNOWN_AUTHOR_POST, useTempDirs } from "./temp-site.js";

useTempDirs();

const LIST = "_posts/2024-03-05-liste.md";
const UNKNOWN = "_posts/2024-03-06-inconnu.md";

interface SarifReplacement {
  deletedRegion: { charOffset: number; charLength: number };
  insertedContent: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  fixes?: { artifactChanges: { replacements: SarifReplacement[] }[] }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: SarifResult[] }[];
}

describe("--format sarif (SARIF 2.1.0, for GitHub code scanning)", () => {
  it("gives one result per finding, its rule described once, its place and level", async () => {
    const root = makeSite({ [LIST]: AUTHORS_STRING_POST, [UNKNOWN]: UNKNOWN_AUTHOR_POST });
    const run = await runCli(["check", "--format", "sarif", "--only", "frontmatter"], { cwd: root });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.version).toBe("2.1.0");
    const [sarifRun] = log.runs;
    expect(sarifRun?.tool.driver.name).toBe("Relecteur");
    const rules = sarifRun?.tool.driver.rules.map((rule) => rule.id);
    expect(rules?.sort()).toEqual(["frontmatter/authors-list", "frontmatter/unknown-author"]);
    const results = sarifRun?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      ["frontmatter/authors-list", "warning"],
      ["frontmatter/unknown-author", "error"],
    ]);
    for (const result of results) {
      expect(sarifRun?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
    expect(results[1]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: UNKNOWN, uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 18 },
    });
  });

  it("expresses a safe fix as a replacement that gives the fixed post", async () => {
    const root = makeSite({ [LIST]: AUTHORS_STRING_POST });
    const run = await runCli(["check", "--format", "sarif", "--only", "frontmatter"], { cwd: root });
    const log = JSON.parse(run.stdout) as SarifLog;
    const replacement = log.runs[0]?.results[0]?.fixes?.[0]?.artifactChanges[0]?.replacements[0];
    expect(replacement).toBeDefined();
    const { charOffset, charLength } = replacement?.deletedRegion ?? { charOffset: 0, charLength: 0 };
    const fixed =
      AUTHORS_STRING_POST.slice(0, charOffset) +
      replacement?.insertedContent.text +
      AUTHORS_STRING_POST.slice(charOffset + charLength);
    expect(fixed).toBe(AUTHORS_STRING_POST.replace("authors: jdupont", "authors: [jdupont]"));
  });

  it("is an empty run, not an empty output, when nothing is found", async () => {
    const root = makeSite({ [LIST]: AUTHORS_STRING_POST.replace("authors: jdupont", "authors: [jdupont]") });
    const run = await runCli(["check", "--format", "sarif", "--only", "frontmatter"], { cwd: root });
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.runs[0]?.results).toEqual([]);
  });
});
