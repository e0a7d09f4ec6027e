/**
 * Where `.`, `:`, `;`, `!` or `?` written in prose is not French punctuation, so that no spacing rule splits
 * it from its neighbours: inside a name (`Vue.Js`, `ASP.NET`, `gov.uk`, `v1.2`), a scope (`::`), a shebang
 * (`#!`), or quoted alone in a transcript (`« ? »`, `"!"`, `(?)`). Emoji shortcodes (`:tada:`) are not prose
 * at all: extract-prose masks them.
 */

/** What ends a dotted name or a web address: a file type, a top-level domain, a framework's suffix. */
const NAME_ENDINGS = new Set(
  "js ts jsx tsx mjs cjs io net py rb go rs md php html htm css scss json yml yaml xml csv pdf txt zip exe sh app dev ai fr com org eu uk gov gouv info biz me co tv be ch ca de es it nl us".split(
    " ",
  ),
);
const NAME_UNIT = /[\p{L}\p{N}_+#-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPERCASE = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const SPACE = /[ \t\u00a0\u202f\u2009]/;

/** The run of name units `[start, end)` that ends right before `index` or starts right after it. */
function runBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && NAME_UNIT.test(text[start - 1] ?? "")) start--;
  return text.slice(start, index);
}

function runAfter(text: string, index: number): string {
  let end = index + 1;
  while (end < text.length && NAME_UNIT.test(text[end] ?? "")) end++;
  return text.slice(index + 1, end);
}

/**
 * The full stop at `index` joins two parts of one name: `Node.Js`, `Socket.IO`, `ASP.NET`, `D3.js`,
 * `beta.gouv.Fr`, `v1.2`, rather than ending a sentence glued to the next (`problème.Cela`).
 */
export function isInsideDottedName(text: string, index: number): boolean {
  const left = runBefore(text, index);
  const right = runAfter(text, index);
  if (left === "" || right === "") return false;
  // A third part: `a.b.c`, `e.g.`, `1.2.3`.
  if (text[index - left.length - 1] === "." && LETTER_OR_DIGIT.test(text[index - left.length - 2] ?? ""))
    return true;
  const afterRight = index + 1 + right.length;
  if (text[afterRight] === "." && LETTER_OR_DIGIT.test(text[afterRight + 1] ?? "")) return true;
  if (NAME_ENDINGS.has(right.toLowerCase())) return true;
  // `Ember.Data`, `Vue.Router`: a capital before the stop names a product. A sentence glued after a proper
  // noun (`Paris.Ensuite`) is missed, rather than a name split by a fix that claims to be safe.
  if (UPPERCASE.test(left[0] ?? "")) return true;
  // `Socket.IO`, `iOS`, `D3.Js`, `NodeJs.Org`: capitals or digits inside a part are a name's, not a sentence's.
  const hasInnerCapital = (part: string) => UPPERCASE.test(part.slice(1));
  if (hasInnerCapital(right) || hasInnerCapital(left)) return true;
  return DIGIT.test(left) || DIGIT.test(right);
}

/** `#!`: a shebang named in prose. */
export function isShebang(text: string, index: number): boolean {
  return text[index] === "!" && text[index - 1] === "#";
}

const OPENERS = new Set(["«", '"', "“", "‘", "'", "(", "["]);
const CLOSERS = new Set(["»", '"', "”", "’", "'", ")", "]"]);
const MARKS = /[!?;:…]/;

/** The mark at `index` stands alone between quotes or brackets: `« ? »`, `"!"`, `(?)`, `[?!]`. */
export function isQuotedAlone(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (MARKS.test(text[before] ?? "") || SPACE.test(text[before] ?? ""))) before--;
  let after = index + 1;
  while (after < text.length && (MARKS.test(text[after] ?? "") || SPACE.test(text[after] ?? ""))) after++;
  const opener = text[before] ?? "";
  const closer = text[after] ?? "";
  if (!OPENERS.has(opener) || !CLOSERS.has(closer)) return false;
  // A straight quote opens and closes alike: in `"oui" ? "non"` the quotes around `?` belong to words.
  const isSymmetric = (quote: string) => quote === '"' || quote === "'";
  const isSpaced = /\s|\u00a0|\u202f/.test(text.slice(before + 1, after));
  return !(isSpaced && (isSymmetric(opener) || isSymmetric(closer)));
}

/** Any of the above: the mark at `index` is not punctuation to space. */
export function isNotPunctuation(text: string, index: number): boolean {
  switch (text[index]) {
    case ".":
      return isInsideDottedName(text, index);
    case ":":
      // `::before`, `std::vector`: a scope or a pseudo-element, never a colon of prose.
      if (text[index - 1] === ":" || text[index + 1] === ":") return true;
      return isQuotedAlone(text, index);
    case "!":
      return isShebang(text, index) || isQuotedAlone(text, index);
    default:
      return isQuotedAlone(text, index);
  }
}

/**
 * `merci !Rendez-vous`, `pourquoi ?Parce que`, `Note :voici`: a mark spaced from the word before, as French
 * punctuation is, but glued to the word after. Not `?lang=fr` or `:8080/x` (a query or an address), not
 * `::before`.
 */
export function isGluedToNextWord(text: string, index: number): boolean {
  const mark = text[index] ?? "";
  if (mark === "" || !"!?:;".includes(mark)) return false;
  if (!SPACE.test(text[index - 1] ?? "")) return false;
  if (!/\p{L}/u.test(text[index + 1] ?? "")) return false;
  if (isNotPunctuation(text, index)) return false;
  const word = /^[^\s]*/.exec(text.slice(index + 1, index + 200))?.[0] ?? "";
  return !/[=/&@\\]/.test(word);
}
