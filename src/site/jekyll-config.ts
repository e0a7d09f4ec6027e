import { parseDocument } from "yaml";
import { type JekyllPlugins, NO_PLUGINS, readPlugins } from "./jekyll-plugins.js";
import { languageCode } from "./language-tag.js";
import { DEFAULT_MARKDOWN_ENGINE, type MarkdownEngine, readMarkdownEngine } from "./markdown-engine.js";

/** What Relecteur needs from a Jekyll `_config.yml`. */
export interface JekyllConfig {
  url?: string;
  baseurl: string;
  /** The `permalink` key: a built-in style name or a template; Jekyll's default is `date`. */
  permalink: string;
  excerptSeparator: string;
  collectionsDir: string;
  collections: Record<string, JekyllCollection>;
  /** The plugins listed and the settings of those that write pages of their own. */
  plugins: JekyllPlugins;
  /** `markdown:` and its options: what the converter changes in the text the reader sees. */
  markdownEngine: MarkdownEngine;
  /**
   * The site's language code, from `lang` (else `locale`, else `language`, as themes name it): the default
   * of posts that do not mark their own.
   */
  lang?: string;
}

export interface JekyllCollection {
  output: boolean;
  permalink?: string;
}

export interface JekyllConfigProblem {
  line: number;
  column: number;
  message: string;
}

export const DEFAULT_JEKYLL_CONFIG: JekyllConfig = {
  baseurl: "",
  permalink: "date",
  excerptSeparator: "\n\n",
  collectionsDir: "",
  collections: {},
  plugins: NO_PLUGINS,
  markdownEngine: DEFAULT_MARKDOWN_ENGINE,
};

/**
 * Reads `_config.yml`. Jekyll's YAML parser (Psych) accepts a comment glued to a value (`path: ""# all`),
 * which the YAML spec refuses: that error alone is ignored. Other errors are reported, and whatever
 * mapping could still be read is used, so that the site model degrades rather than disappears.
 */
export function parseJekyllConfig(text: string): { config: JekyllConfig; problems: JekyllConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  let value: unknown;
  try {
    value = doc.toJS();
  } catch {
    value = undefined;
  }
  const isMapping = value !== null && typeof value === "object" && !Array.isArray(value);
  const problems: JekyllConfigProblem[] = doc.errors
    .filter((error) => !isPsychTolerated(error.code, error.message))
    .map((error) => ({
      line: error.linePos?.[0]?.line ?? 1,
      column: error.linePos?.[0]?.col ?? 1,
      message: `_config.yml illisible\u00a0: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
    }));
  if (!isMapping && problems.length === 0 && text.trim() !== "") {
    problems.push({
      line: 1,
      column: 1,
      message: "_config.yml illisible\u00a0: ce n’est pas une suite de «\u00a0clé: valeur\u00a0»",
    });
  }
  if (!isMapping) return { config: DEFAULT_JEKYLL_CONFIG, problems };
  const data = asRecord(value);
  return {
    config: {
      url: typeof data.url === "string" && data.url !== "" ? data.url.replace(/\/+$/, "") : undefined,
      baseurl: normalizeBaseurl(data.baseurl),
      permalink: typeof data.permalink === "string" && data.permalink !== "" ? data.permalink : "date",
      excerptSeparator: typeof data.excerpt_separator === "string" ? data.excerpt_separator : "\n\n",
      collectionsDir:
        typeof data.collections_dir === "string" ? data.collections_dir.replace(/^\/+|\/+$/g, "") : "",
      collections: readCollections(data.collections),
      plugins: readPlugins(data),
      markdownEngine: readMarkdownEngine(data),
      lang: languageCode(data.lang) ?? languageCode(data.locale) ?? languageCode(data.language),
    },
    problems,
  };
}

function isPsychTolerated(code: string, message: string): boolean {
  return code === "MISSING_CHAR" && message.startsWith("Comments must be separated");
}

function readCollections(value: unknown): Record<string, JekyllCollection> {
  const collections: Record<string, JekyllCollection> = {};
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name === "string") collections[name] = { output: false };
    return collections;
  }
  for (const [name, settings] of Object.entries(asRecord(value))) {
    const record = asRecord(settings);
    collections[name] = {
      output: record.output === true,
      permalink: typeof record.permalink === "string" ? record.permalink : undefined,
    };
  }
  return collections;
}

function normalizeBaseurl(value: unknown): string {
  if (typeof value !== "string") return "";
  const trimmed = value.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
