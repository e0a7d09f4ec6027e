import type { IncomingMessage, ServerResponse } from "node:http";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { LRUCache } from "lru-cache";
import type { Logger } from "probot";
import { type Config, DEFAULT_CONFIG } from "../config/schema.js";
import { layeredFileSource, readText } from "../preview/file-source.js";
import { findingsBox, markFindings } from "../preview/findings-overlay.js";
import { escapeHtml } from "../preview/jekyll-tags.js";
import { PreviewSite, type RenderedAsset } from "../preview/preview-site.js";
import { type PreviewGrant, verifyPreviewToken } from "../preview/preview-token.js";
import { readConfigData } from "../preview/site-config.js";
import { reviewFile } from "../review/review-file.js";
import { safeDecode } from "../site/safe-decode.js";
import { buildSite } from "../site/site.js";
import { type BlobCache, type CommitFileSource, openCommitFileSource } from "./commit-file-source.js";
import { type GitHubClient, httpStatusOf } from "./github-client.js";
import { parisDate } from "./paris-date.js";
import { type BuiltInPreviewSettings, PREVIEW_PATH_PREFIX } from "./preview-links.js";
import { configTextReader, readRepositoryConfig, repositoryConfigLoader } from "./read-config.js";
import { openRemoteTheme, parseRemoteTheme } from "./remote-theme.js";

export interface PreviewRouteOptions {
  settings: BuiltInPreviewSettings;
  /** An installation's client, as `app.auth(id)` gives it. */
  installationClient(installationId: number): Promise<GitHubClient>;
  now(): Date;
  log: Logger;
  /** Memory kept for rendered commits and read blobs, in bytes; 96 MiB by default. */
  cacheBytes?: number;
}

/** What the route knows of one commit: its rendered site, or why there is none. */
type CommitEntry =
  | { kind: "missing" }
  | { kind: "off" }
  | {
      kind: "site";
      site: PreviewSite;
      source: CommitFileSource;
      files: string[];
      config: Config;
      configText?: string;
      pullRequestBase: string;
      pages: Map<string, string>;
      /** Files pages load, rendered (undefined: not served); `rendering` holds those under way. */
      assets: Map<string, RenderedAsset | undefined>;
      rendering: Map<string, Promise<RenderedAsset | undefined>>;
    };

/**
 * The headers of every answer under the prefix. Everything in a pull request is untrusted, its layouts
 * included: no script runs (the page is sanitized, and the policy says so again), it cannot be framed,
 * nor change its base; search engines do not index it; the signed address never leaks as a referrer.
 * Images, media and stylesheets come from the preview itself; those a post links from elsewhere (https)
 * load too, as they will on the site.
 */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'none'",
    "img-src 'self' data: https:",
    "media-src 'self' https:",
    "style-src 'self' 'unsafe-inline' https:",
    "font-src 'self' data: https:",
    "script-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; "),
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
};

const DEFAULT_CACHE_BYTES = 96 * 1024 * 1024;

/**
 * The built-in preview's route, a Probot server handler: `<prefix>/<token>/` is the post's page,
 * `<prefix>/<token>/<site path>` a file it loads (image, stylesheet, font), read at the same commit. A
 * link tampered with or expired gets 403; a post, file or commit that is not there (any more) 404. Each
 * commit is read once through the API into memory and kept, with its rendered pages, in an LRU bounded in
 * bytes: a repeated view is answered from memory.
 */
