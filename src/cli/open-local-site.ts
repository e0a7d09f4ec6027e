import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfigFile } from "../config/load-config-file.js";
import type { Config } from "../config/schema.js";
import { LazySiteTexts } from "../site/lazy-texts.js";
import { findSiteRoot, listSiteFiles, readSiteConfigText } from "../site/load-local-site.js";
import { buildSite, type Site } from "../site/site.js";
import { UsageError } from "./usage-error.js";

export interface LocalSite {
  root: string;
  config: Config;
  site: Site;
  /** Non-fatal problems to print (a broken `_config.yml`). */
  warnings: string[];
}

export interface LocalSiteRequest {
  cwd: string;
  /** `--site DIR`. */
  siteDir?: string;
  /** `--config FILE`. */
  configPath?: string;
  /** Where to start looking for `_config.yml` (the first path argument). */
  startPath?: string;
}

/**
 * The site root (`--site`, else the folder holding `_config.yml` above the first path, else the current
 * folder with no site), its config and its model. Config problems come back as messages for exit 2.
 */
export function openLocalSite(
  request: LocalSiteRequest,
): { ok: true; local: LocalSite } | { ok: false; messages: string[] } {
  const root = findRoot(request);
  const loaded = loadConfigFile(request.configPath && resolve(request.cwd, request.configPath), root.path);
  if (!loaded.ok) return { ok: false, messages: loaded.messages };
  const files = root.hasConfig ? listSiteFiles(root.path) : [];
  const { site, problems } = buildSite({
    files,
    configText: root.hasConfig ? readSiteConfigText(root.path) : undefined,
    postGlobs: loaded.config.posts,
    texts: new LazySiteTexts(root.path, files),
  });
  const warnings = problems.map(
    (problem) => `${resolve(root.path, "_config.yml")}:${problem.line}:${problem.column}: ${problem.message}`,
  );
  return { ok: true, local: { root: root.path, config: loaded.config, site, warnings } };
}

function findRoot(request: LocalSiteRequest): { path: string; hasConfig: boolean } {
  if (request.siteDir) {
    const path = resolve(request.cwd, request.siteDir);
    if (!existsSync(path) || !statSync(path).isDirectory()) {
      throw new UsageError(`--site ${request.siteDir}\u00a0: dossier introuvable`);
    }
    return { path, hasConfig: existsSync(resolve(path, "_config.yml")) };
  }
  const start = request.startPath ? resolve(request.cwd, request.startPath) : request.cwd;
  const found = findSiteRoot(existsSync(start) ? start : request.cwd);
  return found ? { path: found, hasConfig: true } : { path: request.cwd, hasConfig: false };
}
