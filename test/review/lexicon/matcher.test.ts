import { describe, expect, it } from "vitest";
import { isInsideAny, type LexiconEntry, LexiconMatcher } from "../../../src/review/lexicon/matcher.js";

/**
 * The reference: one regular expression per form, as `lexicon/house-style` read the lexicon before it had
 * one matcher. What both report must be the same, form by form, match by match.
 */
function termSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]"))
    .join("\\s+");
}

const sameApostrophes = (text: string) => text.replace(/’/g, "'").replace(/\s+/g, " ");

const compiled = new Map<string, RegExp>();

function around(source: string, flags: string): RegExp {
  const key = `${flags}:${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, `g${flags}`);
    compiled.set(key, pattern);
  }
  return pattern;
}

function naiveReports(lexicon: readonly LexiconEntry[], text: string): string[] {
  const reports: string[] = [];
  for (const entry of lexicon) {
    const preferred = around(termSource(entry.use), "u");
    const isCaseOnly = !entry.avoid || entry.avoid.length === 0;
    const patterns = isCaseOnly
      ? [around(termSource(entry.use), "iu")]
      : (entry.avoid ?? []).map((avoided) => around(termSource(avoided), "u"));
    for (const pattern of patterns) {
      const preferredRanges = [...text.matchAll(preferred)].map((m) => ({
        from: m.index,
        to: m.index + m[0].length,
      }));
      for (const match of text.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (isCaseOnly && sameApostrophes(match[0]) === sameApostrophes(entry.use)) continue;
        if (preferredRanges.some(({ from, to }) => from <= match.index && end <= to)) continue;
        reports.push(`${entry.use}@${match.index}-${end}`);
      }
    }
  }
  return reports;
}

function matcherReports(lexicon: readonly LexiconEntry[], text: string): string[] {
  const reports: string[] = [];
  for (const { entry, matches, preferredRanges, isCaseOnly } of new LexiconMatcher(lexicon).find(text)) {
    for (const match of matches) {
      const written = text.slice(match.from, match.to);
      if (isCaseOnly && sameApostrophes(written) === sameApostrophes(entry.use)) continue;
      if (isInsideAny(preferredRanges, match.from, match.to)) continue;
      reports.push(`${entry.use}@${match.from}-${match.to}`);
    }
  }
  return reports;
}

/** A small deterministic generator, so that a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS = [
  "pôle",
  "Pôle",
  "POLE",
  "pole",
  "emploi",
  "Emploi",
  "e",
  "mail",
  "e-mail",
  "E-Mail",
  "d'État",
  "d’Etat",
  "startup",
  "DevOps",
  "devops",
  "DEVOPS",
  "État",
  "état",
  "œuvre",
  "Œuvre",
  "straße",
  "STRAẞE",
  "ſ",
  "s",
  "ς",
  "σ",
  "Σ",
  "ı",
  "i",
  "I",
  "İ",
  "K",
  "k",
  "2024",
  "a2",
  "😀",
  "x.y",
  "l'",
  "l’",
];
const SEPARATORS = [" ", " ", "\n", "  \n ", "\u00a0", "\u202f", "", "-", ", ", "’", "'", ".", "\t"];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function randomTerm(next: () => number): string {
  const words = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(next, WORDS));
  return words.join(pick(next, [" ", " ", "  ", "-"]));
}

function randomLexicon(next: () => number): LexiconEntry[] {
  return Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
    const use = randomTerm(next);
    if (next() < 0.4) return { use };
    return { use, avoid: Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomTerm(next)) };
  });
}

function randomText(next: () => number): string {
  let text = "";
  for (let index = 0; index < 40; index++) text += pick(next, WORDS) + pick(next, SEPARATORS);
  return text;
}

describe("the lexicon matcher", () => {
  // Compiling the reference's Unicode expressions is slow on a loaded machine: a generous limit, not a timing.
  it("reports what one regular expression per form reported, on 500 random lexicons and texts", {
    timeout: 120_000,
  }, () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const lexicon = randomLexicon(next);
      const text = randomText(next);
      const expected = naiveReports(lexicon, text);
      const actual = matcherReports(lexicon, text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`seed ${seed}: ${JSON.stringify({ lexicon, text, expected, actual })}`);
      }
    }
    expect(mismatches.slice(0, 3)).toStrictEqual([]);
  });

  it.each([
    { name: "whole words only", use: "mail", avoid: ["email"], text: "emails, email.", found: ["email"] },
    { name: "a number is part of a word", use: "X", avoid: ["v2"], text: "v2 v23 2v2", found: ["v2"] },
    {
      name: "case respected for a form to avoid",
      use: "Pôle emploi",
      avoid: ["Pôle Emploi"],
      text: "pôle emploi, PÔLE EMPLOI, Pôle Emploi",
      found: ["Pôle Emploi"],
    },
    {
      name: "accents are letters, not boundaries",
      use: "Etat",
      avoid: ["Eta"],
      text: "Etat Etaé Eta",
      found: ["Eta"],
    },
    {
      name: "an accented form is not its bare form",
      use: "Pôle",
      avoid: ["Pole"],
      text: "Pôle Pole",
      found: ["Pole"],
    },
    {
      name: "any whitespace between words",
      use: "Pôle emploi",
      avoid: ["Pôle Emploi"],
      text: "Pôle\n  Emploi et Pôle\u00a0Emploi",
      found: ["Pôle\n  Emploi", "Pôle\u00a0Emploi"],
    },
    {
      name: "either apostrophe",
      use: "startup d'État",
      avoid: ["start-up d'Etat"],
      text: "start-up d’Etat",
      found: ["start-up d’Etat"],
    },
    {
      name: "every casing without avoid",
      use: "DevOps",
      text: "devops DevOps DEVOPS DevOpsDays",
      found: ["devops", "DEVOPS"],
    },
    {
      name: "inside the preferred form, fine",
      use: "e-mail",
      avoid: ["mail"],
      text: "un e-mail, un mail",
      found: ["mail"],
    },
    {
      name: "a surrogate pair is no letter",
      use: "Ok",
      avoid: ["ok"],
      text: "😀ok😀 ok",
      found: ["ok", "ok"],
    },
  ])("$name", ({ use, avoid, text, found }) => {
    const lexicon: LexiconEntry[] = [avoid ? { use, avoid } : { use }];
    const written = new LexiconMatcher(lexicon)
      .find(text)
      .flatMap(({ matches, preferredRanges, isCaseOnly }) =>
        matches
          .filter((match) => !isInsideAny(preferredRanges, match.from, match.to))
          .map((match) => text.slice(match.from, match.to))
          .filter((slice) => !(isCaseOnly && slice === use)),
      );
    expect(written).toStrictEqual(found);
  });

  it("reads the text once whatever the number of entries: 10,000 entries find the one that is there", () => {
    const lexicon: LexiconEntry[] = Array.from({ length: 10_000 }, (_, index) => ({
      use: `Terme${index}`,
      avoid: [`terme${index}`],
    }));
    const found = new LexiconMatcher(lexicon).find("un terme9999 et un Terme42 et terme10000");
    expect(found.map(({ entry, matches }) => [entry.use, matches])).toStrictEqual([
      ["Terme9999", [{ from: 3, to: 12 }]],
    ]);
  });
});
