import { posix } from "node:path";
import { readFrontMatter } from "../review/front-matter.js";
import { siteDocuments } from "../site/documents.js";
import { parsePostPath } from "../site/post-path.js";
import { buildSite, type Site } from "../site/site.js";
import { readText, type SiteFileSource } from "./file-source.js";
import { parseTimestamp, ZonedDate } from "./jekyll-dates.js";
import type { KramdownOptions } from "./kramdown-options.js";
import { markdownToHtml } from "./markdown-to-html.js";
import { deepMerge, frontMatterDefaults } from "./site-config.js";

/** What reading the site's documents needs. */
export interface SiteSetup {
  source: SiteFileSource;
  /** Every file of the site (and its theme), from its root. */
  files: readonly string[];
  configText?: string;
  config: Record<string, unknown>;
  postGlobs: readonly string[];
  zone: string;
  now: Date;
  kramdown: KramdownOptions;
}

export type DocumentKind = "post" | "page" | "collection";

/** A source file read and split, before its Liquid is rendered. */
export interface SourceDocument {
  path: string;
  /** The text after the front matter. */
  body: string;
  /** `page.*` as Jekyll sets it: front matter over defaults, then url, id, date, slug, title… */
  data: Record<string, unknown>;
}

const MARKDOWN = /\.(?:md|markdown|mkdown|mkdn|mkd)$/i;

