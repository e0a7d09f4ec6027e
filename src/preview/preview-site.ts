import { posix } from "node:path";
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { Liquid } from "liquidjs";
import { readFrontMatter } from "../review/front-matter.js";
import { siteDocuments } from "../site/documents.js";
import { readMarkdownEngine } from "../site/markdown-engine.js";
import { identifyPost } from "../site/post-identity.js";
import { previewBanner } from "./banner.js";
import { readText, type SiteFileSource } from "./file-source.js";
import { siteTimeZone } from "./jekyll-dates.js";
import { createJekyllLiquid } from "./jekyll-liquid.js";
import { readKramdownOptions } from "./kramdown-options.js";
import { markdownToHtml } from "./markdown-to-html.js";
import { Omissions } from "./omissions.js";
import { type LinkAsset, localUrlPath, rewriteCssUrls, rewritePageUrls, type UrlSpace } from "./page-urls.js";
import { readAheadTemplates } from "./read-ahead.js";
import { sanitizePage } from "./sanitize-page.js";
import { compileSass } from "./sass-compiler.js";
import { readConfigData } from "./site-config.js";
import {
  excerptSeparator,
  isMarkdownPath,
  readDocument,
  readTexts,
  type SiteSetup,
  siteModel,
} from "./site-documents.js";
import { SiteDrop } from "./site-drop.js";

export interface PreviewSiteOptions {
  /** The `posts` globs of Relecteur's configuration. */
  postGlobs: readonly string[];
  /** `site.time`, and `now` in dates; the current time by default. */
  now?: Date;
  /** True when the files of the site's `remote_theme` are part of the source (under the site's own). */
  themeLoaded?: boolean;
}

export interface PageRenderOptions {
  commit?: string;
  pullRequestUrl?: string;
  /** How the page refers to its images and stylesheets; by default, their URL on the site (baseurl included). */
  linkAsset?: LinkAsset;
}

export interface RenderedPage {
  /** The post's URL path on the site (`page.url`), without baseurl. */
  urlPath: string;
  html: string;
  /** Site URL paths (without baseurl) of the images, stylesheets and icons the page loads. */
  assets: string[];
  /** What the preview left out, as the banner lists it. */
  omissions: string[];
}

export interface RenderedAsset {
  /** The source file it was made from (`css/main.scss` for `/css/main.css`). */
  sourcePath: string;
  bytes: Uint8Array;
  contentType: string;
  /** For a stylesheet: the site URL paths of the files it loads (fonts, images, imported CSS). */
  assets: string[];
}

/** Jekyll plugins whose work does not show on a post's page. */
const INVISIBLE_PLUGINS = new Set([
  "jekyll-redirect-from",
  "jekyll-sitemap",
  "jekyll-feed",
  "jekyll-paginate",
  "jekyll-paginate-v2",
  "jekyll-seo-tag",
  "jekyll-archives",
  "jekyll-remote-theme",
  "jekyll-include-cache",
  "jekyll-gist",
  "jekyll-github-metadata",
  "jekyll-default-layout",
  "jekyll-optional-front-matter",
  "jekyll-readme-index",
  "jekyll-sass-converter",
]);

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".eot": "application/vnd.ms-fontobject",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
};

/**
 * A Jekyll site read from a file source, ready to render its posts as Jekyll would (close to it) and the
 * files their pages load. One instance per set of files (a commit): it keeps what it has read.
 */
export class PreviewSite {
  /** Posts, collections and data read for one page, kept for the next ones. */
  private readonly loaded = new Map<string, Promise<unknown>>();
  /** Problems found while reading them (a data file that does not parse), shown on every page. */
  private readonly readProblems = new Omissions();

  private constructor(
    private readonly setup: SiteSetup,
    private readonly siteOmissions: readonly string[],
  ) {}

  private siteDrop(currentUrl: string): SiteDrop {
    return new SiteDrop(this.setup, this.readProblems, currentUrl, this.loaded);
  }

