import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../src/review/front-matter.js";

describe("readFrontMatter", () => {
  it("finds the fields with their lines and value offsets", () => {
    const source = "---\ntitle: Bonjour\nauthors:\n  - a\n  - b\ndate: 2024-01-02\n---\n\nTexte\n";
    const result = readFrontMatter(source);
    expect(result.kind).toBe("present");
    if (result.kind !== "present") return;
    expect(result.data).toMatchObject({ title: "Bonjour", authors: ["a", "b"] });
    expect(result.fields.map((field) => [field.key, field.line])).toEqual([
      ["title", 2],
      ["authors", 3],
      ["date", 6],
    ]);
    const [title, authors] = result.fields;
    expect(source.slice(title?.valueStart, title?.valueEnd)).toBe("Bonjour");
    expect(source.slice(authors?.keyStart, authors?.entryEnd)).toBe("authors:\n  - a\n  - b");
    expect(source.slice(result.bodyStart)).toBe("\nTexte\n");
  });

  const kinds: { name: string; source: string; kind: string }[] = [
    { name: "no front matter", source: "Texte\n", kind: "absent" },
    { name: "an empty file", source: "", kind: "absent" },
    { name: "front matter not on the first line", source: "\n---\ntitle: a\n---\n", kind: "absent" },
    { name: "a fence never closed", source: "---\ntitle: a\n\nTexte\n", kind: "unclosed" },
    { name: "a lone fence", source: "---", kind: "unclosed" },
    { name: "an empty front matter", source: "---\n---\nTexte\n", kind: "present" },
    { name: "a front matter closed by ...", source: "---\ntitle: a\n...\nTexte\n", kind: "present" },
    { name: "CRLF line endings", source: "---\r\ntitle: a\r\n---\r\nTexte\r\n", kind: "present" },
  ];
  for (const { name, source, kind } of kinds) {
    it(`sees ${name} as ${kind}`, () => expect(readFrontMatter(source).kind).toBe(kind));
  }

  it("parses CRLF front matter with clean values", () => {
    const source = "---\r\ntitle: Bonjour\r\nauthors: [a]\r\n---\r\nTexte\r\n";
    const result = readFrontMatter(source);
    if (result.kind !== "present") throw new Error("expected front matter");
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ title: "Bonjour", authors: ["a"] });
    const title = result.fields[0];
    expect(source.slice(title?.valueStart, title?.valueEnd)).toBe("Bonjour");
  });

  const errors: { name: string; source: string; line: number }[] = [
    { name: "an unclosed flow list", source: "---\ntitle: a\nauthors: [a\n---\n", line: 4 },
    { name: "a colon in a plain title", source: "---\ntitle: Bilan : un an\nauthors: [a]\n---\n", line: 2 },
    {
      name: "a duplicate key, at its second occurrence",
      source: "---\ntitle: a\nlayout: post\ntitle: b\n---\n",
      line: 4,
    },
    { name: "a bad indentation", source: "---\ntitle: a\n  layout: post\n---\n", line: 3 },
    { name: "a list instead of a mapping", source: "---\n- a\n- b\n---\n", line: 2 },
  ];
  for (const { name, source, line } of errors) {
    it(`reports ${name} at line ${line} without throwing`, () => {
      const result = readFrontMatter(source);
      if (result.kind !== "present") throw new Error("expected front matter");
      expect(result.error?.line).toBe(line);
      expect(result.error?.message).not.toBe("");
      expect(result.data).toEqual({});
    });
  }

  it("does not share parsed data between two identical posts (gray-matter caches by content)", () => {
    const source = "---\ntitle: a\n---\n";
    const first = readFrontMatter(source);
    if (first.kind === "present") first.data.title = "changed";
    const second = readFrontMatter(source);
    expect(second.kind === "present" && second.data.title).toBe("a");
  });
});
