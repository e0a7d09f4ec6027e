import { ENGLISH_DAYS, ENGLISH_MONTHS } from "./english-calendar.js";
import type { JekyllConfig } from "./jekyll-config.js";
import { isCalendarDate, type PostDate, type PostPathInfo } from "./post-path.js";

/**
 * A post's URL, computed the way Jekyll 4 does it (lib/jekyll/url.rb, drops/url_drop.rb,
 * document.rb, utils.rb `slugify`), so that links between posts can be checked without building the site.
 */

export interface PermalinkInput {
  post: PostPathInfo;
  /** Parsed YAML front matter of the post (strings, arrays, Date objects from js-yaml, numbers…). */
  frontMatter: Record<string, unknown>;
  /** The raw text of the `date:` value as written, e.g. `2017-07-06 10:00:00 +0200`. */
  frontMatterDateText?: string;
  jekyll: JekyllConfig;
}

/** A post's date and time as its author wrote them: wall clock, no time zone. */
interface PostDateTime extends PostDate {
  hour: number;
  minute: number;
  second: number;
}

/** Jekyll's built-in values of the `permalink` key (Configuration#style_to_permalink). */
const BUILT_IN_STYLES: ReadonlyMap<string, string> = new Map([
  ["date", "/:categories/:year/:month/:day/:title:output_ext"],
  ["pretty", "/:categories/:year/:month/:day/:title/"],
  ["ordinal", "/:categories/:year/:y_day/:title:output_ext"],
  ["weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"],
  ["none", "/:categories/:title:output_ext"],
]);

/** Kramdown's default `markdown_ext`: these files are written out as `.html`. */
const MARKDOWN_EXTENSIONS = new Set([".markdown", ".mkdown", ".mkdn", ".mkd", ".md"]);

const DAY_MS = 86_400_000;

/**
 * The post's URL path as Jekyll builds it, without baseurl, starting with "/", percent-escaped;
 * undefined when it cannot be known (no valid date in the file name nor the front matter and no
 * front-matter permalink, or a template Jekyll itself would reject).
 */
export function resolvePermalink(input: PermalinkInput): string | undefined {
  const frontMatterPermalink = readFrontMatterPermalink(input.frontMatter);
  const date = resolvePostDate(input);
  // Jekyll only reads dated files as posts: without a date, only an explicit permalink says where it goes.
  if (date === undefined && frontMatterPermalink === undefined) return undefined;
  const template = frontMatterPermalink ?? postsTemplate(input.jekyll);
  const expanded = expandTemplate(template, placeholdersOf(input, date));
  return expanded === undefined ? undefined : sanitizeUrl(expanded);
}

/** Absolute URL of a permalink on the site, like `absolute_url` (or `relative_url` when `url` is unset). */
export function siteUrl(jekyll: JekyllConfig, permalink: string): string {
  const path = permalink.startsWith("/") ? permalink : `/${permalink}`;
  return `${jekyll.url ?? ""}${jekyll.baseurl}${path}`;
}

/** An empty string counts: Ruby finds "" truthy, so `permalink: ""` sends the post to "/". */
function readFrontMatterPermalink(frontMatter: Record<string, unknown>): string | undefined {
  return typeof frontMatter.permalink === "string" ? frontMatter.permalink : undefined;
}

/** The `posts` collection's own permalink wins over the site's, which may be a built-in style name. */
function postsTemplate(jekyll: JekyllConfig): string {
  return jekyll.collections.posts?.permalink ?? BUILT_IN_STYLES.get(jekyll.permalink) ?? jekyll.permalink;
}

// ---------------------------------------------------------------------------------------------
// Date
// ---------------------------------------------------------------------------------------------

/**
 * The front matter's date overrides the file name's. Jekyll converts it to the build machine's time
 * zone, which we cannot know: we keep the wall clock time as written, which is what authors expect.
 */
function resolvePostDate({
  post,
  frontMatter,
  frontMatterDateText,
}: PermalinkInput): PostDateTime | undefined {
  if (frontMatterDateText !== undefined && frontMatterDateText.trim() !== "") {
    return parseDateText(frontMatterDateText);
  }
  const written = frontMatter.date;
  if (written instanceof Date) return fromUtcDate(written);
  if (typeof written === "string") return parseDateText(written);
  // Any other value makes Jekyll stop with "invalid date": the URL cannot be known.
  if (written !== undefined && written !== null) return undefined;
  return post.date && { ...post.date, hour: 0, minute: 0, second: 0 };
}