  static async open(source: SiteFileSource, options: PreviewSiteOptions): Promise<PreviewSite> {
    const configText = await readText(source, "_config.yml");
    const config = readConfigData(configText);
    const files = await source.list("");
    const setup: SiteSetup = {
      source,
      files,
      configText,
      config,
      postGlobs: options.postGlobs,
      zone: siteTimeZone(config),
      now: options.now ?? new Date(),
      kramdown: readKramdownOptions(config),
    };
    return new PreviewSite(setup, siteOmissions(config, files, options.themeLoaded ?? false));
  }

  private get space(): UrlSpace {
    const site = siteModel(this.setup, new Map());
    return { baseurl: site.jekyll.baseurl, siteUrl: site.jekyll.url ?? "" };
  }

  /** The post's page with its layouts, sanitized, with the banner on top. */
  async renderPost(path: string, options: PageRenderOptions = {}): Promise<RenderedPage> {
    const text = await readText(this.setup.source, path);
    if (text === undefined) throw new Error(`${path}\u00a0: fichier introuvable`);
    const omissions = new Omissions();
    for (const item of this.siteOmissions) omissions.add(item);
    const site = siteModel(this.setup, new Map([[path, text]]));
    const document = readDocument(
      this.setup,
      site,
      path,
      text,
      site.isPost(path) || /(^|\/)_posts\//.test(path) ? "post" : "page",
    );
    const page = document.data;
    readAheadTemplates(
      { source: this.setup.source, files: this.setup.files, includesDir: includesDir(this.setup.config) },
      document.body,
      page.layout,
    );
    const urlPath = String(page.url);
    const liquid = this.liquid(omissions);
    const siteDrop = this.siteDrop(urlPath);
    const renderBody = async (body: string) => {
      const rendered =
        page.render_with_liquid === false
          ? body
          : await liquid.parseAndRender(body, { site: siteDrop, page, jekyll: JEKYLL });
      return isMarkdownPath(path) ? markdownToHtml(rendered, this.setup.kramdown) : rendered;
    };
    const separator = excerptSeparator(page, this.setup.config);
    try {
      page.excerpt = await renderBody(excerptOf(document.body, separator));
    } catch {
      page.excerpt = ""; // The page's own render says what is wrong, if anything.
    }
    page.content = await renderBody(document.body);
    const html = await this.applyLayouts(liquid, siteDrop, page, String(page.content), omissions);
    for (const item of this.readProblems.list()) omissions.add(item);
    const tree = fromHtml(html);
    for (const item of sanitizePage(tree)) omissions.add(item);
    const space = this.space;
    const linkAsset: LinkAsset =
      options.linkAsset ?? ((assetPath) => `${space.baseurl}${encodeURI(assetPath)}`);
    const assets = rewritePageUrls(tree, urlPath, space, linkAsset);
    ensureCharset(tree);
    const banner = previewBanner({
      commit: options.commit,
      pullRequestUrl: options.pullRequestUrl,
      omissions: omissions.list(),
    });
    insertAtBodyStart(tree, banner);
    return { urlPath, html: toHtml(tree), assets: [...assets].sort(), omissions: omissions.list() };
  }

