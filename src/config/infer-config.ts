import { parseDocument } from "yaml";
import { readFrontMatter } from "../review/front-matter.js";

/** What `relecteur init` reads of a site: its files, `_config.yml` and the text of its posts. */
export interface SiteSample {
  files: readonly string[];
  configText?: string;
  /** Post path → text. */
  posts: ReadonlyMap<string, string>;
}

/** What the site shows, each fact with the figures that justify it (written as comments). */
export interface SiteFacts {
  postCount: number;
  authorsCollection?: { folder: string; key: string; known: number; used: number };
  /** Front matter fields carried by at least 90 % of the posts, most frequent first. */
  commonFields: { key: string; count: number }[];
  /** The most written unordered list marker; `dominant` when it has at least 80 % of the items. */
  listMarker?: { marker: "-" | "*" | "+"; share: number; total: number; dominant: boolean };
  languageKey?: { key: string; values: Record<string, number> };
  siteLang?: string;
  url?: string;
  baseurl?: string;
  plugins: string[];
  excerptSeparator?: { separator: string; count: number };
}

const LANGUAGE_KEYS = ["lang", "language", "locale"] as const;
const AUTHOR_KEYS = ["authors", "author"] as const;
/** Jekyll fills these itself or they are layout plumbing: never worth requiring. */
const NOT_REQUIRED = new Set(["layout", "permalink", "published", "date", "redirect_from", ...LANGUAGE_KEYS]);
const COMMON_SHARE = 0.9;
const DOMINANT_MARKER_SHARE = 0.8;

export function inferSiteFacts(sample: SiteSample): SiteFacts {
  const siteConfig = readYamlMapping(sample.configText);
  const frontMatters = [...sample.posts.values()].map((text) => {
    const frontMatter = readFrontMatter(text);
    return frontMatter.kind === "present"
      ? { data: frontMatter.data, body: text.slice(frontMatter.bodyStart) }
      : { data: {}, body: text };
  });
  const postCount = frontMatters.length;
  const fieldCounts = new Map<string, number>();
  for (const { data } of frontMatters) {
    for (const [key, value] of Object.entries(data)) {
      if (value !== null && value !== "") fieldCounts.set(key, (fieldCounts.get(key) ?? 0) + 1);
    }
  }
  const commonFields = [...fieldCounts]
    .filter(([key, count]) => !NOT_REQUIRED.has(key) && postCount > 0 && count >= COMMON_SHARE * postCount)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([key, count]) => ({ key, count }));
  const separator = stringOf(siteConfig.excerpt_separator);
  const withSeparator = separator ? frontMatters.filter(({ body }) => body.includes(separator)).length : 0;
  return {
    postCount,
    authorsCollection: findAuthorsCollection(
      sample.files,
      frontMatters.map(({ data }) => data),
    ),
    commonFields,
    listMarker: dominantListMarker(frontMatters.map(({ body }) => body)),
    languageKey: findLanguageKey(frontMatters.map(({ data }) => data)),
    siteLang: stringOf(siteConfig.lang) ?? stringOf(siteConfig.language) ?? stringOf(siteConfig.locale),
    url: stringOf(siteConfig.url),
    baseurl: stringOf(siteConfig.baseurl),
    plugins: [...arrayOfStrings(siteConfig.plugins), ...arrayOfStrings(siteConfig.gems)],
    excerptSeparator: separator ? { separator, count: withSeparator } : undefined,
  };
}

/** The collection folder whose file names are the ids the posts' `authors` (or `author`) name. */
function findAuthorsCollection(
  files: readonly string[],
  frontMatters: readonly Record<string, unknown>[],
): SiteFacts["authorsCollection"] {
  const idsByFolder = new Map<string, Set<string>>();
  for (const file of files) {
    const match = /^(_[^/]+)\/([^/]+)\.(?:md|markdown|html)$/.exec(file);
    if (!match?.[1] || !match[2] || match[1] === "_posts" || match[1] === "_drafts") continue;
    const ids = idsByFolder.get(match[1]) ?? new Set<string>();
    ids.add(match[2]);
    idsByFolder.set(match[1], ids);
  }
  let best: SiteFacts["authorsCollection"];
  for (const key of AUTHOR_KEYS) {
    const used = frontMatters.flatMap((data) => arrayOfStrings(data[key]));
    if (used.length === 0) continue;
    for (const [folder, ids] of idsByFolder) {
      const known = used.filter((id) => ids.has(id)).length;
      if (known >= used.length / 2 && (!best || known > best.known))
        best = { folder, key, known, used: used.length };
    }
  }
  return best;
}

/** The unordered list marker written at least 80 % of the time, outside code fences. */
function dominantListMarker(bodies: readonly string[]): SiteFacts["listMarker"] {
  const counts = { "-": 0, "*": 0, "+": 0 };
  for (const body of bodies) {
    let inFence = false;
    for (const line of body.split("\n")) {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      const marker = inFence ? undefined : /^ {0,3}([-*+])[ \t]+\S/.exec(line)?.[1];
      // `* * *` and `- - -` are thematic breaks, not list items.
      if (marker && !/^\s*([-*])(\s*\1){2,}\s*$/.test(line)) counts[marker as keyof typeof counts]++;
    }
  }
  const total = counts["-"] + counts["*"] + counts["+"];
  if (total === 0) return undefined;
  const [marker, count] = (Object.entries(counts) as ["-" | "*" | "+", number][]).sort(
    (a, b) => b[1] - a[1],
  )[0] ?? ["-", 0];
  return { marker, share: count / total, total, dominant: count >= DOMINANT_MARKER_SHARE * total };
}

function findLanguageKey(frontMatters: readonly Record<string, unknown>[]): SiteFacts["languageKey"] {
  let best: SiteFacts["languageKey"];
  let bestCount = 0;
  for (const key of LANGUAGE_KEYS) {
    const values: Record<string, number> = {};
    for (const data of frontMatters) {
      const value = stringOf(data[key]);
      if (value) values[value] = (values[value] ?? 0) + 1;
    }
    const count = Object.values(values).reduce((sum, n) => sum + n, 0);
    if (count > bestCount) {
      best = { key, values };
      bestCount = count;
    }
  }
  return best;
}

function readYamlMapping(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = parseDocument(text, { uniqueKeys: false }).toJS();
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {}; // A broken _config.yml is reported by `relecteur check`; init writes the defaults for it.
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function arrayOfStrings(value: unknown): string[] {
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
