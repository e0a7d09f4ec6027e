import type { Root, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { KramdownOptions, TypographicSymbol } from "./kramdown-options.js";

/**
 * kramdown's smart quotes and typographic symbols (its `smart_quotes` and `typographic_syms` span
 * parsers), applied to the text of a Markdown tree. kramdown reads a paragraph left to right and, at each
 * place, takes the parser whose start matches first; the smart quote parser starts one character before
 * the quote (`[^\\]?["']`) when that character is still plain text, which is what its rules look at.
 */

/** kramdown 2's SQ_PUNCT and SQ_CLOSE (parser/kramdown/smart_quotes.rb). Ruby's `\w` and `\s` are ASCII. */
const SQ_PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const SQ_CLOSE = "[^ \\\\\\t\\r\\n\\[{(-]";

type Quote = "lsquo" | "rsquo" | "ldquo" | "rdquo";
/** What a rule writes: a group of the match kept as text, or a quote (`open`/`close` take the quote's kind). */
type Piece = { group: number } | { quote: Quote } | { open: number } | { close: number };

const RULES: readonly [RegExp, readonly Piece[]][] = [
  [/("|')(?=[_*]{1,2}\S)/y, [{ open: 1 }]],
  [new RegExp(`("|')(?=${SQ_PUNCT}(?!\\.\\.)(?![A-Za-z0-9_]))`, "y"), [{ close: 1 }]],
  [/([ \t\r\n\f\v]?)"'(?=[A-Za-z0-9_])/y, [{ group: 1 }, { quote: "ldquo" }, { quote: "lsquo" }]],
  [/([ \t\r\n\f\v]?)'"(?=[A-Za-z0-9_])/y, [{ group: 1 }, { quote: "lsquo" }, { quote: "ldquo" }]],
  [/([ \t\r\n\f\v]?)'(?=\d\ds)/y, [{ group: 1 }, { quote: "rsquo" }]],
  [/([ \t\r\n\f\v])('|")(?=[A-Za-z0-9_])/y, [{ group: 1 }, { open: 2 }]],
  [new RegExp(`(${SQ_CLOSE})('|")`, "y"), [{ group: 1 }, { close: 2 }]],
  [/("|')(?=[ \t\r\n\f\v]|s(?![A-Za-z0-9_])|$)/my, [{ close: 1 }]],
  [/([\s\S]?)'/y, [{ group: 1 }, { quote: "lsquo" }]],
  [/([\s\S]?)"/y, [{ group: 1 }, { quote: "ldquo" }]],
];

const SYMBOLS: readonly [string, TypographicSymbol][] = [
  ["---", "mdash"],
  ["--", "ndash"],
  ["...", "hellip"],
  ["<< ", "laquo_space"],
  [" >>", "raquo_space"],
  ["<<", "laquo"],
  [">>", "raquo"],
];

const QUOTE_INDEX: Record<Quote, 0 | 1 | 2 | 3> = { lsquo: 0, rsquo: 1, ldquo: 2, rdquo: 3 };

/** A remark transform: `source` is the Markdown the tree was parsed from (its positions point into it). */
export function applyTypography(tree: Root, source: string, options: KramdownOptions): void {
  visit(tree, (node) => {
    if (node.type === "inlineCode" || node.type === "code" || node.type === "html") return SKIP;
    if (node.type !== "text") return;
    const text = node as Text;
    const end = text.position?.end.offset;
    // The lookaheads of the rules see the Markdown that follows (`"*mot*"`), as kramdown does.
    const after = end === undefined ? "" : source.slice(end, end + 8);
    text.value = typographize(text.value, after, options);
  });
}

/** One run of plain text: its first character follows an element, so no quote rule sees a character before it. */
export function typographize(text: string, after: string, options: KramdownOptions): string {
  let out = "";
  let plainStart = 0;
  let index = 0;
  const subject = text + after;
  while (index < text.length) {
    const symbol = SYMBOLS.find(([written]) => text.startsWith(written, index));
    if (symbol) {
      out += options.typographicSymbols[symbol[1]];
      index += symbol[0].length;
      plainStart = index;
      continue;
    }
    const next = text[index + 1];
    const startsQuote =
      (text[index] !== "\\" && (next === '"' || next === "'") && index >= plainStart) ||
      ((text[index] === '"' || text[index] === "'") && index === plainStart);
    if (!startsQuote) {
      out += text[index];
      index += 1;
      continue;
    }
    const applied = applyQuoteRule(subject, index, options);
    out += applied.text;
    index = Math.min(applied.end, text.length);
    plainStart = index;
  }
  return out;
}

function applyQuoteRule(
  subject: string,
  at: number,
  options: KramdownOptions,
): { text: string; end: number } {
  for (const [pattern, pieces] of RULES) {
    pattern.lastIndex = at;
    const match = pattern.exec(subject);
    if (!match) continue;
    const text = pieces
      .map((piece) => {
        if ("group" in piece) return match[piece.group] ?? "";
        if ("quote" in piece) return options.smartQuotes[QUOTE_INDEX[piece.quote]];
        const quote = match["open" in piece ? piece.open : piece.close];
        const kind = quote === '"' ? 2 : 0;
        return options.smartQuotes[kind + ("open" in piece ? 0 : 1)];
      })
      .join("");
    return { text, end: at + match[0].length };
  }
  // Unreachable: the last two rules take any quote; kept so that a character is never lost.
  return { text: subject[at] ?? "", end: at + 1 };
}
