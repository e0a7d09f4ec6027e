/**
 * English passages in a French post: a sentence with at least three English function words and more of
 * them than French ones. Function words, not vocabulary, so that « startup », « product owner » or
 * « design » in French prose keep it French.
 */
const ENGLISH = new Set(
  "the and of to is are was were with for this that these those you we they it its be been not on in at by from have has will would can could should our your their which what who how why when there here an as or if but do does did".split(
    " ",
  ),
);
const FRENCH = new Set(
  "le la les des et est sont une un du pour que qui dans nous vous ils elles pas sur avec au aux ce cette ces il elle on en par plus mais ou où se sa son ses leur leurs été être avoir a ont je tu ne".split(
    " ",
  ),
);

/**
 * A sentence, or a clause ending with `:` or `;`, with its final punctuation and the closing quotes or
 * brackets that follow it.
 */
const CLAUSE = /[^.!?…:;]+(?:[.!?…:;]+["'”’»)\]]*|$)/g;
const WORD = /[\p{L}']+/gu;

interface Clause {
  start: number;
  end: number;
  english: number;
  french: number;
  introduces: boolean;
}

export function findEnglishRanges(text: string): [number, number][] {
  const clauses: Clause[] = [];
  for (const match of text.matchAll(CLAUSE)) {
    let english = 0;
    let french = 0;
    for (const word of match[0].toLowerCase().matchAll(WORD)) {
      if (ENGLISH.has(word[0])) english++;
      if (FRENCH.has(word[0])) french++;
    }
    const introduces = /[:;]["'”’»)\]]*\s*$/.test(match[0]);
    clauses.push({ start: match.index, end: match.index + match[0].length, english, french, introduces });
  }
  const isEnglish = clauses.map((clause) => clause.english >= 3 && clause.english > clause.french);
  // « They said: "…" » — a short lead-in with no French word takes the language of what it introduces.
  for (let index = clauses.length - 2; index >= 0; index--) {
    const clause = clauses[index] as Clause;
    if (clause.introduces && clause.french === 0 && clause.english > 0 && isEnglish[index + 1])
      isEnglish[index] = true;
  }
  return clauses.flatMap((clause, index) =>
    isEnglish[index] ? [[clause.start, clause.end] as [number, number]] : [],
  );
}
