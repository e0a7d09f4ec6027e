import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, parseJson, readText, runCli, useTempDirs } from "../cli/temp-site.js";

useTempDirs();

/** The shared test blog: its posts `2025-03-1x-punct-…` reproduce what the punctuation rules met on a real blog. */
const BLOG = fileURLToPath(new URL("../fixtures/tech-blog/", import.meta.url));
const NAMES = "_posts/2025-03-10-punct-noms-et-versions.md";
const GLUED = "_posts/2025-03-11-punct-espaces-collees.md";
const APOSTROPHES = "_posts/2025-03-12-punct-apostrophes.md";
const GUILLEMETS = "_posts/2025-03-13-punct-guillemets.md";
const MINUS = "_posts/2025-03-14-punct-calculs.md";

async function review(post: string, options: string[] = []) {
  const run = await runCli(["check", "--format", "json", "--offline", ...options, post], { cwd: BLOG });
  expect(run.stderr).toBe("");
  const report = parseJson(run.stdout);
  return report.files.flatMap((file) => file.findings);
}

const ruleAndLine = (finding: { rule: string; line: number }) => `${finding.rule} ${finding.line}`;

describe("punctuation on the test blog, through the command line", () => {
  it("never splits a name, a domain, a version, a shortcode, a shebang or a mark quoted alone", async () => {
    const findings = await review(NAMES);
    // Only the straight quotes of the transcript's `"!"`: nothing on Vue.Js, gov.uk, v1.2, :tada:, #!, « ? », (!).
    expect(findings.map(ruleAndLine)).toEqual(["typo/straight-quotes 20"]);
  });

  it("reports a mark glued to the next word, with a fix that inserts a space", async () => {
    const findings = await review(GLUED);
    expect(findings.map(ruleAndLine)).toEqual([
      "typo/nbsp-before-exclamation 6",
      "typo/spaces 6",
      "typo/spaces 8",
      "typo/spaces 10",
    ]);
    const glued = findings.filter((finding) => finding.rule === "typo/spaces");
    expect(glued.map((finding) => finding.fix?.text)).toEqual(["! R", "? P", ": a"]);
  });

  it("reviews an apostrophe before code or a link like any other, and reports ‘ for ’", async () => {
    type Findings = Awaited<ReturnType<typeof review>>;
    const straightLines = (findings: Findings) =>
      findings
        .filter((finding) => finding.message.includes("Apostrophe droite"))
        .map((finding) => finding.line);
    const leftQuotes = (findings: Findings) =>
      findings
        .filter((finding) => finding.message.includes("‘"))
        .map((finding) => [finding.rule, finding.line, finding.column, finding.fix?.text]);
    // The blog's kramdown publishes `'` as `’`: no straight apostrophe is reported, l'énumération (line 6)
    // no more than l'`enum` (line 8) or d'[OpenData] (line 10); but `‘`, which kramdown keeps, is.
    const published = await review(APOSTROPHES);
    expect(straightLines(published)).toEqual([]);
    expect(leftQuotes(published)).toEqual([["typo/apostrophe", 12, 13, "’"]]);
    // A maintainer who wants `’` in the source: the three straight apostrophes, alike.
    const config = join(makeTempDir(), "relecteur.yml");
    writeFileSync(config, "typography:\n  apostrophe: typographic\n");
    const source = await review(APOSTROPHES, ["--config", config]);
    expect(straightLines(source)).toEqual([6, 8, 10]);
    expect(leftQuotes(source)).toEqual([["typo/apostrophe", 12, 13, "’"]]);
  });

  it("reports guillemets nested in guillemets, with a fix to “ ”", async () => {
    const findings = await review(GUILLEMETS);
    expect(findings.map(ruleAndLine)).toEqual([
      "typo/nbsp-inside-guillemets 6",
      "typo/nested-guillemets 6",
      "typo/nbsp-before-closing-guillemet 6",
    ]);
    expect(findings[1]?.fix?.text).toBe("“valider”");
  });

  it("takes no arithmetic minus for an incise dash, in the title or the text", async () => {
    const findings = await review(MINUS);
    expect(findings.map((finding) => `${ruleAndLine(finding)}:${finding.column}`)).toEqual([
      "typo/incise-dash 10:10",
      "typo/incise-dash 10:29",
    ]);
  });

  it("--fix inserts and replaces punctuation and spaces only, and settles in one run", async () => {
    const root = makeTempDir();
    for (const path of ["_config.yml", "_authors", GLUED, GUILLEMETS, NAMES, MINUS]) {
      cpSync(join(BLOG, path), join(root, path), { recursive: true });
    }
    const posts = [GLUED, GUILLEMETS, NAMES, MINUS];
    const before = posts.map((post) => readText(root, post));
    await runCli(["check", "--fix", "--offline", "--only", "typo", ...posts], { cwd: root });
    const after = posts.map((post) => readText(root, post));
    const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");
    expect(after.map(letters)).toEqual(before.map(letters));
    expect(after[0]).toContain("votre venue\u202f! Rendez-vous");
    expect(after[0]).toContain("mensuel&#8239;? Parce que");
    expect(after[0]).toContain("programme&nbsp;: accueil");
    expect(after[1]).toContain("«&nbsp;le bouton “valider” ne répond pas&nbsp;»");
    // Names and versions come out whole.
    expect(after[2]).toContain("Vue.Js et le back en Node.Js, avec Ember.Data");
    expect(after[2]).toContain("#! suivi");
    expect(after[3]).toContain("l’année N - 2 (année - 2)");
    expect(after[3]).toContain("L’équipe – quatre personnes – livre vite.");
    const again = await runCli(["check", "--format", "json", "--offline", "--only", "typo", ...posts], {
      cwd: root,
    });
    const remaining = parseJson(again.stdout).files.flatMap((file) => file.findings);
    expect(remaining.filter((finding) => finding.fix)).toEqual([]);
  });
});