  /**
   * A file a previewed page loads, by its site URL path: a static file as it is, a stylesheet with front
   * matter rendered with Liquid, a `.css` made from a `.scss`/`.sass` page compiled with dart-sass.
   * Undefined when the site has no such file, or it is not something Jekyll writes out.
   */
  async renderAsset(urlPath: string, linkAsset?: LinkAsset): Promise<RenderedAsset | undefined> {
    const path = urlPath.replace(/^\/+/, "");
    if (
      path === "" ||
      path.split("/").some((part) => part.startsWith("_") || part.startsWith(".") || part === "")
    )
      return undefined;
    const files = new Set(this.setup.files);
    const ext = posix.extname(path).toLowerCase();
    const sassSource =
      ext === ".css"
        ? [".scss", ".sass"]
            .map((sassExt) => path.slice(0, -4) + sassExt)
            .find((candidate) => files.has(candidate))
        : undefined;
    const sourcePath = files.has(path) ? path : sassSource;
    if (sourcePath === undefined) return undefined;
    let bytes = await this.setup.source.readFile(sourcePath);
    if (bytes === undefined) return undefined;
    const isText = ext === ".css" || ext === ".svg" || sourcePath !== path;
    let assets: string[] = [];
    if (isText) {
      let text = new TextDecoder().decode(bytes);
      const frontMatter = readFrontMatter(text);
      if (frontMatter.kind === "present") {
        const omissions = new Omissions();
        const body = text.slice(frontMatter.bodyStart);
        const page = { ...frontMatter.data, path: sourcePath, url: urlPath };
        text = await this.liquid(omissions).parseAndRender(body, {
          site: new SiteDrop(this.setup, omissions, urlPath),
          page,
          jekyll: JEKYLL,
        });
        if (sourcePath !== path)
          text = await compileSass(this.setup.source, sourcePath, text, this.setup.config);
      } else if (sourcePath !== path) {
        return undefined; // Without front matter, Jekyll copies a .scss as it is: there is no .css.
      }
      if (ext === ".css") {
        const found = new Set<string>();
        const space = this.space;
        const link = linkAsset ?? ((assetPath: string) => `${space.baseurl}${encodeURI(assetPath)}`);
        text = rewriteCssUrls(text, (url) => {
          const local = localUrlPath(url, urlPath, space);
          if (local === undefined || local.path.endsWith("/")) return url;
          found.add(local.path);
          return `${link(local.path, urlPath)}${local.fragment}`;
        });
        assets = [...found].sort();
      }
      bytes = new TextEncoder().encode(text);
    }
    return { sourcePath, bytes, contentType: CONTENT_TYPES[ext] ?? "application/octet-stream", assets };
  }

  /** The URL path of a post (`page.url`), without baseurl. */
  async postUrlPath(path: string): Promise<string | undefined> {
    const text = await readText(this.setup.source, path);
    if (text === undefined) return undefined;
    const site = siteModel(this.setup, new Map([[path, text]]));
    return identifyPost(path, text, site).permalink ?? siteDocuments(site).fromPath(path)?.url;
  }

  private liquid(omissions: Omissions): Liquid {
    const space = this.space;
    const setup = this.setup;
    return createJekyllLiquid({
      source: setup.source,
      includesDir: includesDir(setup.config),
      url: space.siteUrl,
      baseurl: space.baseurl,
      zone: setup.zone,
      now: setup.now,
      kramdown: setup.kramdown,
      omissions,
      postUrl: (name) => this.findPostUrl(name),
      documentUrl: async (target) => {
        const texts = await readTexts(setup.source, [target.replace(/^\/+/, "")]);
        return siteDocuments(siteModel(setup, texts)).fromPath(target.replace(/^\/+/, ""))?.url;
      },
    });
  }

