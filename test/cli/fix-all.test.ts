import { describe, expect, it } from "vitest";
import { makeSite, parseJson, readText, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const POST = "_posts/2024-03-05-bilan.md";
/** Two fixes (ordinary spaces before `:` and `!`) and two suggestions (« Ecole », « Ca »). */
const ORIGINAL = "---\ntitle: Bilan\n---\n\nUne Ecole : un bilan.\n\nCa marche !\n";
const FIXED = "---\ntitle: Bilan\n---\n\nUne Ecole\u00a0: un bilan.\n\nCa marche\u202f!\n";
const ALL_FIXED = "---\ntitle: Bilan\n---\n\nUne École\u00a0: un bilan.\n\nÇa marche\u202f!\n";

describe("--fix and --fix=all on files", () => {
  it("--fix applies the fixes only and reports the suggestions that remain", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--fix", "--format", "json", "--only", "typo"], { cwd: root });
    expect(readText(root, POST)).toBe(FIXED);
    expect(
      parseJson(run.stdout).files[0]?.findings.map((finding) => [finding.rule, finding.suggestion?.text]),
    ).toEqual([
      ["typo/accented-capitals", "École"],
      ["typo/accented-capitals", "Ça"],
    ]);
  });

  it("--fix=all applies the suggestions too, and a second run changes nothing", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const first = await runCli(["check", "--fix=all", "--only", "typo"], { cwd: root });
    expect(readText(root, POST)).toBe(ALL_FIXED);
    expect(first.status).toBe(0);
    const second = await runCli(["check", "--fix=all", "--only", "typo"], { cwd: root });
    expect(readText(root, POST)).toBe(ALL_FIXED);
    expect(second).toEqual(first);
  });

  it("--fix=all after --fix finishes the work", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    await runCli(["check", "--fix", "--only", "typo"], { cwd: root });
    await runCli(["check", "--only", "typo", "--fix=all"], { cwd: root });
    expect(readText(root, POST)).toBe(ALL_FIXED);
  });

  it("reads a path named --fix=all after -- as a path", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--fix", "--", "--fix=all"], { cwd: root });
    expect(run).toMatchObject({ status: 2, stderr: "--fix=all: chemin introuvable\n" });
  });
});

describe("--stdin with --fix and --fix=all", () => {
  it("--fix prints the post with its fixes, --fix=all with its suggestions too", async () => {
    const root = makeSite();
    const options = { cwd: root, stdin: ORIGINAL };
    expect(await runCli(["check", "--stdin", "--fix", "--only", "typo"], options)).toEqual({
      status: 0,
      stdout: FIXED,
      stderr: "",
    });
    expect(await runCli(["check", "--stdin", "--fix=all", "--only", "typo"], options)).toEqual({
      status: 0,
      stdout: ALL_FIXED,
      stderr: "",
    });
    const again = await runCli(["check", "--stdin", "--fix=all", "--only", "typo"], {
      cwd: root,
      stdin: ALL_FIXED,
    });
    expect(again.stdout).toBe(ALL_FIXED);
  });
});

describe("--format json", () => {
  it("gives a fix as `fix` and a letter fix as `suggestion`, in the same shape, nothing else changed", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--format", "json", "--only", "typo"], { cwd: root });
    const report = parseJson(run.stdout);
    expect(report.version).toBe(1);
    expect(report.files[0]?.findings).toEqual([
      {
        rule: "typo/accented-capitals",
        category: "typo",
        severity: "warning",
        message: "«\u00a0Ecole\u00a0»\u00a0: la majuscule garde son accent, «\u00a0École\u00a0»",
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 10,
        suggestion: { text: "École" },
      },
      expect.objectContaining({
        rule: "typo/nbsp-before-colon",
        line: 5,
        column: 10,
        fix: { text: "\u00a0:" },
      }),
      expect.objectContaining({
        rule: "typo/accented-capitals",
        line: 7,
        column: 1,
        suggestion: { text: "Ça" },
      }),
      expect.objectContaining({ rule: "typo/nbsp-before-exclamation", line: 7, fix: expect.any(Object) }),
    ]);
    for (const finding of report.files[0]?.findings ?? []) {
      expect(finding.fix === undefined || finding.suggestion === undefined).toBe(true);
    }
  });
});

describe("--format sarif", () => {
  it("proposes a suggestion as a SARIF fix too, whose description says it changes letters", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--format", "sarif", "--only", "typo"], { cwd: root });
    const log = JSON.parse(run.stdout) as {
      runs: { results: { ruleId: string; fixes?: { description: { text: string } }[] }[] }[];
    };
    const [accent] =
      log.runs[0]?.results.filter((result) => result.ruleId === "typo/accented-capitals") ?? [];
    expect(accent?.fixes?.map((fix) => fix.description.text)).toEqual([
      "«\u00a0Ecole\u00a0»\u00a0: la majuscule garde son accent, «\u00a0École\u00a0» (suggestion\u00a0: à relire, elle change des lettres)",
    ]);
  });
});
