import { posix } from "node:path";

/**
 * The files of a site as the renderer sees them: read-only, by path from the site's root (`/`-separated, no
 * leading slash). The command line reads them from a folder; the app reads them from a commit through the
 * GitHub API. The renderer never touches the disk itself.
 */
export interface SiteFileSource {
  /** The file's bytes, or undefined when there is no such file. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Every file under `folder` (recursively; `""` for the whole site), as paths from the site's root. */
  list(folder: string): Promise<string[]>;
}

/**
 * A path from the site's root with `.` and `..` resolved; undefined when it leaves the site, so that a
 * template cannot read `../../etc/passwd` from any source.
 */
export function sitePath(path: string): string | undefined {
  const normalized = posix.normalize(`/${path.replace(/\\/g, "/")}`);
  if (normalized.includes("\0")) return undefined;
  const inside = normalized.replace(/^\/+/, "");
  return inside === "" || inside === "." ? undefined : inside.replace(/\/+$/, "");
}

/** Files held in memory (tests, and the app once it has read a commit's files). */
export function memoryFileSource(files: ReadonlyMap<string, Uint8Array | string>): SiteFileSource {
  const bytes = new Map<string, Uint8Array>();
  for (const [path, content] of files) {
    const key = sitePath(path);
    if (key !== undefined) bytes.set(key, typeof content === "string" ? Buffer.from(content) : content);
  }
  return {
    readFile: async (path) => {
      const key = sitePath(path);
      return key === undefined ? undefined : bytes.get(key);
    },
    list: async (folder) => filesUnder([...bytes.keys()], folder),
  };
}

/**
 * The site's files over a theme's (jekyll-remote-theme, or a gem theme): a file of the site hides the
 * theme's file of the same path, as Jekyll's site folders win over the theme's.
 */
export function layeredFileSource(site: SiteFileSource, theme: SiteFileSource | undefined): SiteFileSource {
  if (theme === undefined) return site;
  return {
    readFile: async (path) => (await site.readFile(path)) ?? theme.readFile(path),
    list: async (folder) =>
      [...new Set([...(await site.list(folder)), ...(await theme.list(folder))])].sort(),
  };
}

/** The paths of `all` that lie under `folder` (`""`: all of them), sorted. */
export function filesUnder(all: readonly string[], folder: string): string[] {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  if (prefix === "") return [...all].sort();
  return all.filter((path) => path.startsWith(`${prefix}/`)).sort();
}

const decoder = new TextDecoder("utf-8");

/** A file's text (UTF-8, byte order mark dropped), or undefined when absent. */
export async function readText(source: SiteFileSource, path: string): Promise<string | undefined> {
  const bytes = await source.readFile(path);
  if (bytes === undefined) return undefined;
  return decoder.decode(bytes).replace(/^\uFEFF/, "");
}
