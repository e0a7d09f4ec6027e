import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { RULE_IDS } from "../review/registry.js";
import { MAX_CONFIG_BYTES, sizeProblem } from "./config-limits.js";
import { parseConfig } from "./parse-config.js";
import { type Config, DEFAULT_CONFIG } from "./schema.js";

export const CONFIG_PATH = ".github/relecteur.yml";

export type LoadedConfig = { ok: true; config: Config; path?: string } | { ok: false; messages: string[] };

/**
 * Reads `--config FILE`, else `<root>/.github/relecteur.yml`, else the defaults. Problems come back as
 * one-line messages `file:line:column: reason`, never as exceptions.
 */
export function loadConfigFile(explicitPath: string | undefined, siteRoot: string): LoadedConfig {
  const path = explicitPath ?? join(siteRoot, CONFIG_PATH);
  if (!explicitPath && !existsSync(path)) return { ok: true, config: DEFAULT_CONFIG };
  let text: string;
  try {
    // A file too big is read no further than the limit, to say on which line it crosses it.
    const bytes = statSync(path).size;
    const oversize = bytes > MAX_CONFIG_BYTES ? sizeProblem(readStart(path), bytes) : undefined;
    if (oversize)
      return { ok: false, messages: [`${path}:${oversize.line}:${oversize.column}: ${oversize.message}`] };
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "fichier introuvable" : "fichier illisible";
    return { ok: false, messages: [`${path}: ${reason} (${(error as Error).message.split(":")[0]})`] };
  }
  const result = parseConfig(text, RULE_IDS);
  if (result.ok) return { ok: true, config: result.config, path };
  return {
    ok: false,
    messages: result.problems.map(
      (problem) => `${path}:${problem.line}:${problem.column}: ${problem.message}`,
    ),
  };
}

function readStart(path: string): string {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(descriptor);
  }
}
