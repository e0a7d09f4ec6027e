/**
 * The settings of the plugins that write pages no source file holds, read from `_config.yml` as each plugin
 * reads them (its defaults included). A plugin counts only when `plugins:` (or the older `gems:`) lists it:
 * a setting left behind for a plugin the site no longer loads generates nothing.
 */
export interface JekyllPlugins {
  /** The names listed under `plugins:` and `gems:`. */
  listed: readonly string[];
  /** jekyll-feed: the posts' feed and the per-category, per-collection and per-tag feeds. */
  feed?: FeedSettings;
  /** jekyll-paginate: pages 2, 3… of the index at `paginate_path`, when `paginate` is set. */
  paginate?: { path: string };
  /** jekyll-paginate-v2: pages 2, 3… under each paginated page, at `pagination.permalink`. */
  paginateV2?: { permalink: string };
  /** jekyll-sitemap: `/sitemap.xml` and `/robots.txt`. */
  sitemap: boolean;
  /** jekyll-archives: the archive kinds written out and their permalinks. */
  archives?: ArchiveSettings;
  /** jemoji: `:tada:` shortcodes become images. */
  jemoji: boolean;
}

export interface FeedSettings {
  /** The posts' feed, `feed.path` (default `/feed.xml`). */
  path: string;
  /** `feed.categories`: one feed each at `/feed/<category>.xml`. */
  categories: readonly string[];
  /** `feed.collections`: one feed each, at its `path` or `/feed/<name>.xml`, and its categories' feeds. */
  collections: readonly { name: string; path: string; categories: readonly string[] }[];
  /** `feed.tags`: one feed per tag at `<path><tag>.xml` (default path `/feed/by_tag/`). */
  tagsPath?: string;
}

export const ARCHIVE_KINDS = ["year", "month", "day", "tag", "category"] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export interface ArchiveSettings {
  /** The kinds listed in `jekyll-archives.enabled` (`all` for every one), with their permalinks. */
  permalinks: Partial<Record<ArchiveKind, string>>;
}

const ARCHIVE_DEFAULT_PERMALINKS: Record<ArchiveKind, string> = {
  year: "/:year/",
  month: "/:year/:month/",
  day: "/:year/:month/:day/",
  tag: "/tag/:name/",
  category: "/category/:name/",
};
/** `enabled` names the kinds in the plural for tags and categories (`[year, tags, categories]`). */
const ARCHIVE_ENABLED_NAMES: Record<string, ArchiveKind> = {
  year: "year",
  month: "month",
  day: "day",
  tags: "tag",
  categories: "category",
};

export const NO_PLUGINS: JekyllPlugins = { listed: [], sitemap: false, jemoji: false };

/** Reads the plugin settings from the parsed `_config.yml` mapping. */
export function readPlugins(data: Record<string, unknown>): JekyllPlugins {
  const listed = [...stringList(data.plugins), ...stringList(data.gems)];
  const has = (name: string) => listed.includes(name);
  return {
    listed,
    feed: has("jekyll-feed") ? readFeed(asRecord(data.feed)) : undefined,
    paginate:
      has("jekyll-paginate") && isPositive(data.paginate) ? readPaginate(data.paginate_path) : undefined,
    paginateV2: has("jekyll-paginate-v2") ? readPaginateV2(asRecord(data.pagination)) : undefined,
    sitemap: has("jekyll-sitemap"),
    archives: has("jekyll-archives") ? readArchives(asRecord(data["jekyll-archives"])) : undefined,
    jemoji: has("jemoji"),
  };
}

function readFeed(feed: Record<string, unknown>): FeedSettings {
  const collections: FeedSettings["collections"][number][] = [];
  const written = feed.collections;
  const entries: [string, Record<string, unknown>][] = Array.isArray(written)
    ? stringList(written).map((name) => [name, {}])
    : Object.entries(asRecord(written)).map(([name, settings]) => [name, asRecord(settings)]);
  for (const [name, settings] of entries) {
    if (name === "posts") continue;
    collections.push({
      name,
      path: rootPath(nonEmptyString(settings.path) ?? `/feed/${name}.xml`),
      categories: stringList(settings.categories),
    });
  }
  const tags = feed.tags;
  const tagsPath =
    tags === true ? "/feed/by_tag/" : tags && typeof tags === "object" ? tagPath(tags) : undefined;
  return {
    path: rootPath(nonEmptyString(feed.path) ?? "/feed.xml"),
    categories: stringList(feed.categories),
    collections,
    tagsPath,
  };
}

function tagPath(tags: object): string {
  const path = nonEmptyString(asRecord(tags).path) ?? "/feed/by_tag/";
  return rootPath(path.endsWith("/") ? path : `${path}/`);
}

/** Jekyll's default `paginate_path` is `/page:num`; a page without `:num` paginates nothing. */
function readPaginate(path: unknown): { path: string } | undefined {
  const written = nonEmptyString(path) ?? "/page:num";
  return written.includes(":num") ? { path: rootPath(written) } : undefined;
}

/** jekyll-paginate-v2 works only when `pagination.enabled` is true in `_config.yml`. */
function readPaginateV2(pagination: Record<string, unknown>): { permalink: string } | undefined {
  if (pagination.enabled !== true) return undefined;
  const permalink = nonEmptyString(pagination.permalink) ?? "/page/:num/";
  return permalink.includes(":num") ? { permalink: rootPath(permalink) } : undefined;
}

/** jekyll-archives writes nothing unless `enabled` names kinds (or is `all`). */
function readArchives(archives: Record<string, unknown>): ArchiveSettings | undefined {
  const enabled =
    archives.enabled === "all" || archives.enabled === true
      ? [...ARCHIVE_KINDS]
      : stringList(archives.enabled).flatMap((name) => ARCHIVE_ENABLED_NAMES[name] ?? []);
  if (enabled.length === 0) return undefined;
  const written = asRecord(archives.permalinks);
  const permalinks: ArchiveSettings["permalinks"] = {};
  for (const kind of enabled) {
    permalinks[kind] = rootPath(nonEmptyString(written[kind]) ?? ARCHIVE_DEFAULT_PERMALINKS[kind]);
  }
  return { permalinks };
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function isPositive(value: unknown): boolean {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number > 0;
}

function rootPath(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
