/** « Billion laughs »: nine levels of nine aliases, 9⁹ copies of one word once expanded. */
export const BILLION_LAUGHS = [
  'lexicon:\n  - use: "Pôle emploi"',
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ..."bcdefghi".split("").map((name, index) => {
    const previous = "abcdefghi"[index] as string;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`;
  }),
  "",
].join("\n");