const DATE_TEXT = /^\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:\s+|[Tt])(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

function parseDateText(text: string): PostDateTime | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return validDateTime({
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  });
}

/** js-yaml already moved the instant to UTC: its UTC fields are the best left of the written time. */
function fromUtcDate(date: Date): PostDateTime | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

function validDateTime(date: PostDateTime): PostDateTime | undefined {
  const validTime = date.hour <= 23 && date.minute <= 59 && date.second <= 59;
  return isCalendarDate(date) && validTime ? date : undefined;
}

/** A calendar day as a UTC Date; `setUTCFullYear` keeps years below 100 as they are. */
function calendarDay({ year, month, day }: PostDate): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** strftime `%u`: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: PostDate): number {
  return calendarDay(date).getUTCDay() || 7;
}

/** strftime `%G` and `%V`: ISO 8601 weeks belong to the year of their Thursday. */
function isoWeek(date: PostDate): { weekYear: number; week: number } {
  const thursday = calendarDay(date);
  thursday.setUTCDate(thursday.getUTCDate() + 4 - isoWeekday(date));
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(calendarDay({ year: weekYear, month: 1, day: 1 }), thursday) / 7) + 1;
  return { weekYear, week };
}

/** strftime `%j`: 1 … 366. */
function dayOfYear(date: PostDate): number {
  return daysBetween(calendarDay({ year: date.year, month: 1, day: 1 }), calendarDay(date)) + 1;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** UrlDrop's date placeholders; Ruby's strftime names are English whatever the locale. */
function datePlaceholders(date: PostDateTime): [string, string][] {
  const monthName = ENGLISH_MONTHS[date.month - 1] ?? "";
  // ISO weekdays run 1 (Monday) to 7 (Sunday), which is 0 in `ENGLISH_DAYS`.
  const dayName = ENGLISH_DAYS[isoWeekday(date) % 7] ?? "";
  const { weekYear, week } = isoWeek(date);
  return [
    ["year", pad(date.year, 4)],
    ["short_year", pad(date.year % 100, 2)],
    ["month", pad(date.month, 2)],
    ["i_month", String(date.month)],
    ["short_month", monthName.slice(0, 3)],
    ["long_month", monthName],
    ["day", pad(date.day, 2)],
    ["i_day", String(date.day)],
    ["y_day", pad(dayOfYear(date), 3)],
    ["w_year", pad(weekYear, 4)],
    ["week", pad(week, 2)],
    ["w_day", String(isoWeekday(date))],
    ["short_day", dayName.slice(0, 3)],
    ["long_day", dayName],
    ["hour", pad(date.hour, 2)],
    ["minute", pad(date.minute, 2)],
    ["second", pad(date.second, 2)],
  ];
}

// ---------------------------------------------------------------------------------------------
// Placeholders that do not depend on the date
// ---------------------------------------------------------------------------------------------

/** Without a date, date placeholders stay unknown, so a template that needs them gives undefined. */
function placeholdersOf(input: PermalinkInput, date: PostDateTime | undefined): ReadonlyMap<string, string> {
  const slugSource = postSlug(input.post, input.frontMatter);
  return new Map([
    ["collection", "posts"],
    ["path", cleanedRelativePath(input.post, input.jekyll.collectionsDir)],
    ["name", slugify(fileStem(input.post), "default").toLowerCase()],
    ["title", slugify(slugSource, "pretty")],
    ["slug", slugify(slugSource, "default").toLowerCase()],
    ["categories", categoriesOf(input.post, input.frontMatter).join("/")],
    ["output_ext", outputExtension(input.post)],
    ...(date === undefined ? [] : datePlaceholders(date)),
  ]);
}

function fileStem(post: PostPathInfo): string {
  return post.fileName.slice(0, post.fileName.length - post.ext.length);
}

/** The front matter's `slug`, else the name after the date; Jekyll drops trailing periods from the latter. */
function postSlug(post: PostPathInfo, frontMatter: Record<string, unknown>): string {
  const { slug } = frontMatter;
  if (typeof slug === "string" || typeof slug === "number") return String(slug);
  return (post.slug ?? fileStem(post)).replace(/\.+$/, "");
}

/** Document#cleaned_relative_path: the path in the site, without extension nor the `_posts` folder. */
function cleanedRelativePath(post: PostPathInfo, collectionsDir: string): string {
  const prefix = `${collectionsDir}/`;
  const relative =
    collectionsDir !== "" && post.path.startsWith(prefix) ? post.path.slice(prefix.length) : post.path;
  return relative.slice(0, relative.length - post.ext.length).replace("_posts", "");
}

/** Renderer#output_ext: Markdown becomes `.html`, anything else keeps its extension. */
function outputExtension(post: PostPathInfo): string {
  return MARKDOWN_EXTENSIONS.has(post.ext.toLowerCase()) ? ".html" : post.ext;
}

/**
 * Utils.slugify with `cased: true` (callers downcase when Jekyll does). `default` turns every run of
 * characters other than letters, marks and digits (of any script) into one hyphen; `pretty` also keeps
 * `._~!$&'()+,;=@`. Then one hyphen is trimmed at each end (runs are already single hyphens).
 */
function slugify(text: string, mode: "default" | "pretty"): string {
  const replaceable = mode === "pretty" ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu;
  return text.replace(replaceable, "-").replace(/^-|-$/g, "");
}

/**
 * Folders above `_posts/` first, then `categories` (a list, or words of a string), then `category`
 * (one name, not split, or a list); UrlDrop then downcases them and removes duplicates.
 */
function categoriesOf(post: PostPathInfo, frontMatter: Record<string, unknown>): string[] {
  const categories = [
    ...post.folderCategories,
    ...namesOf(frontMatter.categories, (text) => text.split(/\s+/)),
    ...namesOf(frontMatter.category, (text) => [text]),
  ];
  return [
    ...new Set(categories.map((category) => category.toLowerCase()).filter((category) => category !== "")),
  ];
}

function namesOf(value: unknown, splitText: (text: string) => string[]): string[] {
  if (typeof value === "string") return splitText(value);
  if (Array.isArray(value)) return value.filter(isScalar).map(String);
  return isScalar(value) ? [String(value)] : [];
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

// ---------------------------------------------------------------------------------------------
// Template expansion, escaping and sanitizing (Jekyll::URL)
// ---------------------------------------------------------------------------------------------

/** Jekyll reads a placeholder as the longest run of `[a-z_]`, so `:i_month` never collides with `:month`. */
const PLACEHOLDER = /:([a-z_]+)/g;

/** Undefined when the template names a placeholder Jekyll does not know (Jekyll stops the build). */
function expandTemplate(template: string, placeholders: ReadonlyMap<string, string>): string | undefined {
  let expanded = "";
  let literalStart = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const value = placeholderValue(match[1] ?? "", placeholders);
    if (value === undefined) return undefined;
    expanded += escapeLiteral(template.slice(literalStart, match.index)) + value;
    literalStart = match.index + match[0].length;
  }
  return expanded + escapeLiteral(template.slice(literalStart));
}

/** `:month_:day` reads as `:month` then `_`: Jekyll retries a name without its trailing underscore. */
function placeholderValue(name: string, placeholders: ReadonlyMap<string, string>): string | undefined {
  const value = placeholders.get(name);
  if (value !== undefined) return escapeValue(value);
  const shorter = name.endsWith("_") ? placeholders.get(name.slice(0, -1)) : undefined;
  return shorter === undefined ? undefined : `${escapeValue(shorter)}_`;
}

/** Outside RFC 3986 `pchar` and `/`: what URL.escape_path percent-encodes in placeholder values. */
const UNSAFE_IN_VALUE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu;
/** Same, but an existing `%XX` escape in the template's own text is kept as written. */
const UNSAFE_IN_LITERAL = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

function escapeValue(value: string): string {
  return value.replace(UNSAFE_IN_VALUE, percentEncode);
}

/**
 * Jekyll leaves the template's own text unescaped in `page.url` and unescapes the URL to name the file:
 * escaping it here gives the URL a browser requests, in the same form as escaped placeholder values.
 */
function escapeLiteral(text: string): string {
  return text.replace(UNSAFE_IN_LITERAL, percentEncode);
}

const UTF8 = new TextEncoder();

function percentEncode(character: string): string {
  return Array.from(
    UTF8.encode(character),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");
}

/** URL#sanitize_url: a leading "/", `..` turned into "/", `./` dropped, repeated slashes collapsed. */
function sanitizeUrl(url: string): string {
  return `/${url}`
    .replaceAll("..", "/")
    .replaceAll("./", "")
    .replace(/\/{2,}/g, "/");
}
