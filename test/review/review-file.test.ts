import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { decodePost, MAX_POST_BYTES, reviewFile } from "../../src/review/review-file.js";
import { emptySite } from "../../src/site/site.js";

const site = emptySite(DEFAULT_CONFIG.posts);
const review = (bytes: Uint8Array, only?: ("markdown" | "typo")[]) =>
  reviewFile({ path: "_posts/2024-01-02-a.md", bytes }, site, DEFAULT_CONFIG, { today: "2024-06-01", only })
    .findings;

describe("decodePost", () => {
  it("decodes UTF-8 and drops a BOM", () => {
    expect(decodePost(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]))).toEqual({
      ok: true,
      text: "aé",
    });
  });

  const refused: { name: string; bytes: Uint8Array; message: RegExp }[] = [
    {
      name: "a binary file",
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      message: /^Fichier binaire/,
    },
    {
      name: "invalid UTF-8",
      bytes: new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]),
      message: /^Encodage invalide/,
    },
    {
      name: "UTF-16 text (Windows Notepad)",
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\ntitle: a\n---\n", "utf16le")]),
      message: /^Encodage UTF-16\u00a0: réenregistrez le fichier en UTF-8$/,
    },
    {
      name: "Latin-1 text",
      bytes: Buffer.from("---\ntitle: Été\n---\n", "latin1"),
      message: /^Encodage invalide/,
    },
    {
      name: "a file over 1 MiB",
      bytes: new Uint8Array(MAX_POST_BYTES + 1).fill(0x61),
      message: /^Fichier trop gros \(1,0 Mio\)/,
    },
  ];
  for (const { name, bytes, message } of refused) {
    it(`refuses ${name} with one finding and no exception`, () => {
      const findings = review(bytes);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        ruleId: "markdown/unreadable-file",
        severity: "error",
        category: "markdown",
      });
      expect(findings[0]?.message).toMatch(message);
    });
  }

  it("places an encoding error on the line where it is", () => {
    const findings = review(new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]));
    expect(findings[0]?.range.start.line).toBe(2);
  });

  // Each shape is 1 MiB, the largest post read: the pre-check answers without parsing, in linear time.
  const hostile: { name: string; text: string; message: string }[] = [
    {
      name: "nested lists",
      text: `${"- ".repeat(MAX_POST_BYTES / 2 - 20)}a\n`,
      message: "niveaux de listes et de citations imbriquées (au plus 64)",
    },
    {
      name: "nested quotes",
      text: `${"> ".repeat(MAX_POST_BYTES / 2 - 20)}a\n`,
      message: "citations «\u00a0>\u00a0» imbriquées sur une ligne (au plus 32)",
    },
    {
      name: "unclosed emphasis",
      text: "*a".repeat(MAX_POST_BYTES / 2 - 20),
      message: "marques d’emphase «\u00a0*\u00a0» ou «\u00a0_\u00a0» dans un même paragraphe (au plus 200)",
    },
    {
      name: "unclosed brackets",
      text: "[a](".repeat(MAX_POST_BYTES / 4 - 20),
      message: "crochets «\u00a0[\u00a0» dans un même paragraphe (au plus 200)",
    },
  ];
  for (const { name, text, message } of hostile) {
    it(`reports a post of 1 MiB of ${name} as too complex, without parsing it`, () => {
      const findings = review(Buffer.from(`---\ntitle: a\n---\n${text}`));
      expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
        ["markdown/too-complex", "error"],
      ]);
      expect(findings[0]?.message).toContain(message);
      expect(findings[0]?.range.start.line).toBe(4);
    });
  }

  it("reports a post too complex even when markdown findings are not asked for", () => {
    const findings = review(Buffer.from("> ".repeat(40)), ["typo"]);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["markdown/too-complex"]);
  });

  it("accepts a post of exactly 1 MiB", () => {
    const bytes = new Uint8Array(MAX_POST_BYTES).fill(0x61);
    expect(decodePost(bytes).ok).toBe(true);
  });

  it("reports an unreadable file even when markdown findings are not asked for: it was not reviewed", () => {
    expect(review(new Uint8Array([0, 1, 2]), ["typo"]).map((finding) => finding.ruleId)).toEqual([
      "markdown/unreadable-file",
    ]);
  });
});

describe("reviewFile's guard against deep nesting", () => {
  const throwing = (error: () => never) => ({
    id: "markdown/throws",
    category: "markdown" as const,
    severity: "error" as const,
    docs: { title: "", rationale: "", wrong: [], right: [] },
    check: () => error(),
  });
  const run = (rule: ReturnType<typeof throwing>) =>
    reviewFile({ path: "_posts/2024-01-02-a.md", bytes: Buffer.from("Texte.\n") }, site, DEFAULT_CONFIG, {
      today: "2024-06-01",
      rules: [rule],
    }).findings;

  it("reports a stack overflow as a post too deeply nested", () => {
    const recurse = (depth: number): never => recurse(depth + 1);
    const findings = run(throwing(() => recurse(0)));
    expect(findings.map((finding) => [finding.ruleId, finding.message])).toStrictEqual([
      [
        "markdown/unreadable-file",
        "Article trop imbriqué pour être relu (des milliers de citations ou de listes les unes dans les autres)",
      ],
    ]);
  });

  it("lets any other RangeError through: it is a bug, not the post's depth", () => {
    const badCodePoint = (): never => {
      String.fromCodePoint(99_999_999);
      throw new Error("unreachable");
    };
    expect(() => run(throwing(badCodePoint))).toThrow(RangeError);
  });
});
