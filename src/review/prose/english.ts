import {
  isEnglishEvidence,
  isFrenchEvidence,
  isSilent,
  isStronglyEnglish,
  type LanguageEvidence,
  languageEvidence,
} from "./language-evidence.js";

/**
 * A sentence, or a clause ending with `:` or `;`, with its final punctuation and the closing quotes or
 * brackets that follow it.
 */
const CLAUSE = /[^.!?…:;]+(?:[.!?…:;]+["'”’»)\]]*|$)/g;
/** The text of a quotation, without its marks: « … », “…”, "…". */
const QUOTATIONS = [/«([^«»]+)»/g, /“([^“”]+)”/g, /"([^"]+)"/g];

type Range = [number, number];

/**
 * The ranges of a French block's text written in English, where French rules stay silent. Each unit is
 * judged on its own: every sentence or clause, every quotation, and every `spans` range (the text of an
 * emphasis or a link: a talk title, a photo's title). A unit is English by its own words: those of the
 * quotations and spans inside it are theirs, not its (« Photo : [Why we moved](…) par Claire » is a French
 * credit around an English title), and a French unit inside an English one stays French (« in *L’art de se
 * lancer* »): units are judged from the outside in. A block whose clauses with any evidence are all English is English as a
 * whole (« Stay hungry. Move fast and break things. »). French guillemets and the spaces inside them stay
 * French: they are the French sentence's marks around an English quotation.
 */
export function findEnglishRanges(text: string, spans: readonly Range[] = []): Range[] {
  const english = new Uint8Array(text.length);
  const quoted = quotations(text);
  const units = [...quoted.map(({ content }) => content), ...spans]
    .flatMap((range) => trimmed(text, range))
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [start, end] of englishClauses(text, blank(text, units))) english.fill(1, start, end);
  units.forEach(([from, to], index) => {
    const inner = [];
    for (let next = index + 1; next < units.length && (units[next] as Range)[0] < to; next++) {
      const unit = units[next] as Range;
      if (unit[1] <= to && (unit[0] > from || unit[1] < to)) inner.push(unit);
    }
    const own = blank(text.slice(from, to), inner, from);
    if (isEnglishUnit(text.slice(from, to), own)) english.fill(1, from, to);
    else if (isFrenchEvidence(languageEvidence(own))) english.fill(0, from, to);
  });
  // Quotes “…” and "…" go by pairs: the closing one follows the opening one, or a rule pairing them would
  // find one alone (« As Linus put it, "talk is cheap: show me the code". » is English from end to end).
  for (const { open, close } of quoted) english[close] = english[open] as number;
  for (const match of text.matchAll(/[«»]/g)) {
    const isOpening = match[0] === "«";
    const from = isOpening ? match.index : spacesBefore(text, match.index);
    english.fill(0, from, isOpening ? spacesAfter(text, match.index + 1) : match.index + 1);
  }
  const ranges: Range[] = [];
  for (let index = 0; index < text.length; index++) {
    if (!english[index]) continue;
    const start = index;
    while (english[index + 1]) index++;
    ranges.push([start, index + 1]);
  }
  return ranges;
}

/**
 * English by its own words (`own`: the unit with its inner units blanked). A unit that has no word of its
 * own, only quotations and spans, takes their language when it leaves no doubt: `Le message : "x is not a
 * valid value."` keeps its quotes in the English sentence.
 */
function isEnglishUnit(whole: string, own: string): boolean {
  const evidence = languageEvidence(own);
  return isEnglishEvidence(evidence) || (isSilent(evidence) && isStronglyEnglish(languageEvidence(whole)));
}

function englishClauses(text: string, masked: string): Range[] {
  const clauses: { range: Range; evidence: LanguageEvidence; isEnglish: boolean }[] = [];
  for (const match of text.matchAll(CLAUSE)) {
    const range: Range = [match.index, match.index + match[0].length];
    const isEnglish = isEnglishUnit(match[0], masked.slice(range[0], range[1]));
    clauses.push({ range, evidence: languageEvidence(match[0]), isEnglish });
  }
  const judged = clauses.filter((clause) => !isSilent(clause.evidence));
  if (judged.length > 0 && judged.every((clause) => clause.isEnglish)) return [[0, text.length]];
  return clauses.filter((clause) => clause.isEnglish).map((clause) => clause.range);
}

interface Quotation {
  content: Range;
  /** Where its marks stand. */
  open: number;
  close: number;
}

function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  for (const pattern of QUOTATIONS) {
    for (const match of text.matchAll(pattern)) {
      const close = match.index + match[0].length - 1;
      found.push({ content: [match.index + 1, close], open: match.index, close });
    }
  }
  return found;
}

/**
 * The text (which starts at `offset` of the block) with the units' characters turned into spaces, so that
 * their words count for no one else.
 */
function blank(text: string, units: readonly Range[], offset = 0): string {
  if (units.length === 0) return text;
  const characters = text.split("");
  for (const [from, to] of units) characters.fill(" ", from - offset, to - offset);
  return characters.join("");
}

function spacesAfter(text: string, index: number): number {
  let end = index;
  while (end < text.length && /\s/.test(text[end] as string)) end++;
  return end;
}

function spacesBefore(text: string, index: number): number {
  let start = index;
  while (start > 0 && /\s/.test(text[start - 1] as string)) start--;
  return start;
}

/** `[from, to)` without the spaces at its ends: none when nothing is left. */
function trimmed(text: string, [from, to]: Range): Range[] {
  const start = spacesAfter(text, from);
  let end = to;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return start < end ? [[start, end]] : [];
}
