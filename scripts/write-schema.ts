/** `npm run schema`: regenerates `schema/relecteur.schema.json` from the zod schema, for editors. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../src/cli/package-root.js";
import { configJsonSchema } from "../src/config/json-schema.js";

const target = join(packageRoot().path, "schema", "relecteur.schema.json");
mkdirSync(join(packageRoot().path, "schema"), { recursive: true });
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`${target}\n`);
