import * as z from "zod";
import { RULE_IDS } from "../review/registry.js";
import { configSchema } from "./schema.js";

/**
 * The JSON Schema of `.github/relecteur.yml`, generated from the one zod schema (input side: every key
 * optional), with the rule ids listed under `rules` so that editors complete them.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }) as {
    properties: Record<string, Record<string, unknown>>;
  };
  const rules = schema.properties.rules;
  if (rules) {
    const level = rules.additionalProperties;
    rules.properties = Object.fromEntries(RULE_IDS.map((id) => [id, level]));
    rules.additionalProperties = false;
    delete rules.propertyNames;
  }
  return { title: "Configuration de Relecteur (.github/relecteur.yml)", ...schema };
}
