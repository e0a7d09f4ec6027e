import type { Config } from "../../config/schema.js";

/**
 * The whole lexicon compiled into one Aho–Corasick automaton, so that a text is read once whatever the
 * number of entries (one regular expression per term read it once per term: 1,000 terms took 93 s on a
 * post). It finds what those expressions found: whole words; `'` and `’` alike; any run of whitespace
 * between words (a line may break there); case respected for the forms to avoid and for the preferred
 * form, ignored for an entry without `avoid` (simple case folding, as the `iu` flags did).
 *
 * Hand-written rather than taken from npm: the maintained package measured (modern-ahocorasick 3.3)
 * segments graphemes with `Intl.Segmenter` and took 200 to 480 ms to search 30 K characters.
 */

export type LexiconEntry = Config["lexicon"][number];

export interface TextRange {
  from: number;
  to: number;
}

/** What one form of one entry matched in a text, in the text's UTF-16 offsets. */
export interface TermMatches {
  entry: LexiconEntry;
  /** Without `avoid`, every casing of `use` is matched, `use` itself included: the caller skips that one. */
  isCaseOnly: boolean;
  matches: TextRange[];
  /**
   * Where the entry's preferred form itself stands, sorted: an avoided form found inside it (« mail » in
   * « e-mail ») is fine. Empty for a case-only entry.
   */
  preferredRanges: TextRange[];
}

interface Form {
  entry: LexiconEntry;
  /** The form reported (an avoided one or a case-only `use`); otherwise the entry's preferred form. */
  isReported: boolean;
  isCaseOnly: boolean;
  /** The normalised form the text must equal, case included; undefined when case does not matter. */
  exact: string | undefined;
  /** The entry's index: its reported forms look up its preferred form's matches by it. */
  entryIndex: number;
  /** Rank among the reported forms, in the lexicon's order. */
  order: number;
}

const WHITESPACE = /\s/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** `’` as `'`: the only substitution that keeps lengths, so that offsets survive. */
function unifyApostrophe(character: string): string {
  return character === "’" ? "'" : character;
}

/**
 * Simple case folding, one UTF-16 unit for one (lengths kept): lower case of the upper case catches `ſ`
 * and `ς`, which the `iu` flags fold; dotless `ı` folds to nothing else there.
 */
function fold(character: string): string {
  if (character === "ı") return character;
  const folded = character.toUpperCase().toLowerCase();
  if (folded.length === character.length) return folded;
  const lower = character.toLowerCase();
  return lower.length === character.length ? lower : character;
}

/** A term as the automaton stores it: trimmed, one space between words, `'` for apostrophes. */
function normaliseTerm(term: string): string {
  return [...term.trim().split(/\s+/).join(" ")].map(unifyApostrophe).join("");
}

function foldText(text: string): string {
  let folded = "";
  for (const character of text) folded += fold(character);
  return folded;
}

/** A text with its whitespace runs collapsed to one space, and where each unit comes from. */
interface NormalisedText {
  exact: string;
  folded: string;
  starts: Int32Array;
  ends: Int32Array;
}

function normaliseText(text: string): NormalisedText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let exact = "";
  let folded = "";
  let length = 0;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) as number;
    const character = String.fromCodePoint(codePoint);
    if (WHITESPACE.test(character)) {
      const start = index;
      while (index < text.length && WHITESPACE.test(text[index] as string)) index++;
      exact += " ";
      folded += " ";
      starts[length] = start;
      ends[length] = index;
      length++;
      continue;
    }
    const unified = unifyApostrophe(character);
    exact += unified;
    folded += fold(unified);
    for (let unit = 0; unit < character.length; unit++) {
      starts[length] = index + unit;
      ends[length] = index + unit + 1;
      length++;
    }
    index += character.length;
  }
  return { exact, folded, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const codePoint = text.codePointAt(index) as number;
  return WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isWordAt(text, isLowSurrogate && index >= 2 ? index - 2 : index - 1);
}

