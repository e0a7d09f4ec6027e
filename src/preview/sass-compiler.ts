import { posix } from "node:path";
import type { Importer } from "sass";
import { readText, type SiteFileSource } from "./file-source.js";

const SCHEME = "relecteur-site:";

/** Beyond this many partials read ahead, Sass reads the rest as it imports them. */
const MAX_READ_AHEAD = 200;

/**
 * A `.scss` or `.sass` page compiled as jekyll-sass-converter does, with dart-sass: imports are looked up
 * beside the file, then in `sass_dir` (default `_sass`), through the file source (site files over the
 * theme's), partials (`_name.scss`) and folder indexes included. `style` follows `sass.style`.
 */
export async function compileSass(
  source: SiteFileSource,
  path: string,
  text: string,
  config: Record<string, unknown>,
): Promise<string> {
  const settings = (config.sass ?? {}) as Record<string, unknown>;
  const sassDir =
    typeof settings.sass_dir === "string" ? settings.sass_dir.replace(/^\/+|\/+$/g, "") : "_sass";
  const loadPaths = [sassDir, ...(Array.isArray(settings.load_paths) ? settings.load_paths.map(String) : [])];
  const importer: Importer<"async"> = {
    canonicalize: async (url, context) => {
      const fromScheme = url.startsWith(SCHEME) ? url.slice(SCHEME.length).replace(/^\/+/, "") : undefined;
      const containing = context.containingUrl?.href.startsWith(SCHEME)
        ? posix.dirname(context.containingUrl.href.slice(SCHEME.length).replace(/^\/+/, ""))
        : posix.dirname(path);
      const bases =
        fromScheme !== undefined
          ? [fromScheme]
          : [posix.join(containing, url), ...loadPaths.map((dir) => posix.join(dir, url))];
      for (const base of bases) {
        const found = await findSassFile(source, base);
        if (found !== undefined) return new URL(`${SCHEME}/${found}`);
      }
      return null;
    },
    load: async (canonical) => {
      const file = canonical.href.slice(SCHEME.length).replace(/^\/+/, "");
      const contents = await readText(source, file);
      if (contents === undefined) return null;
      const syntax = file.endsWith(".sass") ? "indented" : file.endsWith(".css") ? "css" : "scss";
      return { contents, syntax };
    },
  };
  // Sass asks for its imports one after another: through the GitHub API each would wait for the one
  // before. The partials of the load paths are what stylesheets import, read here all at once.
  const partials = (await Promise.all(loadPaths.map((dir) => source.list(dir)))).flat();
  for (const partial of partials.slice(0, MAX_READ_AHEAD)) source.readFile(partial).catch(() => undefined);
  // dart-sass is large: loaded only when a stylesheet needs it.
  const { compileStringAsync, Logger } = await import("sass");
  const result = await compileStringAsync(text, {
    syntax: path.endsWith(".sass") ? "indented" : "scss",
    style: settings.style === "compressed" ? "compressed" : "expanded",
    url: new URL(`${SCHEME}/${path}`),
    importer,
    importers: [importer],
    logger: Logger.silent,
  });
  return result.css;
}

/** `name` → the first of `name.scss`, `_name.scss`, `name.sass`, `_name.sass`, `name.css`, `name/_index.scss`… */
async function findSassFile(source: SiteFileSource, base: string): Promise<string | undefined> {
  const folder = posix.dirname(base);
  const name = posix.basename(base);
  const hasExtension = /\.(?:scss|sass|css)$/.test(name);
  const names = hasExtension
    ? [name, `_${name}`]
    : ["scss", "sass", "css"].flatMap((ext) => [`${name}.${ext}`, `_${name}.${ext}`]);
  const candidates = names.map((candidate) => posix.join(folder, candidate));
  if (!hasExtension)
    candidates.push(...["_index.scss", "index.scss", "_index.sass"].map((index) => posix.join(base, index)));
  for (const candidate of candidates) {
    if ((await source.readFile(candidate)) !== undefined) return candidate;
  }
  return undefined;
}
