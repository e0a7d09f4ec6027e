import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of Relecteur's own package.json, found by walking up from this module: the code runs from
 * `src/` under the tests and from `dist/src/` once built.
 */
export function packageRoot(): { path: string; version: string } {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, "package.json");
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "relecteur") return { path: folder, version: manifest.version ?? "0.0.0" };
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("package.json de relecteur introuvable");
    folder = parent;
  }
}