/**
 * An Aho–Corasick automaton over UTF-16 units: `search` calls back with each key's id and end. Units are
 * numbered (symbols, from 1) among those the keys use; a node's children sit side by side in typed arrays
 * (a map per node, or one big map, cost seconds to build and tens of milliseconds a post at 10,000 terms).
 */
class Automaton {
  /** Unit → symbol; a unit no key uses has none and leads back to the root. */
  private readonly symbols = new Map<number, number>();
  /** The children of node n are `childSymbols/childNodes[firstChild[n] … firstChild[n + 1])`. */
  private readonly firstChild: Int32Array;
  private readonly childSymbols: Int32Array;
  private readonly childNodes: Int32Array;
  private readonly fail: Int32Array;
  /** The key ending at a node, else -1. */
  private readonly keyAt: Int32Array;
  /** The nearest node down the failure chain that ends a key, else -1. */
  private readonly outputLink: Int32Array;

  constructor(keys: readonly string[]) {
    const trie: Map<number, number>[] = [new Map()];
    const keyAt: number[] = [-1];
    for (const [key, text] of keys.entries()) {
      let node = 0;
      for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        let symbol = this.symbols.get(unit);
        if (symbol === undefined) {
          symbol = this.symbols.size + 1;
          this.symbols.set(unit, symbol);
        }
        const children = trie[node] as Map<number, number>;
        let child = children.get(symbol);
        if (child === undefined) {
          child = trie.length;
          children.set(symbol, child);
          trie.push(new Map());
          keyAt.push(-1);
        }
        node = child;
      }
      keyAt[node] = key;
    }
    const count = trie.length;
    this.firstChild = new Int32Array(count + 1);
    this.childSymbols = new Int32Array(count - 1);
    this.childNodes = new Int32Array(count - 1);
    let slot = 0;
    for (const [node, children] of trie.entries()) {
      this.firstChild[node] = slot;
      for (const [symbol, child] of children) {
        this.childSymbols[slot] = symbol;
        this.childNodes[slot] = child;
        slot++;
      }
    }
    this.firstChild[count] = slot;
    this.keyAt = Int32Array.from(keyAt);
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count).fill(-1);
    this.link();
  }

  private child(node: number, symbol: number): number {
    const end = this.firstChild[node + 1] as number;
    for (let slot = this.firstChild[node] as number; slot < end; slot++) {
      if (this.childSymbols[slot] === symbol) return this.childNodes[slot] as number;
    }
    return -1;
  }

  /** Failure and output links, breadth first. */
  private link(): void {
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      const end = this.firstChild[node + 1] as number;
      for (let slot = this.firstChild[node] as number; slot < end; slot++) {
        const symbol = this.childSymbols[slot] as number;
        const child = this.childNodes[slot] as number;
        let failure = 0;
        if (node !== 0) {
          let fallback = this.fail[node] as number;
          let next = this.child(fallback, symbol);
          while (next === -1 && fallback !== 0) {
            fallback = this.fail[fallback] as number;
            next = this.child(fallback, symbol);
          }
          failure = Math.max(next, 0);
        }
        this.fail[child] = failure;
        this.outputLink[child] =
          (this.keyAt[failure] as number) >= 0 ? failure : (this.outputLink[failure] as number);
        queue.push(child);
      }
    }
  }

  search(text: string, found: (key: number, end: number) => void): void {
    let node = 0;
    for (let index = 0; index < text.length; index++) {
      const symbol = this.symbols.get(text.charCodeAt(index));
      if (symbol === undefined) {
        node = 0;
        continue;
      }
      let next = this.child(node, symbol);
      while (next === -1 && node !== 0) {
        node = this.fail[node] as number;
        next = this.child(node, symbol);
      }
      node = Math.max(next, 0);
      let output = (this.keyAt[node] as number) >= 0 ? node : (this.outputLink[node] as number);
      while (output >= 0) {
        found(this.keyAt[output] as number, index + 1);
        output = this.outputLink[output] as number;
      }
    }
  }
}

export class LexiconMatcher {
  private readonly automaton: Automaton;
  private readonly keyLengths: number[] = [];
  /** Forms by key: several entries may share a key (`Pôle Emploi` avoided, `pôle emploi` case-only). */
  private readonly formsByKey: Form[][] = [];
  private hasReportedForms = false;

