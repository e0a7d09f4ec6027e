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

const SENTENCE = /[^.!?…]+(?:[.!?…]+|$)/g;
const WORD = /[\p{L}']+/gu;

export function findEnglishRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    let english = 0;
    let french = 0;
    for (const word of sentence[0].toLowerCase().matchAll(WORD)) {
      if (ENGLISH.has(word[0])) english++;
      if (FRENCH.has(word[0])) french++;
    }
    if (english >= 3 && english > french) ranges.push([sentence.index, sentence.index + sentence[0].length]);
  }
  return ranges;
}
