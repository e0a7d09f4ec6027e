/** `npm run docs`: regenerates `docs/rules.md` from the rules' own documentation. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../src/cli/package-root.js";
import { renderRulesDoc } from "../src/report/render-rules-doc.js";
import { RULES } from "../src/review/registry.js";

const folder = join(packageRoot().path, "docs");
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "rules.md"), renderRulesDoc(RULES));
process.stdout.write(`${join(folder, "rules.md")}\n`);
