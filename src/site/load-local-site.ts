import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Folders that are never part of a site's sources. */
const IGNORED_FOLDERS = new Set([
  ".git",
  "node_modules",
  "_site",
  ".jekyll-cache",
  ".sass-cache",
  "vendor",
  ".bundle",
]);

/** Walks up from `start` to the folder holding `_config.yml`; undefined when there is none. */
export function findSiteRoot(start: string): string | undefined {
  let current = resolve(start);
  if (existsSync(current) && !statSync(current).isDirectory()) current = dirname(current);
  for (;;) {
    if (existsSync(join(current, "_config.yml"))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Every file under `root`, relative and `/`-separated, for the site model. */
export function listSiteFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is not part of what we can review.
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) walk(join(folder, entry.name));
      } else if (entry.isFile()) {
        files.push(relative(root, join(folder, entry.name)).split(sep).join("/"));
      }
    }
  };
  walk(root);
  return files.sort();
}

export function readSiteConfigText(root: string): string | undefined {
  const path = join(root, "_config.yml");
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
