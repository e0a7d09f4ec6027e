import type { HeaderIdStyle } from "../links/kramdown-ids.js";

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

/** The named entities kramdown's options use most, beyond numeric ones (`#8217`). */
const ENTITIES: Record<string, string> = {
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  laquo: "\u00ab",
  raquo: "\u00bb",
  lsaquo: "\u2039",
  rsaquo: "\u203a",
  sbquo: "\u201a",
  bdquo: "\u201e",
  apos: "'",
  quot: '"',
  nbsp: "\u00a0",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
};

/** kramdown's options from the whole `_config.yml` mapping (any other value than a mapping: defaults). */
export function readKramdownOptions(config: Record<string, unknown>): KramdownOptions {
  const raw = config.kramdown;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return DEFAULT_KRAMDOWN_OPTIONS;
  const options = raw as Record<string, unknown>;
  const input = typeof options.input === "string" ? options.input : "GFM";
  return {
    headerIdStyle: input.toLowerCase() === "kramdown" ? "kramdown" : "gfm",
    autoIds: options.auto_ids !== false,
    autoIdPrefix: typeof options.auto_id_prefix === "string" ? options.auto_id_prefix : "",
    smartQuotes: readSmartQuotes(options.smart_quotes),
    typographicSymbols: readSymbols(options.typographic_symbols),
    hardWrap: options.hard_wrap === true,
    tocLevels: readTocLevels(options.toc_levels),
    footnoteNumber: typeof options.footnote_nr === "number" ? options.footnote_nr : 1,
    footnoteBacklink:
      typeof options.footnote_backlink === "string"
        ? decodeEntities(options.footnote_backlink)
        : DEFAULT_KRAMDOWN_OPTIONS.footnoteBacklink,
  };
}

/** `smart_quotes: lsquo,rsquo,ldquo,rdquo` or a list of four entity names or numbers. */
function readSmartQuotes(value: unknown): KramdownOptions["smartQuotes"] {
  const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (items?.length !== 4) return DEFAULT_KRAMDOWN_OPTIONS.smartQuotes;
  const chars = items.map((item) => entityChar(String(item).trim()));
  if (chars.some((char) => char === undefined)) return DEFAULT_KRAMDOWN_OPTIONS.smartQuotes;
  return chars as unknown as KramdownOptions["smartQuotes"];
}

/** `typographic_symbols: {hellip: "...", mdash: "---"}`: each listed symbol is written as given. */
function readSymbols(value: unknown): Record<TypographicSymbol, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return DEFAULT_SYMBOLS;
  const symbols = { ...DEFAULT_SYMBOLS };
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (name in symbols && typeof text === "string")
      symbols[name as TypographicSymbol] = decodeEntities(text);
  }
  return symbols;
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

/** An entity name (`rsquo`), number (`#8217`, `#x2019`) or the character itself. */
function entityChar(name: string): string | undefined {
  const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (numeric) {
    const digits = numeric[1] as string;
    const code =
      digits.startsWith("x") || digits.startsWith("X")
        ? Number.parseInt(digits.slice(1), 16)
        : Number(digits);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name] ?? ([...name].length === 1 ? name : undefined);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => entityChar(name) ?? entity);
}
