import { posix } from "node:path";
import { readFrontMatter } from "../review/front-matter.js";
import type { ArchiveKind } from "./jekyll-plugins.js";
import { parsePostPath } from "./post-path.js";
import type { Site } from "./site.js";

/**
 * The pages that listed plugins write without a source file (feeds, pagination pages, sitemap, archives),
 * as URL keys (see `urlKey` in documents.ts): fixed ones, and templates whose placeholders stand for any
 * page number, date or tag. Pure; the caller looks a URL up in `fixed` first, then in `patterns`.
 */
export interface PluginPages {
  /** URL path → the plugin that writes it. */
  fixed: ReadonlyMap<string, string>;
  patterns: readonly PluginPattern[];
}

export interface PluginPattern {
  plugin: string;
  /** Matches a URL key; a `name` group must then be one of `names`. */
  regex: RegExp;
  /** The tags or categories the name stands for, as slugs; undefined when any name is accepted. */
  names?: ReadonlySet<string>;
}

/** A paginated page of jekyll-paginate-v2: its URL and nothing else is needed. */
export interface PaginatedPage {
  url: string;
}

const PLACEHOLDERS: Record<string, string> = {
  // Page 1 is the paginated page itself: pagination pages start at 2.
  num: "(?:[2-9]|[1-9]\\d+)",
  year: "\\d{4}",
  month: "\\d{2}",
  day: "\\d{2}",
  i_month: "\\d{1,2}",
  i_day: "\\d{1,2}",
  short_year: "\\d{2}",
  name: "(?<name>[^/]+)",
};

export function pluginPages(site: Site, paginated: readonly PaginatedPage[]): PluginPages {
  const { plugins } = site.jekyll;
  const fixed = new Map<string, string>();
  const patterns: PluginPattern[] = [];
  const labels = postLabels(site);
  const add = (plugin: string, template: string, names?: ReadonlySet<string>) => {
    if (template.includes(":")) patterns.push({ plugin, regex: templateRegex(template), names });
    else fixed.set(template, plugin);
  };
  if (plugins.feed) {
    const { feed } = plugins;
    add("jekyll-feed", feed.path);
    for (const category of feed.categories) add("jekyll-feed", `/feed/${category}.xml`);
    for (const collection of feed.collections) {
      add("jekyll-feed", collection.path);
      for (const category of collection.categories) {
        add("jekyll-feed", `/feed/${collection.name}/${category}.xml`);
      }
    }
    if (feed.tagsPath) add("jekyll-feed", `${feed.tagsPath}:name.xml`, labels?.tags);
  }
  if (plugins.paginate) add("jekyll-paginate", plugins.paginate.path);
  if (plugins.paginateV2) {
    const { permalink } = plugins.paginateV2;
    if (paginated.length === 0) {
      // The paginated pages are unknown (their texts were not read): under any page.
      patterns.push({ plugin: "jekyll-paginate-v2", regex: templateRegex(permalink, "(?:/.*)?") });
    }
    for (const page of paginated) {
      const folder = page.url.endsWith("/") ? page.url : posix.dirname(page.url);
      add("jekyll-paginate-v2", posix.join(folder, permalink));
    }
  }
  if (plugins.sitemap) {
    add("jekyll-sitemap", "/sitemap.xml");
    add("jekyll-sitemap", "/robots.txt");
  }
  for (const [kind, permalink] of Object.entries(plugins.archives?.permalinks ?? {})) {
    const names = kind === "tag" ? labels?.tags : kind === "category" ? labels?.categories : undefined;
    add("jekyll-archives", permalink.replace(/:type\b/g, kind as ArchiveKind), names);
  }
  return { fixed: withKeys(fixed), patterns };
}

/** The plugin that writes a URL key, if one does. */
export function findPluginPage(pages: PluginPages, key: string): string | undefined {
  const fixed = pages.fixed.get(key);
  if (fixed !== undefined) return fixed;
  for (const pattern of pages.patterns) {
    const match = pattern.regex.exec(key);
    if (!match) continue;
    const name = match.groups?.name;
    if (
      name === undefined ||
      pattern.names === undefined ||
      slugForms(name).some((form) => pattern.names?.has(form))
    ) {
      return pattern.plugin;
    }
  }
  return undefined;
}

/** A template's URL key as a regex: placeholders become what they may hold, the rest is literal. */
function templateRegex(template: string, prefix = ""): RegExp {
  const key = toKey(template);
  let source = "";
  let last = 0;
  for (const match of key.matchAll(/:([a-z_]+)/g)) {
    source += escapeRegex(key.slice(last, match.index));
    source += PLACEHOLDERS[match[1] as string] ?? "[^/]+";
    last = match.index + match[0].length;
  }
  source += escapeRegex(key.slice(last));
  return new RegExp(`^${prefix}${source === "/" && prefix !== "" ? "" : source}$`, "u");
}

function withKeys(fixed: Map<string, string>): Map<string, string> {
  return new Map([...fixed].map(([url, plugin]) => [toKey(url), plugin]));
}

/** Same normalisation as `urlKey` of documents.ts, without decoding: a template is written decoded. */
function toKey(url: string): string {
  const stripped = url
    .replace(/\/{2,}/g, "/")
    .replace(/\/index\.html?$/, "/")
    .replace(/\.html?$/, "")
    .replace(/\/+$/, "");
  return stripped === "" ? "/" : stripped;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The tags and categories of the site's posts, as slugs, when every post's text was read (the command line
 * reads them all); undefined otherwise (the app reads only the changed posts), and any name is accepted.
 */
function postLabels(site: Site): { tags: ReadonlySet<string>; categories: ReadonlySet<string> } | undefined {
  const tags = new Set<string>();
  const categories = new Set<string>();
  for (const path of site.posts) {
    const text = site.texts.get(path);
    if (text === undefined) return undefined;
    const frontMatter = readFrontMatter(text);
    const data = frontMatter.kind === "present" ? frontMatter.data : {};
    for (const tag of [...labelList(data.tags), ...labelList(data.tag)]) addForms(tags, tag);
    const folders = parsePostPath(path).folderCategories;
    for (const category of [...labelList(data.categories), ...labelList(data.category), ...folders]) {
      addForms(categories, category);
    }
  }
  return { tags, categories };
}

/** Jekyll splits a string of tags or categories on spaces; a list is taken item by item. */
function labelList(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\s+/).filter((item) => item !== "");
  if (Array.isArray(value))
    return value.filter((item) => typeof item === "string" || typeof item === "number").map(String);
  return [];
}

function addForms(set: Set<string>, label: string): void {
  for (const form of slugForms(label)) set.add(form);
}

/**
 * A label as jekyll-archives may write it in a URL: Jekyll's `slugify` (default mode: lowercase, runs of
 * characters other than letters and digits to one hyphen) with accents kept, or dropped (`latin` mode).
 */
function slugForms(label: string): string[] {
  const slug = label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const latin = slug.normalize("NFD").replace(/\p{M}/gu, "");
  return slug === latin ? [slug] : [slug, latin];
}
