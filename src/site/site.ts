import picomatch from "picomatch";
import {
  DEFAULT_JEKYLL_CONFIG,
  type JekyllConfig,
  type JekyllConfigProblem,
  parseJekyllConfig,
} from "./jekyll-config.js";
import { LazySiteTexts } from "./lazy-texts.js";

/**
 * The Jekyll site model, built from a file listing (a local folder or a git tree from GitHub alike)
 * and the text of `_config.yml`. Pure: the caller lists and reads.
 */
export interface Site {
  /** True when a `_config.yml` was found: rules that need the site stay silent otherwise. */
  hasConfig: boolean;
  jekyll: JekyllConfig;
  /** Every file of the site, relative to its root, `/`-separated. */
  files: ReadonlySet<string>;
  /** The files that the `posts` globs select. */
  posts: readonly string[];
  isPost(path: string): boolean;
  /** Ids of the documents of a collection folder (`_authors` → `{"jdupont", …}`). */
  documentIds(folder: string): ReadonlySet<string>;
  /** Text of the site's Markdown and HTML files that the caller read (path → content); may be partial or empty. */
  texts: ReadonlyMap<string, string>;
}

export interface SiteInput {
  files: readonly string[];
  /** Text of `_config.yml`, or undefined when the site has none. */
  configText?: string;
  postGlobs: readonly string[];
  /** Text of the site's Markdown and HTML files (path → content): pages' permalinks, headings for anchors. */
  texts?: ReadonlyMap<string, string>;
}

export function buildSite(input: SiteInput): { site: Site; problems: JekyllConfigProblem[] } {
  const parsed =
    input.configText === undefined
      ? { config: DEFAULT_JEKYLL_CONFIG, problems: [] }
      : parseJekyllConfig(input.configText);
  const files = new Set(input.files.map(normalizePath));
  const isPost = picomatch([...input.postGlobs], { dot: false });
  const idsByFolder = new Map<string, Set<string>>();
  const documentIds = (folder: string) => {
    const key = normalizePath(folder).replace(/\/+$/, "");
    let ids = idsByFolder.get(key);
    if (!ids) {
      ids = new Set();
      for (const file of files) {
        if (!file.startsWith(`${key}/`)) continue;
        const name = file.slice(key.length + 1);
        if (name.includes("/")) continue;
        const dot = name.lastIndexOf(".");
        ids.add(dot > 0 ? name.slice(0, dot) : name);
      }
      idsByFolder.set(key, ids);
    }
    return ids;
  };
  const site: Site = {
    hasConfig: input.configText !== undefined,
    jekyll: parsed.config,
    files,
    posts: [...files].filter((file) => isPost(file)).sort(),
    isPost: (path) => isPost(normalizePath(path)),
    documentIds,
    // A lazy map (a local site's texts, read on demand) is kept as is: copying it would read every file.
    texts:
      input.texts instanceof LazySiteTexts
        ? input.texts
        : new Map([...(input.texts ?? [])].map(([path, text]) => [normalizePath(path), text])),
  };
  return { site, problems: parsed.problems };
}

/** A site that knows nothing: for a post reviewed alone, rules that need the site stay silent. */
export function emptySite(postGlobs: readonly string[]): Site {
  return buildSite({ files: [], postGlobs }).site;
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "");
}
