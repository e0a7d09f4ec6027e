/** Percent-escapes decoded, or the text as it is when they do not form UTF-8 (`%E9` alone, `%zz`). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
