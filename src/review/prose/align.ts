import { decodeNamedCharacterReference } from "decode-named-character-reference";

/** Where each UTF-16 unit of a prose text comes from in the source: `[starts[i], ends[i])`. */
export interface SourceMap {
  starts: number[];
  ends: number[];
}

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/;

/**
 * Maps a Markdown node's value (escapes and entities resolved, container markers and indentation dropped)
 * back onto its source slice, unit by unit, greedily: a unit equal to the source's is itself; `\*` is the
 * escape of `*`; `&nbsp;` is the entity of U+00A0; anything else in the source (a `> ` marker, indentation,
 * a `\r`) is skipped.
 */
export function alignValue(value: string, source: string, sourceStart: number, sourceEnd: number): SourceMap {
  const starts: number[] = [];
  const ends: number[] = [];
  let i = sourceStart;
  let j = 0;
  while (j < value.length) {
    if (i >= sourceEnd) {
      starts.push(sourceEnd);
      ends.push(sourceEnd);
      j++;
      continue;
    }
    const unit = value[j] as string;
    const character = source[i];
    if (character === unit) {
      starts.push(i);
      ends.push(i + 1);
      i++;
      j++;
      continue;
    }
    if (character === "\\" && source[i + 1] === unit) {
      starts.push(i);
      ends.push(i + 2);
      i += 2;
      j++;
      continue;
    }
    if (character === "&") {
      const match = ENTITY.exec(source.slice(i, Math.min(sourceEnd, i + 40)));
      const decoded = match ? decodeEntity(match) : undefined;
      if (match && decoded && value.startsWith(decoded, j)) {
        for (let unitIndex = 0; unitIndex < decoded.length; unitIndex++) {
          starts.push(i);
          ends.push(i + match[0].length);
        }
        i += match[0].length;
        j += decoded.length;
        continue;
      }
    }
    i++;
  }
  return { starts, ends };
}

function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, decimal, hexadecimal, name] = match;
  try {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hexadecimal) return String.fromCodePoint(Number.parseInt(hexadecimal, 16));
  } catch {
    return undefined;
  }
  const decoded = name ? decodeNamedCharacterReference(name) : false;
  return decoded === false ? undefined : decoded;
}
