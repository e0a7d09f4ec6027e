import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { diskFileSource } from "../preview/disk-file-source.js";
import { layeredFileSource } from "../preview/file-source.js";
import type { LinkAsset } from "../preview/page-urls.js";
import { PreviewSite } from "../preview/preview-site.js";
import { listSiteFiles } from "../site/load-local-site.js";
import { safeDecode } from "../site/safe-decode.js";
import type { CliIo } from "./io.js";
import { openLocalSite } from "./open-local-site.js";
import { UsageError } from "./usage-error.js";

export interface PreviewOptions {
  paths: string[];
  out: string;
  theme?: string;
  site?: string;
  config?: string;
  commit?: string;
  debug: boolean;
}

export function parsePreviewOptions(args: string[]): PreviewOptions {
  let parsed: ReturnType<typeof parsePreviewArgs>;
  try {
    parsed = parsePreviewArgs(args);
  } catch (error) {
    const option = /'(?:-\w, )?(--?[\w-]+)/.exec((error as Error).message)?.[1] ?? "";
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `option inconnue «\u00a0${option}\u00a0» (relecteur --help)`
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? `l’option «\u00a0${option}\u00a0» attend une valeur`
          : ((error as Error).message.split("\n")[0] ?? "options illisibles"),
    );
  }
  const { values, positionals } = parsed;
  if (values.out === undefined || values.out.trim() === "") {
    throw new UsageError("preview\u00a0: indiquez où écrire les pages avec --out DIR");
  }
  return {
    paths: positionals,
    out: values.out,
    theme: values.theme,
    site: values.site,
    config: values.config,
    commit: values.commit,
    debug: values.debug ?? false,
  };
}

function parsePreviewArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      theme: { type: "string" },
      site: { type: "string" },
      config: { type: "string" },
      commit: { type: "string" },
      debug: { type: "boolean" },
    },
  });
}

/**
 * `relecteur preview`: each post rendered in the site's layout to `<out>/<its URL path>`, with the
 * stylesheets and images it loads beside it at their own URL paths, linked relatively so that the folder
 * opens from the disk. Prints the pages' paths; 0 when every post rendered, 2 otherwise.
 */
export async function runPreview(options: PreviewOptions, io: CliIo): Promise<number> {
  const opened = openLocalSite({
    cwd: io.cwd,
    siteDir: options.site,
    configPath: options.config,
    startPath: options.paths.find((path) => existsSync(resolve(io.cwd, path))),
  });
  if (!opened.ok) {
    for (const message of opened.messages) io.stderr(`${message}\n`);
    return 2;
  }
  const { root, config, site } = opened.local;
  const themeDir = options.theme === undefined ? undefined : resolve(io.cwd, options.theme);
  if (themeDir !== undefined && !(existsSync(themeDir) && statSync(themeDir).isDirectory())) {
    throw new UsageError(`--theme ${options.theme}\u00a0: dossier introuvable`);
  }
  const outDir = resolve(io.cwd, options.out);
  const source = layeredFileSource(
    diskFileSource(root),
    themeDir === undefined ? undefined : diskFileSource(themeDir),
  );
  const preview = await PreviewSite.open(source, {
    postGlobs: config.posts,
    themeLoaded: themeDir !== undefined,
  });

  let hasFailure = false;
  const posts = new Set<string>();
  for (const path of options.paths.length > 0 ? options.paths : [root]) {
    const found = postsOf(path, io.cwd, root, (file) => site.isPost(file));
    if (typeof found === "string") {
      io.stderr(`${found}\n`);
      hasFailure = true;
    } else if (found.length === 0) {
      io.stderr(`${path}: aucun article dans ce dossier (motifs posts\u00a0: ${config.posts.join(", ")})\n`);
    } else {
      for (const post of found) posts.add(post);
    }
  }

  const linkAsset: LinkAsset = (urlPath, fromUrlPath) => {
    const from = posix.dirname(outputPathOf(fromUrlPath));
    return posix
      .relative(from, urlPath.replace(/^\/+/, ""))
      .split("/")
      .map((part) => encodeURIComponent(part))
      .join("/");
  };
  const wanted = new Map<string, string>();
  for (const post of posts) {
    try {
      const page = await preview.renderPost(post, { commit: options.commit, linkAsset });
      const target = insideOut(outDir, outputPathOf(page.urlPath));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, page.html);
      io.stdout(`${displayPath(io.cwd, target)}\n`);
      for (const asset of page.assets) if (!wanted.has(asset)) wanted.set(asset, post);
    } catch (error) {
      io.stderr(`${post}: échec de l’aperçu\u00a0: ${firstLine(error)}\n`);
      if (options.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
      hasFailure = true;
    }
  }
  const missing = await writeAssets(preview, wanted, outDir, linkAsset, io, options.debug);
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(", ");
    io.stderr(
      `${missing.length} fichier(s) chargé(s) par les pages absent(s) du site\u00a0: ${shown}${missing.length > 5 ? ", …" : ""}\n`,
    );
  }
  return hasFailure ? 2 : 0;
}

/** The images and stylesheets the pages load, and what the stylesheets load in turn. Returns the missing ones. */
async function writeAssets(
  preview: PreviewSite,
  wanted: Map<string, string>,
  outDir: string,
  linkAsset: LinkAsset,
  io: CliIo,
  debug: boolean,
): Promise<string[]> {
  const missing: string[] = [];
  const done = new Set<string>();
  const queue = [...wanted.keys()];
  while (queue.length > 0) {
    const urlPath = queue.shift() as string;
    if (done.has(urlPath)) continue;
    done.add(urlPath);
    try {
      const asset = await preview.renderAsset(urlPath, linkAsset);
      if (asset === undefined) {
        missing.push(urlPath);
        continue;
      }
      const target = insideOut(outDir, urlPath.replace(/^\/+/, ""));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, asset.bytes);
      queue.push(...asset.assets);
    } catch (error) {
      io.stderr(`${urlPath}: fichier non produit\u00a0: ${firstLine(error)}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    }
  }
  return missing;
}

/**
 * Where Jekyll writes a page of this URL: `index.html` in a folder URL, `.html` added to a URL without it
 * (Document#destination), percent-escapes decoded.
 */
export function outputPathOf(urlPath: string): string {
  let path = safeDecode(urlPath).replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) path = `${path}index.html`;
  else if (!/\.html?$/i.test(path)) path = `${path}.html`;
  return path;
}

/** A path under the output folder; a URL that would climb out of it (`/../x`) is refused. */
function insideOut(outDir: string, path: string): string {
  const target = resolve(outDir, path);
  const fromOut = relative(outDir, target);
  if (fromOut === "" || fromOut.startsWith("..") || isAbsolute(fromOut)) {
    throw new Error(`chemin de sortie hors de --out\u00a0: ${path}`);
  }
  return target;
}

/** The posts a path argument names: the file itself, or the posts inside a folder; a message on error. */
function postsOf(
  path: string,
  cwd: string,
  root: string,
  isPost: (sitePath: string) => boolean,
): string[] | string {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) return `${path}: chemin introuvable`;
  const toSitePath = (file: string) => relative(root, file).split(sep).join("/");
  if (!statSync(absolute).isDirectory()) {
    const sitePath = toSitePath(absolute);
    return sitePath.startsWith("..") || isAbsolute(sitePath) ? `${path}: hors du site ${root}` : [sitePath];
  }
  return listSiteFiles(absolute)
    .map((file) => toSitePath(join(absolute, file)))
    .filter((file) => !file.startsWith("..") && isPost(file));
}

function displayPath(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd.startsWith("..") || isAbsolute(fromCwd) ? path : fromCwd;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
