import { describe, expect, it } from "vitest";
import { closest } from "../../src/links/closest.js";
import { SuggestionIndex } from "../../src/links/suggestion-index.js";

const same = (text: string) => text;

/** The full scan the index replaces: every candidate compared with the wanted text. */
function fullScan(wanted: string, candidates: readonly string[], excluded?: string): string | undefined {
  return closest(
    wanted,
    candidates.filter((candidate) => candidate !== excluded),
    same,
  );
}

const POSTS = [
  "/2024/04/01/annonce-atelier",
  "/2024/04/02/annonce-atelier-bis",
  "/2023/01/10/bilan-annuel",
  "/2023/01/10/bilan-annuel-2022",
  "/contact",
  "/contacts-presse",
  "/equipe",
  "/equipes",
  "/a",
  "/b",
  "/img/logo.png",
  "/img/logo.jpg",
  "/img/logo-2.png",
  "/2024/04/01/annonce-atelier",
];

const cases: {
  name: string;
  wanted: string;
  candidates?: string[];
  excluded?: string;
  expected: string | undefined;
}[] = [
  { name: "a name cut short", wanted: "/2024/04/01/annonce", expected: "/2024/04/01/annonce-atelier" },
  { name: "a typo", wanted: "/2023/01/10/bilan-anuel", expected: "/2023/01/10/bilan-annuel" },
  { name: "a plural", wanted: "/contacts", expected: "/contact" },
  { name: "equal distances: the longest common start wins", wanted: "/equipex", expected: "/equipe" },
  { name: "equal distance and start: the first in order wins", wanted: "/c", expected: "/a" },
  { name: "nothing close enough", wanted: "/tout-autre-chose-sans-rapport", expected: undefined },
  {
    name: "the reviewed post itself is left out",
    wanted: "/equipe",
    excluded: "/equipe",
    expected: "/equipes",
  },
  { name: "a file extension", wanted: "/img/logo.gif", expected: "/img/logo.png" },
  { name: "no candidate", wanted: "/a", candidates: [], expected: undefined },
  { name: "only the excluded one", wanted: "/a", candidates: ["/a"], excluded: "/a", expected: undefined },
  {
    name: "a duplicate text, the first kept",
    wanted: "/2024/04/01/annonce-atelie",
    expected: "/2024/04/01/annonce-atelier",
  },
  {
    name: "short texts: a distance of 2 still counts",
    wanted: "/x",
    candidates: ["/xyz", "/y"],
    expected: "/y",
  },
];

describe("the suggestion index", () => {
  it.each(cases)("$name: as the full scan", ({ wanted, candidates = POSTS, excluded, expected }) => {
    const index = new SuggestionIndex(candidates, same);
    const found = index.closest(wanted, (candidate) => candidate === excluded);
    expect(found).toBe(fullScan(wanted, candidates, excluded));
    expect(found).toBe(expected);
  });

  it("agrees with the full scan on 2,000 random sites and links", () => {
    let state = 42;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    const word = () =>
      Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick([..."abcdeé-"])).join("");
    const path = () =>
      `/${Array.from({ length: 1 + Math.floor(next() * 3) }, word).join("/")}${pick(["", "", ".png", ".html"])}`;
    const differences: string[] = [];
    for (let round = 0; round < 2_000; round++) {
      const candidates = Array.from({ length: Math.floor(next() * 60) }, path);
      const wanted =
        next() < 0.5 && candidates.length > 0 ? `${pick(candidates)}${word().slice(0, 2)}` : path();
      const excluded = next() < 0.3 ? pick(candidates) : undefined;
      const found = new SuggestionIndex(candidates, same).closest(
        wanted,
        (candidate) => candidate === excluded,
      );
      const expected = fullScan(wanted, candidates, excluded);
      if (found !== expected)
        differences.push(JSON.stringify({ wanted, candidates, excluded, found, expected }));
    }
    expect(differences.slice(0, 3)).toStrictEqual([]);
  });
});