  constructor(lexicon: readonly LexiconEntry[]) {
    const keyIds = new Map<string, number>();
    const keys: string[] = [];
    let order = 0;
    const add = (form: Omit<Form, "exact" | "order">, term: string, isCaseSensitive: boolean) => {
      const normalised = normaliseTerm(term);
      if (normalised === "") return;
      const key = foldText(normalised);
      let id = keyIds.get(key);
      if (id === undefined) {
        id = keys.length;
        keyIds.set(key, id);
        keys.push(key);
        this.keyLengths.push(key.length);
        this.formsByKey.push([]);
      }
      const stored = { ...form, exact: isCaseSensitive ? normalised : undefined, order };
      (this.formsByKey[id] as Form[]).push(stored);
      this.hasReportedForms ||= form.isReported;
    };
    for (const [entryIndex, entry] of lexicon.entries()) {
      const avoided = entry.avoid ?? [];
      if (avoided.length === 0) {
        add({ entry, isReported: true, isCaseOnly: true, entryIndex }, entry.use, false);
        order++;
        continue;
      }
      for (const form of avoided) {
        add({ entry, isReported: true, isCaseOnly: false, entryIndex }, form, true);
        order++;
      }
    }
    for (const [entryIndex, entry] of lexicon.entries()) {
      if ((entry.avoid ?? []).length === 0) continue;
      add({ entry, isReported: false, isCaseOnly: false, entryIndex }, entry.use, true);
    }
    this.automaton = new Automaton(keys);
  }

  /** The matches of each form in `text`, in the lexicon's order; forms that match nothing are left out. */
  find(text: string): TermMatches[] {
    if (!this.hasReportedForms || text === "") return [];
    const normalised = normaliseText(text);
    const matchesByForm = new Map<Form, TextRange[]>();
    const preferredByEntry = new Map<number, TextRange[]>();
    // Between matches of one form, the leftmost wins and the next starts after it, as `matchAll` read them.
    const lastEnd = new Map<Form, number>();
    this.automaton.search(normalised.folded, (key, end) => {
      const start = end - (this.keyLengths[key] as number);
      const from = normalised.starts[start] as number;
      const to = normalised.ends[end - 1] as number;
      if (isWordBefore(text, from) || isWordAt(text, to)) return;
      for (const form of this.formsByKey[key] as Form[]) {
        if (form.exact !== undefined && normalised.exact.slice(start, end) !== form.exact) continue;
        if ((lastEnd.get(form) ?? -1) > from) continue;
        lastEnd.set(form, to);
        const ranges = form.isReported ? matchesByForm.get(form) : preferredByEntry.get(form.entryIndex);
        if (ranges) ranges.push({ from, to });
        else if (form.isReported) matchesByForm.set(form, [{ from, to }]);
        else preferredByEntry.set(form.entryIndex, [{ from, to }]);
      }
    });
    return [...matchesByForm]
      .sort(([a], [b]) => a.order - b.order)
      .map(([form, matches]) => ({
        entry: form.entry,
        isCaseOnly: form.isCaseOnly,
        matches,
        preferredRanges: preferredByEntry.get(form.entryIndex) ?? [],
      }));
  }
}

/** True when `[from, to)` lies inside one of `ranges` (sorted by start, not overlapping). */
export function isInsideAny(ranges: readonly TextRange[], from: number, to: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  let candidate: TextRange | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle] as TextRange;
    if (range.from <= from) {
      candidate = range;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return candidate !== undefined && to <= candidate.to;
}

const matchers = new WeakMap<readonly LexiconEntry[], LexiconMatcher>();

/** The matcher of a configuration's lexicon, compiled once per configuration. */
export function lexiconMatcher(lexicon: readonly LexiconEntry[]): LexiconMatcher {
  let matcher = matchers.get(lexicon);
  if (!matcher) {
    matcher = new LexiconMatcher(lexicon);
    matchers.set(lexicon, matcher);
  }
  return matcher;
}
