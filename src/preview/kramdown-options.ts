import { decodeNamedCharacterReference } from "decode-named-character-reference";
import type { HeaderIdStyle } from "../links/kramdown-ids.js";
import { readMarkdownEngine } from "../site/markdown-engine.js";

/**
 * The `kramdown:` options of `_config.yml` that change what a page shows, with Jekyll's defaults
 * (Jekyll::Converters::Markdown::KramdownParser::DEFAULT_CONFIG, then kramdown's own defaults).
 */
export interface KramdownOptions {
  /** `GFM` (Jekyll's default) or `kramdown`: which header ids are made. */
  headerIdStyle: HeaderIdStyle;
  autoIds: boolean;
  autoIdPrefix: string;
  /** Characters for `'` and `"` opening and closing: left single, right single, left double, right double. */
  smartQuotes: readonly [string, string, string, string];
  /** What `---`, `--`, `...`, `<<`, `>>`, `<< ` and ` >>` become. */
  typographicSymbols: Readonly<Record<TypographicSymbol, string>>;
  hardWrap: boolean;
  tocLevels: ReadonlySet<number>;
  footnoteNumber: number;
  footnoteBacklink: string;
}

export type TypographicSymbol =
  | "mdash"
  | "ndash"
  | "hellip"
  | "laquo"
  | "raquo"
  | "laquo_space"
  | "raquo_space";

const DEFAULT_SYMBOLS: Record<TypographicSymbol, string> = {
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\u00ab",
  raquo: "\u00bb",
  laquo_space: "\u00ab\u00a0",
  raquo_space: "\u00a0\u00bb",
};

export const DEFAULT_KRAMDOWN_OPTIONS: KramdownOptions = {
  headerIdStyle: "gfm",
  autoIds: true,
  autoIdPrefix: "",
  smartQuotes: ["\u2018", "\u2019", "\u201c", "\u201d"],
  typographicSymbols: DEFAULT_SYMBOLS,
  hardWrap: false,
  tocLevels: new Set([1, 2, 3, 4, 5, 6]),
  footnoteNumber: 1,
  footnoteBacklink: "\u21a9",
};

/**
 * kramdown's options from the whole `_config.yml` mapping (any other value than a mapping: defaults).
 * `input`, `smart_quotes` and `typographic_symbols` are read as the typography rules read them
 * (src/site/markdown-engine.ts), so that the preview shows what those rules expect.
 */
export function readKramdownOptions(config: Record<string, unknown>): KramdownOptions {
  const raw = config.kramdown;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return DEFAULT_KRAMDOWN_OPTIONS;
  const options = raw as Record<string, unknown>;
  const engine = readMarkdownEngine(config).kramdown;
  const symbols = { ...DEFAULT_SYMBOLS };
  for (const [name, text] of Object.entries(engine.typographicSymbols)) {
    if (name in symbols) symbols[name as TypographicSymbol] = decodeEntities(text);
  }
  return {
    headerIdStyle: engine.input.toLowerCase() === "kramdown" ? "kramdown" : "gfm",
    autoIds: options.auto_ids !== false,
    autoIdPrefix: typeof options.auto_id_prefix === "string" ? options.auto_id_prefix : "",
    smartQuotes: engine.smartQuotes,
    typographicSymbols: symbols,
    hardWrap: options.hard_wrap === true,
    tocLevels: readTocLevels(options.toc_levels),
    footnoteNumber: typeof options.footnote_nr === "number" ? options.footnote_nr : 1,
    footnoteBacklink:
      typeof options.footnote_backlink === "string"
        ? decodeEntities(options.footnote_backlink)
        : DEFAULT_KRAMDOWN_OPTIONS.footnoteBacklink,
  };
}

function readTocLevels(value: unknown): ReadonlySet<number> {
  if (Array.isArray(value)) return new Set(value.filter((item): item is number => typeof item === "number"));
  const range = typeof value === "string" ? /^(\d)\.\.(\d)$/.exec(value.trim()) : null;
  if (range) {
    const levels = new Set<number>();
    for (let level = Number(range[1]); level <= Number(range[2]); level += 1) levels.add(level);
    return levels;
  }
  return DEFAULT_KRAMDOWN_OPTIONS.tocLevels;
}

/** `&hellip;`, `&#8230;` and `&#x2026;` in an option's text, as kramdown writes them out. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? entity : decoded;
  });
}
