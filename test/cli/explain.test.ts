import { describe, expect, it } from "vitest";
import { RULES } from "../../src/review/registry.js";
import { runCli } from "./temp-site.js";

describe("relecteur explain", () => {
  it("prints a rule's title, default level, rationale, examples and how to set it", async () => {
    const run = await runCli(["explain", "typo/nbsp-before-colon"], { cwd: "." });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const rule = RULES.find((candidate) => candidate.id === "typo/nbsp-before-colon");
    expect(run.stdout.split("\n")[0]).toBe(`typo/nbsp-before-colon — ${rule?.docs.title}`);
    expect(run.stdout).toContain(rule?.docs.rationale);
    expect(run.stdout).toContain("    Le constat: il faut agir.");
    expect(run.stdout).toContain("  → ligne 1, colonne 10\u00a0: ");
    expect(run.stdout).toContain("Corrigé\u00a0:\n    Le constat␣: il faut agir.");
    expect(run.stdout).toContain('rules: { "typo/nbsp-before-colon": off | info | warning | error }');
  });

  it("finds a rule by its name alone when only one rule has it", async () => {
    const run = await runCli(["explain", "authors-list"], { cwd: "." });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("frontmatter/authors-list — ")).toBe(true);
  });

  it("refuses an unknown rule with the closest id, exit 2", async () => {
    const run = await runCli(["explain", "typo/nbsp-before-colonn"], { cwd: "." });
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toBe(
      "relecteur: règle inconnue «\u00a0typo/nbsp-before-colonn\u00a0» (voulez-vous dire «\u00a0typo/nbsp-before-colon\u00a0»\u202f?)\n",
    );
  });

  it("asks for exactly one rule", async () => {
    expect((await runCli(["explain"], { cwd: "." })).status).toBe(2);
    expect((await runCli(["explain", "a", "b"], { cwd: "." })).status).toBe(2);
  });

  it("explains every rule without failing", async () => {
    for (const rule of RULES) {
      const run = await runCli(["explain", rule.id], { cwd: "." });
      expect(run.status, rule.id).toBe(0);
      expect(run.stdout, rule.id).toContain(rule.docs.title);
    }
  });
});