export function createPreviewRoute(options: PreviewRouteOptions) {
  const budget = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
  // A third for blobs (shared by commits: most files do not change between two pushes), the rest for sites.
  const blobs: BlobCache = new LRUCache<string, Uint8Array>({
    maxSize: Math.max(1, Math.floor(budget / 3)),
    sizeCalculation: (bytes) => Math.max(1, bytes.byteLength),
  });
  const commits = new LRUCache<string, CommitEntry>({
    maxSize: Math.max(1, budget - Math.floor(budget / 3)),
    sizeCalculation: entrySize,
  });
  const opening = new Map<string, Promise<CommitEntry>>();
  const publicPath = new URL(options.settings.publicUrl).pathname.replace(/\/+$/, "");

  const entryOf = (grant: PreviewGrant): Promise<CommitEntry> => {
    const key = `${grant.installationId}:${grant.owner}/${grant.repo}@${grant.commit}`;
    const cached = commits.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = opening.get(key);
    if (!pending) {
      pending = openCommit(grant, options, blobs)
        .then((entry) => {
          commits.set(key, entry);
          return entry;
        })
        .finally(() => opening.delete(key));
      opening.set(key, pending);
    }
    return pending;
  };
  /** The entry's size changes as pages render: set again so that the LRU counts it. */
  const touch = (grant: PreviewGrant, entry: CommitEntry) => {
    const key = `${grant.installationId}:${grant.owner}/${grant.repo}@${grant.commit}`;
    // lru-cache keeps the size of a value set again as it is: it must be removed first.
    commits.delete(key);
    commits.set(key, entry);
  };

  const handler = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? "/", "http://relecteur.invalid");
    const match = matchPreviewPath(url.pathname, publicPath);
    if (match === undefined) return false;
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.setHeader(name, value);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return answer(response, 405, "Méthode non permise.", { allow: "GET, HEAD" });
    }
    const check = verifyPreviewToken(match.token, options.settings.secrets, options.now());
    if (!check.ok) {
      return answer(
        response,
        403,
        check.reason === "expired"
          ? "Ce lien d’aperçu a expiré\u00a0: le commentaire de synthèse de la pull request en donne un nouveau après chaque push."
          : "Ce lien d’aperçu n’est pas valide.",
      );
    }
    const { grant } = check;
    try {
      const entry = await entryOf(grant);
      if (entry.kind === "off") {
        return answer(response, 404, "L’aperçu intégré est désactivé pour ce dépôt privé (preview.private).");
      }
      if (entry.kind === "missing") return answer(response, 404, "Ce commit n’existe plus (ou plus ici).");
      const linkAsset = (assetPath: string) =>
        `${publicPath}${PREVIEW_PATH_PREFIX}/${match.token}${encodeURI(assetPath)}`;
      if (match.rest === "") {
        const annotated = url.searchParams.get("relecture") === "1";
        const html = await renderPage(entry, grant, annotated, linkAsset, options.now(), () =>
          touch(grant, entry),
        );
        touch(grant, entry);
        if (html === undefined) return answer(response, 404, `${grant.path} n’existe pas à ce commit.`);
        return send(response, request, 200, "text/html; charset=utf-8", Buffer.from(html));
      }
      const assetPath = safeDecode(match.rest);
      const rendered = entry.assets.has(assetPath);
      const asset = await assetOf(entry, assetPath, linkAsset);
      if (!rendered) touch(grant, entry);
      if (asset === undefined) return answer(response, 404, `${assetPath} n’existe pas à ce commit.`);
      return send(response, request, 200, asset.contentType, Buffer.from(asset.bytes));
    } catch (error) {
      options.log.error(
        { err: error, repository: `${grant.owner}/${grant.repo}`, commit: grant.commit, path: grant.path },
        "preview failed",
      );
      const status = httpStatusOf(error);
      if (status === 404 || status === 401)
        return answer(response, 404, "Dépôt introuvable pour l’application.");
      return answer(response, 500, `L’aperçu n’a pas pu être produit\u00a0: ${firstLine(error)}`);
    }
  };
  return Object.assign(handler, {
    /** Bytes held now, for the benchmark and the tests of the budget. */
    cachedBytes: () => commits.calculatedSize + blobs.calculatedSize,
  });
}

async function openCommit(
  grant: PreviewGrant,
  options: PreviewRouteOptions,
  blobs: BlobCache,
): Promise<CommitEntry> {
  const octokit = await options.installationClient(grant.installationId);
  const { owner, repo } = grant;
  // The repository, Relecteur's config and the commit's tree do not depend on each other: asked at once,
  // the first view waits for the slowest of them rather than for their sum.
  const [repository, reading, source] = await Promise.all([
    octokit.rest.repos.get({ owner, repo }).then(
      ({ data }) => data,
      (error: unknown) => {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      },
    ),
    readRepositoryConfig(
      repositoryConfigLoader(octokit, owner, repo),
      configTextReader(octokit, owner, repo),
    ),
    openCommitFileSource(octokit, { owner, repo, ref: grant.commit }, blobs),
  ]);
  if (repository === undefined) return { kind: "missing" };
  const config = reading.ok ? reading.config : { ...DEFAULT_CONFIG, posts: [...reading.postGlobs] };
  if (repository.private && !config.preview.private) return { kind: "off" };
  if (source === undefined) return { kind: "missing" };
  // The post is read beside `_config.yml`, not after it.
  source.readFile(grant.path).catch(() => undefined);
  const configText = await readText(source, "_config.yml");
  const theme = parseRemoteTheme(readConfigData(configText).remote_theme);
  const themeSource =
    theme === undefined
      ? undefined
      : await openRemoteTheme(octokit, theme, blobs).catch((error: unknown) => {
          options.log.warn({ err: error, theme }, "could not read the remote theme");
          return undefined;
        });
  const site = await PreviewSite.open(layeredFileSource(source, themeSource), {
    postGlobs: config.posts,
    themeLoaded: themeSource !== undefined,
    now: options.now(),
  });
  return {
    kind: "site",
    site,
    source,
    files: await source.list(""),
    config,
    ...(configText === undefined ? {} : { configText }),
    pullRequestBase: `${repository.html_url}/pull/`,
    pages: new Map(),
    assets: new Map(),
    rendering: new Map(),
  };
}

type SiteEntry = Extract<CommitEntry, { kind: "site" }>;

/**
 * A file a page loads, rendered once per commit (a stylesheet compiled with Sass, an image read). Only what
 * a page loads is served: not the site's other files (a Gemfile, a script).
 */