/** The site model of src/site/ for these files, with the texts given (for permalinks in front matter). */
export function siteModel(setup: SiteSetup, texts: ReadonlyMap<string, string>): Site {
  return buildSite({
    files: [...setup.files],
    configText: setup.configText,
    postGlobs: setup.postGlobs,
    texts,
  }).site;
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

/**
 * `page` for a document, as Jekyll's DocumentDrop and Page show it. `site` must know the document's text,
 * so that a `permalink` in its front matter is followed.
 */
export function readDocument(
  setup: SiteSetup,
  site: Site,
  path: string,
  text: string,
  kind: DocumentKind,
  collection?: string,
): SourceDocument {
  const frontMatter = readFrontMatter(text);
  const present = frontMatter.kind === "present" ? frontMatter : undefined;
  const written = present ? reinterpretTimestamps(present.data, text, present.fields, setup.zone) : {};
  const type = kind === "post" ? "posts" : kind === "page" ? "pages" : (collection ?? "");
  const data = deepMerge(frontMatterDefaults(setup.config, path, type), written);
  const body = present ? text.slice(present.bodyStart) : text;
  const pathInfo = parsePostPath(path);
  const url = siteDocuments(site).fromPath(path)?.url ?? `/${path}`;
  const stem = posix.basename(path, posix.extname(path));
  const slug = typeof data.slug === "string" ? data.slug : kind === "post" ? (pathInfo.slug ?? stem) : stem;
  const fileDate = pathInfo.date ? parseTimestamp(`${pathInfo.dateText ?? ""}`, setup.zone) : undefined;
  const date =
    toDate(data.date, setup.zone) ??
    fileDate ??
    (kind === "page" ? undefined : new ZonedDate(setup.now.getTime(), setup.zone));
  const page: Record<string, unknown> = {
    ...data,
    path,
    relative_path: path,
    url,
    id: kind === "page" ? undefined : posix.join(posix.dirname(url), slug),
    slug,
    name: posix.basename(path),
    ext: posix.extname(path),
    content: body,
  };
  if (date !== undefined) page.date = date;
  if (kind !== "page") page.collection = kind === "post" ? "posts" : collection;
  if (kind === "post") {
    page.title = data.title ?? titleize(slug);
    page.categories = [
      ...pathInfo.folderCategories,
      ...words(data.categories),
      ...words(data.category, false),
    ];
    page.tags = words(data.tags);
    page.draft = false;
  }
  return { path, body, data: page };
}

/**
 * The posts of the site, newest first, each with its excerpt as HTML (Markdown only: the Liquid of other
 * posts is not rendered) and its body as `content`.
 */
export async function readPosts(setup: SiteSetup): Promise<Record<string, unknown>[]> {
  const site = siteModel(setup, new Map());
  const texts = await readTexts(setup.source, site.posts);
  const withTexts = siteModel(setup, texts);
  const posts = [...texts].map(([path, text]) => {
    const document = readDocument(setup, withTexts, path, text, "post");
    const separator = excerptSeparator(document.data, setup.config);
    const excerpt = document.body.split(separator)[0] ?? "";
    document.data.excerpt = isMarkdownPath(path) ? markdownToHtml(excerpt, setup.kramdown) : excerpt;
    return document.data;
  });
  return posts.sort((a, b) => dateValue(b.date) - dateValue(a.date));
}

/** The documents of a collection (`_authors/*.md` → `site.authors`), in path order. */
export async function readCollection(setup: SiteSetup, name: string): Promise<Record<string, unknown>[]> {
  const collectionsDir = typeof setup.config.collections_dir === "string" ? setup.config.collections_dir : "";
  const folder = posix.join(collectionsDir, `_${name}`);
  const paths = setup.files.filter(
    (path) => path.startsWith(`${folder}/`) && /\.(?:md|markdown|html?)$/i.test(path),
  );
  const texts = await readTexts(setup.source, paths);
  const site = siteModel(setup, texts);
  return [...texts].map(([path, text]) => readDocument(setup, site, path, text, "collection", name).data);
}

/** Pages: Markdown and HTML files with front matter outside folders Jekyll keeps for itself. */
export async function readPages(setup: SiteSetup): Promise<Record<string, unknown>[]> {
  const included = Array.isArray(setup.config.include) ? setup.config.include.map(String) : [];
  const paths = setup.files.filter((path) => {
    if (!/\.(?:md|markdown|html?)$/i.test(path)) return false;
    const parts = path.split("/");
    const hidden = parts
      .slice(0, -1)
      .some((part) => (part.startsWith("_") || part.startsWith(".")) && !included.includes(part));
    return !hidden && !parts.some((part) => part === "_layouts" || part === "_includes");
  });
  const texts = await readTexts(setup.source, paths);
  const site = siteModel(setup, texts);
  return [...texts]
    .filter(([, text]) => readFrontMatter(text).kind === "present")
    .map(([path, text]) => readDocument(setup, site, path, text, "page").data);
}

export function excerptSeparator(page: Record<string, unknown>, config: Record<string, unknown>): string {
  if (typeof page.excerpt_separator === "string") return page.excerpt_separator;
  return typeof config.excerpt_separator === "string" ? config.excerpt_separator : "\n\n";
}

export async function readTexts(
  source: SiteFileSource,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const texts = await Promise.all(paths.map(async (path) => [path, await readText(source, path)] as const));
  return new Map(texts.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}

/**
 * YAML reads `2017-07-06 10:00:00` as UTC; Jekyll reads it in the site's zone and keeps a written offset.
 * Top-level values written as timestamps are read again from their text.
 */
function reinterpretTimestamps(
  data: Record<string, unknown>,
  text: string,
  fields: readonly { key: string; valueStart: number; valueEnd: number }[],
  zone: string,
): Record<string, unknown> {
  const result = { ...data };
  for (const field of fields) {
    if (!(result[field.key] instanceof Date)) continue;
    const written = text.slice(field.valueStart, field.valueEnd).replace(/^(["'])(.*)\1$/, "$2");
    const parsed = parseTimestamp(written, zone);
    if (parsed) result[field.key] = parsed;
  }
  return result;
}

function toDate(value: unknown, zone: string): ZonedDate | undefined {
  if (value instanceof ZonedDate) return value;
  if (value instanceof Date) return new ZonedDate(value.getTime(), zone);
  if (typeof value === "string") return parseTimestamp(value, zone);
  return undefined;
}

function dateValue(value: unknown): number {
  return value instanceof Date ? value.getTime() : 0;
}

/** `categories: a b` and lists; `category` is one name. */
function words(value: unknown, split = true): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return split ? value.split(/\s+/).filter(Boolean) : [value];
  if (typeof value === "number") return [String(value)];
  return [];
}

/** Jekyll's Utils.titleize_slug: `cellule-innovation` → `Cellule Innovation`. */
function titleize(slug: string): string {
  return slug
    .split("-")
    .map((word) => (word === "" ? word : `${word[0]?.toUpperCase()}${word.slice(1)}`))
    .join(" ");
}
