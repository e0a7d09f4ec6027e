import { parseDocument } from "yaml";

/** What Relecteur needs from a Jekyll `_config.yml`. */
export interface JekyllConfig {
  url?: string;
  baseurl: string;
  /** The `permalink` key: a built-in style name or a template; Jekyll's default is `date`. */
  permalink: string;
  excerptSeparator: string;
  collectionsDir: string;
  collections: Record<string, JekyllCollection>;
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
};

/** Reads `_config.yml`; a broken file gives the defaults and a problem, never an exception. */
export function parseJekyllConfig(text: string): { config: JekyllConfig; problems: JekyllConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      line: error.linePos?.[0]?.line ?? 1,
      column: error.linePos?.[0]?.col ?? 1,
      message: `_config.yml illisible : ${error.message.split("\n")[0]}`,
    }));
    return { config: DEFAULT_JEKYLL_CONFIG, problems };
  }
  const data = asRecord(doc.toJS());
  return {
    config: {
      url: typeof data.url === "string" && data.url !== "" ? data.url.replace(/\/+$/, "") : undefined,
      baseurl: normalizeBaseurl(data.baseurl),
      permalink: typeof data.permalink === "string" && data.permalink !== "" ? data.permalink : "date",
      excerptSeparator: typeof data.excerpt_separator === "string" ? data.excerpt_separator : "\n\n",
      collectionsDir:
        typeof data.collections_dir === "string" ? data.collections_dir.replace(/^\/+|\/+$/g, "") : "",
      collections: readCollections(data.collections),
    },
    problems: [],
  };
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
