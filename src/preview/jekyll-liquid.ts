import { posix } from "node:path";
import { type FS, Liquid } from "liquidjs";
import { readText, type SiteFileSource, sitePath } from "./file-source.js";
import { type FilterSite, registerJekyllFilters } from "./jekyll-filters.js";
import { registerJekyllTags, type TagSite } from "./jekyll-tags.js";

/**
 * Bounds on what an untrusted template may cost: liquidjs stops a render past `renderLimit` milliseconds,
 * a parse past `parseLimit` characters and a render that builds more than `memoryLimit` (its count of
 * string lengths and array sizes).
 */
export const LIQUID_LIMITS = {
  renderLimit: 5_000,
  parseLimit: 5_000_000,
  memoryLimit: 64_000_000,
} as const;

/**
 * A liquidjs engine set up as Jekyll's Liquid: includes from `_includes/` with Jekyll's
 * `{% include file.html key=value %}` (read through the file source, never the disk), Jekyll's filters
 * and tags, Ruby's truthiness, and the limits above.
 */
export function createJekyllLiquid(site: FilterSite & TagSite & { includesDir: string }): Liquid {
  const liquid = new Liquid({
    fs: fileSourceFs(site.source),
    root: [""],
    partials: [site.includesDir],
    layouts: ["_layouts"],
    extname: "",
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    relativeReference: false,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
    cache: true,
    timezoneOffset: site.zone,
    greedy: false,
    ...LIQUID_LIMITS,
  });
  registerJekyllFilters(liquid, site);
  registerJekyllTags(liquid, site);
  return liquid;
}

/** liquidjs's file system interface over a site's files (asynchronous only: previews render async). */
function fileSourceFs(source: SiteFileSource): FS {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (path: string) => {
    const inside = sitePath(path);
    if (inside === undefined) return Promise.resolve(undefined);
    let text = texts.get(inside);
    if (!text) {
      text = readText(source, inside);
      texts.set(inside, text);
    }
    return text;
  };
  const notSync = () => {
    throw new Error("lecture synchrone non prise en charge");
  };
  return {
    exists: async (path) => (await read(path)) !== undefined,
    existsSync: () => false,
    readFile: async (path) => {
      const text = await read(path);
      if (text === undefined) throw new Error(`fichier introuvable\u00a0: ${path}`);
      return text;
    },
    readFileSync: notSync,
    resolve: (dir, file) => posix.join(dir, file),
    contains: async (root, file) => {
      const inside = sitePath(file);
      return inside !== undefined && (root === "" || inside.startsWith(`${root.replace(/\/+$/, "")}/`));
    },
    containsSync: (root, file) => {
      const inside = sitePath(file);
      return inside !== undefined && (root === "" || inside.startsWith(`${root.replace(/\/+$/, "")}/`));
    },
    dirname: posix.dirname,
    sep: "/",
  };
}
