import { describe, expect, it } from "vitest";
import { parseDiffLines } from "../../src/report/diff-lines.js";

const cases: { name: string; patch: string | undefined; commentable: number[]; added: number[] }[] = [
  { name: "a missing patch (binary file, diff too large)", patch: undefined, commentable: [], added: [] },
  { name: "an empty patch (renamed, unchanged)", patch: "", commentable: [], added: [] },
  {
    name: "one hunk of context, deletions and additions",
    patch: "@@ -1,4 +1,4 @@\n un\n-deux\n+Deux\n trois\n quatre",
    commentable: [1, 2, 3, 4],
    added: [2],
  },
  {
    name: "a new file",
    patch: "@@ -0,0 +1,3 @@\n+un\n+deux\n+trois",
    commentable: [1, 2, 3],
    added: [1, 2, 3],
  },
  {
    name: "several hunks, with a section heading after the header",
    patch:
      "@@ -1,3 +1,4 @@ title: Bonjour\n un\n+inséré\n deux\n trois\n" +
      "@@ -20,3 +21,2 @@ ## Suite\n vingt\n-vingt et un\n vingt-deux\n" +
      "@@ -40 +40 @@\n-quarante\n+Quarante",
    commentable: [1, 2, 3, 4, 21, 22, 40],
    added: [2, 40],
  },
  {
    name: "a hunk that only deletes",
    patch: "@@ -1,2 +1,2 @@\n un\n deux\n@@ -5,2 +4,0 @@\n-cinq\n-six",
    commentable: [1, 2],
    added: [],
  },
  {
    name: "the no-newline marker on both sides",
    patch: "@@ -1,2 +1,2 @@\n un\n-deux\n\\ No newline at end of file\n+deux\n\\ No newline at end of file",
    commentable: [1, 2],
    added: [2],
  },
  {
    name: "CRLF line endings",
    patch: "@@ -1,2 +1,3 @@\r\n un\r\n+ajout\r\n deux\r\n",
    commentable: [1, 2, 3],
    added: [2],
  },
  {
    name: "a blank context line that lost its leading space",
    patch: "@@ -1,3 +1,4 @@\n un\n\n+ajout\n trois\n",
    commentable: [1, 2, 3, 4],
    added: [3],
  },
  {
    name: "lines that look like markers in the file's text",
    patch: "@@ -1,2 +1,3 @@\n -- tiret\n+++ plus\n ++ deux",
    commentable: [1, 2, 3],
    added: [2],
  },
  {
    name: "text before the first hunk",
    patch: "diff --git a/x b/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b",
    commentable: [1],
    added: [1],
  },
];

describe("parseDiffLines", () => {
  for (const { name, patch, commentable, added } of cases) {
    it(`reads ${name}`, () => {
      const lines = parseDiffLines(patch);
      expect([...lines.commentable].sort((a, b) => a - b)).toEqual(commentable);
      expect([...lines.added].sort((a, b) => a - b)).toEqual(added);
    });
  }
});