function assetOf(
  entry: SiteEntry,
  assetPath: string,
  linkAsset: (path: string) => string,
): Promise<RenderedAsset | undefined> {
  if (entry.assets.has(assetPath)) return Promise.resolve(entry.assets.get(assetPath));
  let pending = entry.rendering.get(assetPath);
  if (!pending) {
    pending = entry.site
      .renderAsset(assetPath, linkAsset)
      .then((asset) => {
        const served = asset?.contentType === "application/octet-stream" ? undefined : asset;
        entry.assets.set(assetPath, served);
        return served;
      })
      .finally(() => entry.rendering.delete(assetPath));
    entry.rendering.set(assetPath, pending);
  }
  return pending;
}

async function renderPage(
  entry: SiteEntry,
  grant: PreviewGrant,
  annotated: boolean,
  linkAsset: (path: string) => string,
  now: Date,
  assetsReady: () => void,
): Promise<string | undefined> {
  const key = `${grant.pullNumber}:${annotated ? "annotated" : "plain"}:${grant.path}`;
  const cached = entry.pages.get(key);
  if (cached !== undefined) return cached;
  if (!entry.files.includes(grant.path)) return undefined;
  const page = await entry.site.renderPost(grant.path, {
    commit: grant.commit,
    pullRequestUrl: `${entry.pullRequestBase}${grant.pullNumber}`,
    linkAsset,
  });
  // The browser asks for the page's stylesheets and images as soon as it reads the page: their rendering
  // (Sass above all) starts now, so that those requests find it done or under way.
  const preparing = page.assets.map((path) => assetOf(entry, path, linkAsset).catch(() => undefined));
  void Promise.all(preparing).then(assetsReady);
  let html = withoutFaviconRequest(page.html);
  if (annotated) html = await annotate(entry, grant.path, html, now);
  entry.pages.set(key, html);
  return html;
}

/** The page with the review's findings of the post marked in its text, and the box that counts them. */
async function annotate(entry: SiteEntry, path: string, html: string, now: Date): Promise<string> {
  const bytes = await entry.source.readFile(path);
  if (bytes === undefined) return html;
  const { site } = buildSite({
    files: entry.files,
    configText: entry.configText,
    postGlobs: entry.config.posts,
    texts: new Map([[path, new TextDecoder().decode(bytes)]]),
  });
  const { findings, source } = reviewFile({ path, bytes }, site, entry.config, { today: parisDate(now) });
  const tree = fromHtml(html);
  const result =
    source === undefined ? { placed: [], unplaced: findings } : markFindings(tree, source, findings);
  insertAfterBanner(tree, findingsBox(result));
  return toHtml(tree);
}

/**
 * A page without an icon makes the browser ask for `/favicon.ico` at the app's root, outside the preview:
 * an empty icon keeps the request (and its 404 in the console) away.
 */
function withoutFaviconRequest(html: string): string {
  if (/<link[^>]+rel="[^"]*\bicon\b/i.test(html)) return html;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<link rel="icon" href="data:,">`);
}

function insertAfterBanner(tree: Root, box: Element): void {
  const visit = (parent: Root | Element): boolean => {
    const index = parent.children.findIndex(
      (child) => child.type === "element" && child.properties.dataRelecteur === "banner",
    );
    if (index !== -1) {
      parent.children.splice(index + 1, 0, box);
      return true;
    }
    return parent.children.some((child) => child.type === "element" && visit(child));
  };
  if (!visit(tree)) tree.children.unshift(box);
}

/** `<public path><prefix>/<token>/<rest>`; the public path is optional (a proxy may strip it). */
export function matchPreviewPath(
  pathname: string,
  publicPath: string,
): { token: string; rest: string } | undefined {
  for (const base of new Set([`${publicPath}${PREVIEW_PATH_PREFIX}/`, `${PREVIEW_PATH_PREFIX}/`])) {
    if (!pathname.startsWith(base)) continue;
    const remainder = pathname.slice(base.length);
    const slash = remainder.indexOf("/");
    const token = slash === -1 ? remainder : remainder.slice(0, slash);
    const rest = slash === -1 ? "" : remainder.slice(slash);
    return token === "" ? undefined : { token, rest: rest === "/" ? "" : rest };
  }
  return undefined;
}

function entrySize(entry: CommitEntry): number {
  if (entry.kind !== "site") return 64;
  let size = entry.source.bytesRead() + entry.files.reduce((total, file) => total + file.length + 32, 0);
  for (const html of entry.pages.values()) size += html.length * 2;
  for (const asset of entry.assets.values()) size += asset?.bytes.byteLength ?? 0;
  return Math.max(1, size);
}

function answer(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): true {
  const body = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Aperçu Relecteur</title><p>${escapeHtml(message)}</p></html>\n`;
  response.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  response.end(body);
  return true;
}

function send(
  response: ServerResponse,
  request: IncomingMessage,
  status: number,
  contentType: string,
  body: Buffer,
): true {
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": String(body.byteLength),
    // A commit's files never change; the link expires, so the browser keeps them for a while only.
    "cache-control": "private, max-age=3600",
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

function firstLine(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "").slice(0, 300);
}
