import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runRuleExample } from "../src/review/examples.js";
import { RULES } from "../src/review/registry.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The rule ids of the README's list item that starts with `start` (it may span several lines). */
function listedRules(start: string): string[] {
  const from = readme.indexOf(start);
  expect(from, `README has a list item starting « ${start} »`).toBeGreaterThan(-1);
  const item = readme.slice(from).split(/\n(?=- |\n)/)[0] ?? "";
  return [...item.matchAll(/`([a-z]+\/[a-z0-9-]+)`/g)].map((match) => match[1] as string).sort();
}

/** The rules whose documented wrong examples produce corrections of that kind, as the engine stamps them. */
function rulesMaking(kind: "fix" | "suggestion"): string[] {
  return RULES.filter((rule) =>
    rule.docs.wrong.some((example) =>
      runRuleExample(rule, example).findings.some((finding) => finding[kind]),
    ),
  )
    .map((rule) => rule.id)
    .sort();
}

describe("README, Fixes and suggestions", () => {
  it("lists exactly the rules whose fixes `--fix` applies", () => {
    expect(listedRules("- `--fix` applies the fixes of")).toEqual(rulesMaking("fix"));
  });

  it("lists exactly the rules whose suggestions need `--fix=all`", () => {
    expect(listedRules("- `--fix=all` also applies the suggestions of")).toEqual(rulesMaking("suggestion"));
  });
});
