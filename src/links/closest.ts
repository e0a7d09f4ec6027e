import { distance } from "fastest-levenshtein";

/**
 * The candidate at the smallest edit distance, between equals the one sharing the longest start with the
 * wanted text (`/2024/04/01/annonce` → `…/annonce-atelier`). Close enough means within a quarter of the
 * wanted text's length (a typo), or half when one text holds the other (a name cut short or lengthened).
 */
export function closest<T>(
  wanted: string,
  candidates: readonly T[],
  textOf: (candidate: T) => string,
): T | undefined {
  let best: { candidate: T; gap: number; prefix: number; isExtension: boolean } | undefined;
  for (const candidate of candidates) {
    const text = textOf(candidate);
    const gap = distance(wanted, text);
    if (best && gap > best.gap) continue;
    const prefix = commonPrefixLength(wanted, text);
    if (!best || gap < best.gap || prefix > best.prefix) {
      const isExtension = text.includes(wanted) || wanted.includes(text);
      best = { candidate, gap, prefix, isExtension };
    }
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, wanted.length / (best.isExtension ? 2 : 4));
  return best.gap <= tolerance ? best.candidate : undefined;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}
