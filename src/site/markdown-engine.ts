import { decodeNamedCharacterReference } from "decode-named-character-reference";

/**
 * The site's Markdown converter and the options that change what the reader sees: kramdown (Jekyll's
 * default) turns straight quotes into the characters of `smart_quotes` and `...`, `--`, `---`, `<<`, `>>`
 * into typographic symbols; jekyll-commonmark does the same with curly quotes when its options list `SMART`.
 */
export interface MarkdownEngine {
  /** `markdown:` of `_config.yml`, lowercased (`kramdown`, `commonmark`, `commonmarkghpages`…). */
  name: string;
  kramdown: KramdownOptions;
  /** `commonmark.options`, uppercased: `SMART` turns quotes, dashes and `...` typographic. */
  commonmarkOptions: readonly string[];
}

export interface KramdownOptions {
  /** `input`: `GFM` (Jekyll's default) or `kramdown`. */
  input: string;
  /**
   * `smart_quotes`, each resolved to its character: left single, right single (also the apostrophe), left
   * double, right double. Default `lsquo,rsquo,ldquo,rdquo`.
   */
  smartQuotes: readonly [string, string, string, string];
  /** `typographic_symbols`: a symbol's name (`hellip`, `mdash`, `laquo`…) → what kramdown writes instead. */
  typographicSymbols: Readonly<Record<string, string>>;
}

const DEFAULT_SMART_QUOTES = ["‘", "’", "“", "”"] as const;

export const DEFAULT_MARKDOWN_ENGINE: MarkdownEngine = {
  name: "kramdown",
  kramdown: { input: "GFM", smartQuotes: DEFAULT_SMART_QUOTES, typographicSymbols: {} },
  commonmarkOptions: [],
};

/** Reads `markdown:`, `kramdown:` and `commonmark:` from the parsed `_config.yml` mapping. */
export function readMarkdownEngine(data: Record<string, unknown>): MarkdownEngine {
  const kramdown = asRecord(data.kramdown);
  const commonmark = asRecord(data.commonmark);
  return {
    name:
      typeof data.markdown === "string" && data.markdown.trim() !== ""
        ? data.markdown.trim().toLowerCase()
        : "kramdown",
    kramdown: {
      input:
        typeof kramdown.input === "string" && kramdown.input.trim() !== "" ? kramdown.input.trim() : "GFM",
      smartQuotes: readSmartQuotes(kramdown.smart_quotes),
      typographicSymbols: readSymbols(kramdown.typographic_symbols),
    },
    commonmarkOptions: (Array.isArray(commonmark.options) ? commonmark.options : [])
      .filter((option): option is string => typeof option === "string")
      .map((option) => option.trim().toUpperCase()),
  };
}

/**
 * kramdown's `smart_quotes`: four entity names or code points, as a comma-separated string or a list
 * (`lsquo,rsquo,ldquo,rdquo`, `["apos", "apos", "laquo", "raquo"]`, `8216,8217,171,187`). A value kramdown
 * would refuse falls back to its default, as the build would not use it either.
 */
function readSmartQuotes(value: unknown): readonly [string, string, string, string] {
  const items =
    typeof value === "string"
      ? value.split(",")
      : Array.isArray(value)
        ? value.map((item) => String(item))
        : [];
  const characters = items.map((item) => entityCharacter(item.trim()));
  if (characters.length !== 4 || characters.some((character) => character === undefined)) {
    return DEFAULT_SMART_QUOTES;
  }
  return characters as [string, string, string, string];
}

function entityCharacter(entity: string): string | undefined {
  if (/^\d+$/.test(entity)) {
    const code = Number(entity);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const decoded = decodeNamedCharacterReference(entity);
  return decoded === false ? undefined : decoded;
}

function readSymbols(value: unknown): Record<string, string> {
  const symbols: Record<string, string> = {};
  for (const [name, output] of Object.entries(asRecord(value))) {
    if (typeof output === "string") symbols[name] = output;
  }
  return symbols;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
