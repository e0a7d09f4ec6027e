import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { inferSiteFacts } from "../config/infer-config.js";
import { parseConfig } from "../config/parse-config.js";
import { renderInitialConfig } from "../config/render-initial-config.js";
import { configSchema } from "../config/schema.js";
import { RULE_IDS } from "../review/registry.js";
import { findSiteRoot, listSiteFiles, readSiteConfigText } from "../site/load-local-site.js";
import { buildSite } from "../site/site.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

const CONFIG_PATH = ".github/relecteur.yml";
/** Enough posts to see a site's habits; reading every post of a large blog would only slow init down. */
const SAMPLE_SIZE = 500;

/** `relecteur init [--site DIR]`: writes `.github/relecteur.yml` from what the site shows; never overwrites. */
export function runInit(args: readonly string[], io: CliIo): number {
  let site: string | undefined;
  try {
    site = parseArgs({ args: [...args], options: { site: { type: "string" }, debug: { type: "boolean" } } })
      .values.site;
  } catch (error) {
    throw new UsageError(
      `init\u00a0: ${(error as Error).message} (usage\u00a0: relecteur init [--site DIR])`,
    );
  }
  const root = site ? resolve(io.cwd, site) : (findSiteRoot(io.cwd) ?? io.cwd);
  const target = join(root, CONFIG_PATH);
  if (existsSync(target)) {
    throw new UsageError(`${target} existe déjà\u00a0: relecteur init ne remplace pas une configuration`);
  }
  const files = listSiteFiles(root);
  const configText = readSiteConfigText(root);
  const defaults = configSchema.parse({});
  const { site: model } = buildSite({ files, configText, postGlobs: defaults.posts });
  const posts = new Map<string, string>();
  for (const path of model.posts.slice(-SAMPLE_SIZE)) {
    try {
      posts.set(path, readFileSync(join(root, path), "utf8"));
    } catch {
      // An unreadable post says nothing of the site's habits.
    }
  }
  const text = renderInitialConfig(inferSiteFacts({ files, configText, posts }));
  const checked = parseConfig(text, RULE_IDS);
  if (!checked.ok) {
    // Never write a file that Relecteur itself would refuse.
    throw new Error(
      `configuration produite invalide\u00a0: ${checked.problems.map((problem) => problem.message).join("\u202f; ")}`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: "wx" });
  io.stdout(
    `${target} écrit d’après ${posts.size} articles${configText === undefined ? " (pas de _config.yml)" : ""}.\n`,
  );
  return 0;
}
