import type { ProseBlock } from "../prose/prose-block.js";
import { isEnglishAt } from "../prose/prose-block.js";
import type { Fix } from "../types.js";

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/** What glues the parts of a name: `Vue.Js`, `ASP.NET`, `gov.uk`, `jean_dupont`, `contact@etat.fr`. */
const NAME_JOINER = /[.@_]/;

/**
 * True when a letter fix would change part of a name rather than a word: the word it touches is glued to
 * another by a dot, an `@` or an underscore (`Vue.Js`, `Node.js`, `ASP.NET`, a domain, an address), is an
 * all-caps acronym (`ETAT`, `EDF`), or has a capital after a small letter (`EtatCivil`, `iPhone`), unless the
 * fix replaces that whole name (a house-style entry that names it: `node.js` → `Node.js`).
 */
export function isInsideName(source: string, fix: Fix): boolean {
  let wordStart = fix.start;
  while (wordStart > 0 && WORD_CHARACTER.test(source[wordStart - 1] as string)) wordStart--;
  let wordEnd = fix.end;
  while (wordEnd < source.length && WORD_CHARACTER.test(source[wordEnd] as string)) wordEnd++;
  const isGlued = (joiner: string | undefined, neighbour: string | undefined) =>
    joiner !== undefined && NAME_JOINER.test(joiner) && WORD_CHARACTER.test(neighbour ?? "");
  let nameStart = wordStart;
  while (isGlued(source[nameStart - 1], source[nameStart - 2])) {
    nameStart--;
    while (nameStart > 0 && WORD_CHARACTER.test(source[nameStart - 1] as string)) nameStart--;
  }
  let nameEnd = wordEnd;
  while (isGlued(source[nameEnd], source[nameEnd + 1])) {
    nameEnd++;
    while (nameEnd < source.length && WORD_CHARACTER.test(source[nameEnd] as string)) nameEnd++;
  }
  if (fix.start <= nameStart && fix.end >= nameEnd) return false;
  if (nameStart !== wordStart || nameEnd !== wordEnd) return true;
  const word = source.slice(wordStart, wordEnd);
  const isAcronym = /^\p{Lu}{2,}$/u.test(word.replace(/[\p{N}\p{M}]/gu, ""));
  return isAcronym || /\p{Ll}\p{Lu}/u.test(word);
}

/**
 * True when a correction would write a space inside a name: between the parts of `Vue.Js`, `ASP.NET`,
 * `gov.uk` or `contact@etat.fr`. It keeps every letter, and still breaks the name. A sentence glued to the
 * next one (« livré.Bravo ») is not a name: a small word before the dot, a capitalised word after it.
 */
export function splitsName(source: string, fix: Fix): boolean {
  if (!/\s/u.test(fix.text) || /\s/u.test(source.slice(fix.start, fix.end))) return false;
  const joiner = source[fix.start - 1];
  if (joiner === undefined || !NAME_JOINER.test(joiner)) return false;
  const before = /[\p{L}\p{N}\p{M}]+$/u.exec(source.slice(Math.max(0, fix.start - 41), fix.start - 1))?.[0];
  const after = /^[\p{L}\p{N}\p{M}]+/u.exec(source.slice(fix.end, fix.end + 40))?.[0];
  if (before === undefined || after === undefined) return false;
  if (joiner !== ".") return true;
  const endsSentence = /^\p{Ll}/u.test(before) && /^\p{Lu}\p{Ll}/u.test(after);
  return !endsSentence;
}

/** The prose block and the index in its text of a source offset, when that offset is prose. */
export function proseAt(
  blocks: readonly ProseBlock[],
  offset: number,
): { block: ProseBlock; index: number } | undefined {
  for (const block of blocks) {
    const first = block.starts[0];
    const last = block.ends[block.ends.length - 1];
    if (first === undefined || last === undefined || offset < first || offset >= last) continue;
    const index = block.starts.findIndex(
      (start, at) => start <= offset && offset < (block.ends[at] as number),
    );
    if (index !== -1) return { block, index };
  }
  return undefined;
}

/**
 * Why a letter fix in prose must not be made, if it must not: it lies in English text (an English post, or
 * an English sentence of a French post), or inside a name.
 */
export function letterFixProblem(
  source: string,
  fix: Fix,
  prose: readonly ProseBlock[],
  frenchProse: readonly ProseBlock[],
): "english" | "name" | undefined {
  const place = proseAt(prose, fix.start);
  if (!place) return undefined; // Not prose: a link's address, a front matter value.
  if (!frenchProse.includes(place.block) || isEnglishAt(place.block, place.index)) return "english";
  return isInsideName(source, fix) ? "name" : undefined;
}
