import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../src/config/json-schema.js";
import { RULE_IDS } from "../src/review/registry.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** Dotted paths of every leaf key of the config schema (`typography.nbsp`, `posts`…). */
function schemaKeys(schema: Record<string, unknown>, prefix = ""): string[] {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!properties || prefix === "rules.") return prefix ? [prefix.slice(0, -1)] : [];
  return Object.entries(properties).flatMap(([key, child]) => {
    const isObject = child.type === "object" && child.properties !== undefined && key !== "rules";
    return isObject ? schemaKeys(child, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

describe("README", () => {
  it("documents every configuration key of the schema", () => {
    const missing = schemaKeys(configJsonSchema()).filter((key) => !readme.includes(`| \`${key}\` |`));
    expect(missing).toEqual([]);
  });

  it("lists every rule", () => {
    const missing = [...RULE_IDS, "markdown/unreadable-file"].filter(
      (id) => !readme.includes(`| \`${id}\` |`),
    );
    expect(missing).toEqual([]);
  });

  it("gives the two set-up commands", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });
});
