import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRulesDoc } from "../../src/report/render-rules-doc.js";
import { RULES } from "../../src/review/registry.js";
import type { Rule } from "../../src/review/types.js";

describe("docs/rules.md", () => {
  it("is the page rendered from the rules' docs (run `npm run docs` after changing a rule)", () => {
    const committed = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    expect(committed).toBe(renderRulesDoc(RULES));
  });

  it("shows a rule's examples, its findings, its fix and invisible spaces", () => {
    const rule: Rule = {
      id: "typo/exemple",
      category: "typo",
      severity: "warning",
      docs: {
        title: "Un exemple",
        rationale: "Parce que.",
        wrong: [
          {
            source: "Un ``code`` :\n",
            findings: [{ message: "Espace ordinaire", line: 1, column: 12 }],
            fixed: "Un ``code``\u00a0:\n",
          },
        ],
        right: [{ source: "Bien\u202f!\n", config: { typography: { nbsp: "narrow" } } }],
      },
      check: () => undefined,
    };
    const page = renderRulesDoc([rule]);
    expect(page).toContain("## Typographie française");
    expect(page).toContain("### `typo/exemple` — Un exemple");
    expect(page).toContain("Niveau par défaut\u00a0: avertissement.");
    expect(page).toContain("```markdown\nUn ``code`` :\n```");
    expect(page).toContain("- ligne 1, colonne 12\u00a0: Espace ordinaire");
    expect(page).toContain("Un ``code``␣:");
    expect(page).toContain("Bien⍽!");
    expect(page).toContain('*configuration\u00a0: `{"typography":{"nbsp":"narrow"}}`*');
  });
});
