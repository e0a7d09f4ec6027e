import { describe, expect, it } from "vitest";
import { makeSite, parseJson, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const POST = "_posts/2024-03-05-trois.md";
/** An error (unknown author, line 3), a warning (line 6) and an info (line 8). */
const THREE_LEVELS =
  "---\ntitle: Trois\nauthors: [jdupond]\n---\n\nUn texte : le voici.\n\nRendez-vous à 14h30 précises.\n";

const rulesOf = (stdout: string) =>
  parseJson(stdout).files.flatMap((file) => file.findings.map((f) => f.rule));

describe("--severity", () => {
  it.each([
    ["info", ["frontmatter/unknown-author", "typo/nbsp-before-colon", "typo/hours"]],
    ["warning", ["frontmatter/unknown-author", "typo/nbsp-before-colon"]],
    ["error", ["frontmatter/unknown-author"]],
  ])("%s shows that level and the more severe ones", async (level, rules) => {
    const run = await runCli(["check", "--format", "json", "--severity", level], {
      cwd: makeSite({ [POST]: THREE_LEVELS }),
    });
    expect(rulesOf(run.stdout)).toEqual(rules);
    expect(run.status).toBe(1);
  });

  it("hides in every format, counts included", async () => {
    const root = makeSite({ [POST]: THREE_LEVELS });
    const text = await runCli(["check", "--severity", "warning"], { cwd: root });
    expect(text.stdout).not.toContain("typo/hours");
    expect(text.stdout).toContain("1 erreur, 1 avertissement, 0 info dans 1 fichier\n");
    const github = await runCli(["check", "--format", "github", "--severity", "error"], { cwd: root });
    expect(github.stdout.trim().split("\n")).toHaveLength(1);
    expect(github.stdout).toMatch(/^::error /);
    const sarif = await runCli(["check", "--format", "sarif", "--severity", "error"], { cwd: root });
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string }[];
    expect(results.map((result) => result.ruleId)).toEqual(["frontmatter/unknown-author"]);
  });

  it("refuses an unknown level", async () => {
    const run = await runCli(["check", "--severity", "grave"], { cwd: makeSite() });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "relecteur: --severity grave\u00a0: niveaux possibles\u00a0: error, warning, info\n",
    });
  });
});

describe("the progress line", () => {
  const site = (posts: number) =>
    makeSite(
      Object.fromEntries(
        Array.from({ length: posts }, (_, index) => [
          `_posts/2024-01-${String((index % 28) + 1).padStart(2, "0")}-article-${index}.md`,
          "---\ntitle: Un article\nauthors: [jdupont]\n---\n\nUn texte.\n",
        ]),
      ),
    );

  it("counts the posts on a terminal's standard error for a site of more than 50 posts, then clears itself", async () => {
    const run = await runCli(["check", "--format", "json"], { cwd: site(51), stderrTerminal: true });
    const updates = run.stderr.split("\r").filter(Boolean);
    expect(updates[0]).toBe("0/51 articles");
    expect(updates).toContain("27/51 articles");
    expect(updates.at(-2)).toBe("51/51 articles");
    expect(updates.at(-1)).toBe("\u001b[K");
    expect(parseJson(run.stdout).summary.files).toBe(51);
  });

  it("stays silent off a terminal, and for 50 posts or fewer", async () => {
    const root = site(51);
    expect((await runCli(["check"], { cwd: root })).stderr).toBe("");
    expect((await runCli(["check"], { cwd: site(50), stderrTerminal: true })).stderr).toBe("");
  });
});
