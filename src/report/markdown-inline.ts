/**
 * Puts text that comes from a post (messages quote it, paths name it) inside Markdown that GitHub renders,
 * without letting it open links, HTML, emphasis or code, or mention someone.
 */
export function escapeInline(text: string): string {
  return noMention(
    text
      .replace(/\s*[\r\n]+\s*/g, " ")
      .replace(/[<>]/g, (character) => (character === "<" ? "&lt;" : "&gt;"))
      .replace(/([\\`*_[\]])/g, "\\$1"),
  );
}

/**
 * A code span that holds any text: its fence is one backtick longer than the longest run inside, and a
 * space pads text that starts or ends with a backtick (CommonMark strips one such space on each side).
 * A Relecteur marker's opening gets an invisible zero-width space: the summary comment finds its parts by
 * their `<!-- relecteur:… -->` markers, which a post's title or text must not forge, even in code; other
 * comments (`<!--more-->`) stay as written, to be copied.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ").replace(/<!--(?=\s*\/?relecteur)/g, "<\u200b!--");
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const isPadded =
    flat.startsWith("`") || flat.endsWith("`") || (/^ /.test(flat) && / $/.test(flat) && flat.trim() !== "");
  return isPadded ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/** Text for a GFM table cell: a `|` would end the cell, even inside a code span. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/** The length of the longest run of `character` in `text`. */
export function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const each of text) {
    current = each === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * GitHub notifies `@name` wherever it renders outside code, escaped or not; a zero-width space after the
 * `@` keeps the text readable and nobody pinged.
 */
function noMention(text: string): string {
  return text.replace(/(^|[^\w@])@(?=[\w-])/g, "$1@\u200b");
}

const OPEN = "«\u00a0";
const CLOSE = "\u00a0»";

/**
 * A finding's message in Markdown: what a French message quotes from the post (`« x »`, no-break spaces
 * inside) goes in a code span, shown as written (a straight apostrophe, a space before a colon) and never
 * read as Markdown; the rest is escaped text.
 */
export function markdownMessage(message: string): string {
  return quotedParts(message)
    .map((part) => (part.isQuoted ? codeSpan(part.text) : escapeInline(part.text)))
    .join("");
}

/** A French text cut into what it says and what it quotes between `«\u00a0` and `\u00a0»`. */
export function quotedParts(message: string): { text: string; isQuoted: boolean }[] {
  const parts: { text: string; isQuoted: boolean }[] = [];
  let rest = message;
  for (let open = rest.indexOf(OPEN); open >= 0; open = rest.indexOf(OPEN)) {
    const end = quoteEnd(rest, open + OPEN.length);
    if (end < 0) break;
    if (open > 0) parts.push({ text: rest.slice(0, open), isQuoted: false });
    parts.push({ text: rest.slice(open + OPEN.length, end), isQuoted: true });
    rest = rest.slice(end + CLOSE.length);
  }
  if (rest !== "") parts.push({ text: rest, isQuoted: false });
  return parts;
}

/**
 * Where the quote whose text starts at `start` closes: at the first `\u00a0»` after balanced text, so that
 * « « … » » quotes « … » whole; else at the first one (the quote of a lone « or »).
 */
function quoteEnd(text: string, start: number): number {
  const first = text.indexOf(CLOSE, start);
  for (let end = first; end >= 0; end = text.indexOf(CLOSE, end + 1)) {
    const quoted = text.slice(start, end);
    if (count(quoted, "«") === count(quoted, "»")) return end;
  }
  return first;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
