import { describe, expect, it } from "vitest";
import { isCalendarDate, parsePostPath, STDIN_PATH } from "../../src/site/post-path.js";

describe("parsePostPath", () => {
  const rows = [
    {
      name: "a dated post",
      path: "_posts/2017-07-06-cellule-innovation-etat.md",
      expected: {
        fileName: "2017-07-06-cellule-innovation-etat.md",
        ext: ".md",
        dateText: "2017-07-06",
        date: { year: 2017, month: 7, day: 6 },
        slug: "cellule-innovation-etat",
        folderCategories: [],
        isAnonymous: false,
      },
    },
    {
      name: "folders above _posts are categories",
      path: "blog/annonces/_posts/2024-01-02-voeux.markdown",
      expected: { ext: ".markdown", slug: "voeux", folderCategories: ["blog", "annonces"] },
    },
    {
      name: "a sub-folder of _posts is not a category",
      path: "_posts/2024/2024-01-02-voeux.md",
      expected: { slug: "voeux", folderCategories: [] },
    },
    {
      name: "an impossible date keeps its text but has no date",
      path: "_posts/2023-02-29-bilan.md",
      expected: { dateText: "2023-02-29", date: undefined, slug: "bilan" },
    },
    { name: "no date", path: "_posts/bilan.md", expected: { dateText: undefined, slug: undefined } },
    {
      name: "one-digit month and day, as Jekyll accepts them",
      path: "_posts/2024-3-5-bilan.md",
      expected: { dateText: "2024-03-05", date: { year: 2024, month: 3, day: 5 }, slug: "bilan" },
    },
    { name: "no slug after the date", path: "_posts/2024-01-02.md", expected: { dateText: undefined } },
    { name: "standard input", path: STDIN_PATH, expected: { isAnonymous: true, dateText: undefined } },
  ];
  for (const { name, path, expected } of rows) {
    it(name, () => {
      const parsed = parsePostPath(path) as unknown as Record<string, unknown>;
      const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, parsed[key]]));
      expect(picked).toEqual(expected);
    });
  }
});

describe("isCalendarDate", () => {
  const rows: [string, number, number, number, boolean][] = [
    ["a leap day", 2024, 2, 29, true],
    ["no leap day in 2023", 2023, 2, 29, false],
    ["1900 is not a leap year", 1900, 2, 29, false],
    ["2000 is a leap year", 2000, 2, 29, true],
    ["April 31st", 2024, 4, 31, false],
    ["December 31st", 2024, 12, 31, true],
    ["month 13", 2024, 13, 1, false],
    ["month 0", 2024, 0, 1, false],
    ["day 0", 2024, 1, 0, false],
  ];
  for (const [name, year, month, day, expected] of rows) {
    it(name, () => expect(isCalendarDate({ year, month, day })).toBe(expected));
  }
});
