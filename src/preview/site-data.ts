import { posix } from "node:path";
import { parse as parseYaml } from "yaml";
import { readText, type SiteFileSource } from "./file-source.js";

/**
 * `site.data`: the files of `_data/` (YAML, JSON, CSV, TSV), nested by folder (`_data/menu/fr.yml` →
 * `site.data.menu.fr`). A file that does not parse is left out and named in the banner.
 */
export async function readSiteData(
  source: SiteFileSource,
  files: readonly string[],
  dataDir: string,
  onError: (message: string) => void,
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  const paths = files.filter(
    (path) => path.startsWith(`${dataDir}/`) && /\.(?:ya?ml|json|csv|tsv)$/i.test(path),
  );
  for (const path of paths) {
    const text = await readText(source, path);
    if (text === undefined) continue;
    let value: unknown;
    try {
      value = parseDataFile(path, text);
    } catch (error) {
      onError(
        `${path} illisible\u00a0: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`,
      );
      continue;
    }
    const keys = path
      .slice(dataDir.length + 1)
      .replace(/\.[^.]+$/, "")
      .split("/");
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === null || typeof next !== "object" || Array.isArray(next)) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1) as string] = value;
  }
  return data;
}

function parseDataFile(path: string, text: string): unknown {
  const ext = posix.extname(path).toLowerCase();
  if (ext === ".json") return JSON.parse(text);
  if (ext === ".csv" || ext === ".tsv") return parseTable(text, ext === ".csv" ? "," : "\t");
  return parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
}

/** Rows as objects keyed by the header row, as Jekyll's CSV reader (headers: true) gives them. */
function parseTable(text: string, separator: string): Record<string, string>[] {
  const rows = readRows(text, separator);
  const [header = [], ...rest] = rows;
  return rest
    .filter((row) => row.some((cell) => cell !== ""))
    .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

function readRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
