import { Drop } from "liquidjs";
import { ZonedDate } from "./jekyll-dates.js";
import type { Omissions } from "./omissions.js";
import { readSiteData } from "./site-data.js";
import { readCollection, readPages, readPosts, type SiteSetup } from "./site-documents.js";

/**
 * `site` in templates: `_config.yml`'s keys, and what Jekyll gathers (`posts`, `pages`, collections,
 * `data`, `categories`, `tags`…) read only when a template asks for it, so that a preview read through the
 * GitHub API fetches only the files its layouts use.
 */
export class SiteDrop extends Drop {
  /**
   * @param loaded what was read for earlier pages of the same files (their posts, collections, data),
   *   shared so that a second page costs no new reads; `related_posts` depends on the page and is not kept.
   * @param omissions where a data file that does not parse is reported (shared by the pages, too).
   */
  constructor(
    private readonly setup: SiteSetup,
    private readonly omissions: Omissions,
    private readonly currentPostUrl: string,
    private readonly loaded: Map<string, Promise<unknown>> = new Map(),
  ) {
    super();
  }

  override liquidMethodMissing(key: string): unknown {
    const { config } = this.setup;
    if (key === "time") return new ZonedDate(this.setup.now.getTime(), this.setup.zone);
    const lazy = this.lazyValue(key);
    if (lazy === undefined) return config[key];
    if (key === "related_posts") return lazy();
    let value = this.loaded.get(key);
    if (value === undefined) {
      value = lazy();
      this.loaded.set(key, value);
    }
    return value;
  }

  private lazyValue(key: string): (() => Promise<unknown>) | undefined {
    const collections = this.collectionNames();
    switch (key) {
      case "posts":
        return () => readPosts(this.setup);
      case "pages":
        return () => readPages(this.setup);
      case "html_pages":
        return async () =>
          ((await this.liquidMethodMissing("pages")) as Record<string, unknown>[]).filter(
            (page) => String(page.url).endsWith(".html") || String(page.url).endsWith("/"),
          );
      case "data":
        return () =>
          readSiteData(this.setup.source, this.setup.files, dataDir(this.setup.config), (message) =>
            this.omissions.add(message),
          );
      case "categories":
      case "tags":
        return async () =>
          groupPosts((await this.liquidMethodMissing("posts")) as Record<string, unknown>[], key);
      case "related_posts":
        return async () =>
          ((await this.liquidMethodMissing("posts")) as Record<string, unknown>[])
            .filter((post) => post.url !== this.currentPostUrl)
            .slice(0, 10);
      case "documents":
        return async () => {
          const all = await Promise.all(collections.map((name) => this.liquidMethodMissing(name)));
          return (all as Record<string, unknown>[][]).flat();
        };
      case "collections":
        return async () =>
          Promise.all(
            ["posts", ...collections].map(async (label) => ({
              label,
              docs: await this.liquidMethodMissing(label),
              ...(collectionSettings(this.setup.config)[label] ?? {}),
            })),
          );
      case "static_files":
        return async () =>
          this.setup.files
            .filter((path) => !path.split("/").some((part) => part.startsWith("_") || part.startsWith(".")))
            .filter((path) => !/\.(?:md|markdown|html?|scss|sass)$/i.test(path))
            .map((path) => ({
              path: `/${path}`,
              name: path.split("/").at(-1),
              extname: path.replace(/^.*(\.[^./]+)$/, "$1"),
            }));
      default:
        return collections.includes(key) ? () => readCollection(this.setup, key) : undefined;
    }
  }

  private collectionNames(): string[] {
    return Object.keys(collectionSettings(this.setup.config)).filter((name) => name !== "posts");
  }
}

function collectionSettings(config: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const value = config.collections;
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), {}]));
  if (value === null || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([name, settings]) => [
      name,
      settings !== null && typeof settings === "object" ? (settings as Record<string, unknown>) : {},
    ]),
  );
}

function dataDir(config: Record<string, unknown>): string {
  return typeof config.data_dir === "string" ? config.data_dir.replace(/^\/+|\/+$/g, "") : "_data";
}

/** `site.categories` and `site.tags`: name → posts, in the posts' order. */
function groupPosts(posts: Record<string, unknown>[], key: "categories" | "tags"): Record<string, unknown[]> {
  const groups: Record<string, unknown[]> = {};
  for (const post of posts) {
    const names = Array.isArray(post[key]) ? (post[key] as unknown[]) : [];
    for (const name of names) {
      groups[String(name)] ??= [];
      groups[String(name)]?.push(post);
    }
  }
  return groups;
}
