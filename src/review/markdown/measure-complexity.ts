/**
 * A linear look at a post before it is parsed. The Markdown parser and the rules behind it cost more than
 * linear time on some shapes (thousands of nested quotes or lists, a paragraph of thousands of unmatched
 * `*`, `_` or `[`): 100 KB of them took minutes. No real post comes near the limits below (the 676 texts
 * of the beta.gouv.fr corpus peak at one quote, a nesting of 3, 18 emphasis marks and 7 brackets in one
 * paragraph), so a post past one is reported as too complex and never parsed.
 */
export const COMPLEXITY_LIMITS = {
  /** `>` markers opening one line. */
  quoteDepth: 32,
  /** Containers (quotes and list items) opening one line, written on it or implied by its indentation. */
  nestingDepth: 64,
  /** Runs of `*` or `_` in one paragraph (text between blank lines). */
  emphasisDelimiters: 200,
  /** `[` in one paragraph. */
  bracketOpeners: 200,
} as const;

export type ComplexityKind = keyof typeof COMPLEXITY_LIMITS;

export interface Excess {
  kind: ComplexityKind;
  /** The peak that passed the limit. */
  count: number;
  limit: number;
  /** Where the count first passed the limit, an offset in the source. */
  offset: number;
}

/** Columns of one level of list indentation, the smallest Markdown accepts. */
const LIST_INDENT = 2;
const TAB_WIDTH = 4;
const STAR = 42;
const UNDERSCORE = 95;
const OPENING_BRACKET = 91;

/** The peak of each measure in the source, and where it is; read once, in linear time. */
export function measureComplexity(source: string): Record<ComplexityKind, Peak> {
  const peaks: Record<ComplexityKind, Peak> = {
    quoteDepth: { count: 0, offset: 0 },
    nestingDepth: { count: 0, offset: 0 },
    emphasisDelimiters: { count: 0, offset: 0 },
    bracketOpeners: { count: 0, offset: 0 },
  };
  const raise = (kind: ComplexityKind, count: number, offset: number) => {
    const peak = peaks[kind];
    if (count <= peak.count) return;
    peak.count = count;
    peak.offset = offset;
    if (count > COMPLEXITY_LIMITS[kind] && peak.pastLimitAt === undefined) peak.pastLimitAt = offset;
  };
  let emphasis = 0;
  let brackets = 0;
  let fence: string | undefined;
  let lineStart = 0;
  for (;;) {
    const newline = source.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const line = source.slice(lineStart, lineEnd);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      // Inside a fenced code block nothing is parsed as Markdown.
      if (fenceMark?.startsWith(fence)) fence = undefined;
    } else if (fenceMark !== undefined) {
      fence = fenceMark;
    } else if (line.trim() === "") {
      emphasis = 0;
      brackets = 0;
    } else {
      const nesting = measureLinePrefix(line);
      raise("quoteDepth", nesting.quotes, lineStart);
      raise("nestingDepth", nesting.depth, lineStart);
      for (let index = 0; index < line.length; index++) {
        const code = line.charCodeAt(index);
        if ((code === STAR || code === UNDERSCORE) && line.charCodeAt(index - 1) !== code) {
          raise("emphasisDelimiters", ++emphasis, lineStart + index);
        } else if (code === OPENING_BRACKET) {
          raise("bracketOpeners", ++brackets, lineStart + index);
        }
      }
    }
    if (newline === -1) return peaks;
    lineStart = newline + 1;
  }
}

export interface Peak {
  count: number;
  /** Where the peak is. */
  offset: number;
  /** Where the count first passed its limit, if it did. */
  pastLimitAt?: number;
}

/** The first limit the source passes (in the order of `COMPLEXITY_LIMITS`); undefined for a real post. */
export function findExcess(source: string): Excess | undefined {
  const peaks = measureComplexity(source);
  for (const kind of Object.keys(COMPLEXITY_LIMITS) as ComplexityKind[]) {
    const { count, pastLimitAt } = peaks[kind];
    if (pastLimitAt !== undefined)
      return { kind, count, limit: COMPLEXITY_LIMITS[kind], offset: pastLimitAt };
  }
  return undefined;
}

/**
 * The containers that open a line: `>` markers and list markers (`-`, `*`, `+`, `1.`, `1)`) one after the
 * other, plus, for a list item, the levels of list its leading indentation implies.
 */
function measureLinePrefix(line: string): { quotes: number; depth: number } {
  let quotes = 0;
  let markers = 0;
  let leadingIndent = 0;
  let index = 0;
  for (;;) {
    const char = line[index];
    if (char === " " || char === "\t") {
      if (quotes + markers === 0) leadingIndent += char === "\t" ? TAB_WIDTH : 1;
      index++;
    } else if (char === ">") {
      quotes++;
      index++;
    } else {
      const length = listMarkerLength(line, index);
      if (length === 0) break;
      markers++;
      index += length;
    }
  }
  const impliedLevels = markers > 0 ? Math.floor(leadingIndent / LIST_INDENT) : 0;
  return { quotes, depth: quotes + markers + impliedLevels };
}

/** Length of the list marker (`-`, `*`, `+`, `1.`, `1)`) at `index`, followed by a blank or the line's end; 0 when none. */
function listMarkerLength(line: string, index: number): number {
  let end = index;
  const first = line[index];
  if (first === "-" || first === "*" || first === "+") end++;
  else {
    while (end - index < 9 && isDigit(line[end])) end++;
    if (end === index || (line[end] !== "." && line[end] !== ")")) return 0;
    end++;
  }
  const next = line[end];
  return next === undefined || next === " " || next === "\t" ? end - index : 0;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}
