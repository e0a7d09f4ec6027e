import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { RULE_IDS } from "../../src/review/registry.js";

describe("schema/relecteur.schema.json", () => {
  it("is the schema generated from the zod config (run `npm run schema` after changing either)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../schema/relecteur.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(configJsonSchema());
  });

  it("lists every rule id under `rules` and refuses others", () => {
    const rules = (
      configJsonSchema().properties as Record<string, { properties: object; additionalProperties: unknown }>
    ).rules;
    expect(Object.keys(rules?.properties ?? {})).toEqual([...RULE_IDS]);
    expect(rules?.additionalProperties).toBe(false);
  });
});