  private async findPostUrl(name: string): Promise<string | undefined> {
    const wanted = name.replace(/^\/+/, "");
    const stem = posix.basename(wanted);
    const folder = posix.dirname(wanted) === "." ? "" : posix.dirname(wanted);
    const path = this.setup.files.find((file) => {
      if (!/(^|\/)_posts\//.test(file)) return false;
      const fileStem = posix.basename(file, posix.extname(file));
      return (
        fileStem === stem && (folder === "" || file.includes(`/${folder}/`) || file.startsWith(`${folder}/`))
      );
    });
    return path === undefined ? undefined : this.postUrlPath(path);
  }

  /** `layout:` after `layout:`, each rendered with `content`, `page`, `site` and the merged `layout` data. */
  private async applyLayouts(
    liquid: Liquid,
    siteDrop: SiteDrop,
    page: Record<string, unknown>,
    content: string,
    omissions: Omissions,
  ): Promise<string> {
    let output = content;
    let name = page.layout;
    let layoutData: Record<string, unknown> = {};
    const seen = new Set<string>();
    while (typeof name === "string" && name !== "" && name !== "none" && name !== "null" && !seen.has(name)) {
      seen.add(name);
      const layoutPath = this.setup.files.find(
        (file) =>
          file.startsWith("_layouts/") &&
          posix.basename(file, posix.extname(file)) === name &&
          posix.dirname(file) === "_layouts",
      );
      const text = layoutPath === undefined ? undefined : await readText(this.setup.source, layoutPath);
      if (text === undefined) {
        omissions.add(
          `mise en page «\u00a0${name}\u00a0» introuvable dans le site${this.siteOmissions.some((item) => item.startsWith("thème")) ? " (elle vient peut-être du thème)" : ""}`,
        );
        break;
      }
      const frontMatter = readFrontMatter(text);
      const data = frontMatter.kind === "present" ? frontMatter.data : {};
      const body = frontMatter.kind === "present" ? text.slice(frontMatter.bodyStart) : text;
      layoutData = { ...data, ...layoutData };
      output = await liquid.parseAndRender(
        body,
        { site: siteDrop, page, layout: layoutData, content: output, jekyll: JEKYLL },
        {},
      );
      name = data.layout;
    }
    return output;
  }
}

function includesDir(config: Record<string, unknown>): string {
  return typeof config.includes_dir === "string" ? config.includes_dir : "_includes";
}

const JEKYLL = { version: "4.3.4", environment: "production" };

/** Liquid's block tags: an excerpt cut inside one gets its end tag (Jekyll's `sanctify_liquid_tags`). */
const BLOCK_TAGS = new Set([
  "if",
  "unless",
  "for",
  "case",
  "capture",
  "comment",
  "raw",
  "highlight",
  "tablerow",
]);

/**
 * The text up to the excerpt separator, block tags left open closed, with the link definitions of the
 * rest (Jekyll's Excerpt#extract_excerpt).
 */
export function excerptOf(body: string, separator: string): string {
  const index = body.indexOf(separator);
  if (index === -1) return body;
  let head = body.slice(0, index);
  const opened = [...head.matchAll(/\{%-?\s*(\w+)/g)].map((match) => match[1] as string);
  for (const name of [...new Set(opened)].reverse()) {
    if (BLOCK_TAGS.has(name) && !new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`).test(head))
      head += `\n{% end${name} %}`;
  }
  const definitions = body.slice(index).match(/^ {0,3}\[[^\]]+\]:.+$/gm) ?? [];
  return definitions.length === 0 ? head : `${head}\n\n${definitions.join("\n")}`;
}

function siteOmissions(
  config: Record<string, unknown>,
  files: readonly string[],
  themeLoaded: boolean,
): string[] {
  const items: string[] = [];
  const engine = readMarkdownEngine(config).name;
  if (engine !== "kramdown") items.push(`convertisseur Markdown ${engine} (rendu ici comme kramdown)`);
  const plugins = [config.plugins, config.gems].flatMap((value) =>
    Array.isArray(value) ? value.map(String) : [],
  );
  for (const plugin of new Set(plugins)) {
    if (!INVISIBLE_PLUGINS.has(plugin)) items.push(`extension ${plugin}`);
  }
  if (typeof config.remote_theme === "string" && !themeLoaded)
    items.push(`thème distant ${config.remote_theme} non chargé`);
  if (typeof config.theme === "string" && !themeLoaded) items.push(`thème ${config.theme} non chargé`);
  if (files.some((file) => file.startsWith("_plugins/") && file.endsWith(".rb")))
    items.push("extensions Ruby du site (_plugins/)");
  return items;
}

function ensureCharset(tree: Root): void {
  const html = tree.children.find((node) => node.type === "element" && node.tagName === "html");
  const head =
    html?.type === "element"
      ? html.children.find((node) => node.type === "element" && node.tagName === "head")
      : undefined;
  if (head?.type !== "element") return;
  const hasCharset = head.children.some(
    (node) =>
      node.type === "element" &&
      node.tagName === "meta" &&
      (node.properties.charSet !== undefined || String(node.properties.content ?? "").includes("charset")),
  );
  if (!hasCharset)
    head.children.unshift({
      type: "element",
      tagName: "meta",
      properties: { charSet: "utf-8" },
      children: [],
    });
}

function insertAtBodyStart(tree: Root, banner: import("hast").Element): void {
  const html = tree.children.find((node) => node.type === "element" && node.tagName === "html");
  const body =
    html?.type === "element"
      ? html.children.find((node) => node.type === "element" && node.tagName === "body")
      : undefined;
  if (body?.type === "element") body.children.unshift(banner);
  else tree.children.unshift(banner);
}
