import { describe, expect, it } from "vitest";
import {
  AUTHORS_STRING_POST,
  CLEAN_POST,
  makeSite,
  parseJson,
  readBytes,
  readText,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
} from "./temp-site.js";

useTempDirs();

const POST = "_posts/2024-03-05-Liste.md";

/** Front matter with two safe fixes (`title: 2048`, `authors: jdupont`), and a body full of odd bytes. */
const ORIGINAL = [
  "---",
  "title: 2048",
  "authors: jdupont   ",
  "tags: [a,b]",
  "---",
  "",
  "Bonjour : une espace que seule la typographie toucherait.\t",
  "",
  "",
  "* une puce",
  "- une autre",
  "",
].join("\n");
const FIXED = ORIGINAL.replace("title: 2048", 'title: "2048"').replace(
  "authors: jdupont",
  "authors: [jdupont]",
);

describe("--fix on files", () => {
  it("rewrites only the fixed ranges and prints the findings that remain", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--fix", "--only", "frontmatter"], { cwd: root });
    expect(readText(root, POST)).toBe(FIXED);
    // The field-type error is fixed: only the unfixable slug-style warning is left, so the exit is 0.
    expect(run).toEqual({
      status: 0,
      stdout: [
        POST,
        `${POST}:1:1  avertissement  Adresse «\u00a0Liste\u00a0» tirée du nom du fichier\u00a0: préférez des minuscules sans accents ni espaces, «\u00a02024-03-05-liste.md\u00a0»  frontmatter/slug-style`,
        "",
        "Par règle\u00a0:",
        "  frontmatter/slug-style  1 avertissement",
        "",
        "0 erreur, 1 avertissement, 0 info dans 1 fichier",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("is idempotent: a second run changes nothing and prints the same", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const first = await runCli(["check", "--fix", "--only", "frontmatter"], { cwd: root });
    const second = await runCli(["check", "--fix", "--only", "frontmatter"], { cwd: root });
    expect(readText(root, POST)).toBe(FIXED);
    expect(second).toEqual(first);
  });

  it("prints the remaining findings in JSON too", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--fix", "--format", "json", "--only", "frontmatter"], { cwd: root });
    expect(parseJson(run.stdout).files).toEqual([
      { path: POST, findings: [expect.objectContaining({ rule: "frontmatter/slug-style" })] },
    ]);
  });

  it("keeps the exit status 1 when an unfixable error remains", async () => {
    const root = makeSite({
      "_posts/2024-03-05-inconnu.md": UNKNOWN_AUTHOR_POST.replace("[jdupond]", "jdupond"),
    });
    const run = await runCli(["check", "--fix", "--format", "json", "--only", "frontmatter"], { cwd: root });
    expect(readText(root, "_posts/2024-03-05-inconnu.md")).toBe(UNKNOWN_AUTHOR_POST);
    expect(run.status).toBe(1);
    expect(parseJson(run.stdout).files[0]?.findings.map((finding) => finding.rule)).toEqual([
      "frontmatter/unknown-author",
    ]);
  });

  it("leaves files without safe fixes byte-for-byte identical", async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    const unfixable = AUTHORS_STRING_POST.replace("jdupont", "jdupont et mmartin");
    const root = makeSite({
      "_posts/2024-03-05-propre.md": CLEAN_POST,
      "_posts/2024-03-06-humain.md": unfixable,
      "_posts/2024-03-07-image.md": binary,
      [POST]: ORIGINAL,
    });
    await runCli(["check", "--fix"], { cwd: root });
    expect(readText(root, "_posts/2024-03-05-propre.md")).toBe(CLEAN_POST);
    expect(readText(root, "_posts/2024-03-06-humain.md")).toBe(unfixable);
    expect(readBytes(root, "_posts/2024-03-07-image.md")).toEqual(binary);
  });

  const encodings: { name: string; prefix: string; newline: string }[] = [
    { name: "a byte order mark", prefix: "\uFEFF", newline: "\n" },
    { name: "CRLF line endings", prefix: "", newline: "\r\n" },
  ];
  for (const { name, prefix, newline } of encodings) {
    it(`keeps ${name}`, async () => {
      const toFile = (text: string) => prefix + text.replaceAll("\n", newline);
      const root = makeSite({ [POST]: toFile(ORIGINAL) });
      await runCli(["check", "--fix", "--only", "frontmatter"], { cwd: root });
      expect(readBytes(root, POST)).toEqual(Buffer.from(toFile(FIXED)));
    });
  }
});

describe("--stdin --fix", () => {
  it("prints the corrected post on stdout, and no report", async () => {
    const root = makeSite({ [POST]: ORIGINAL });
    const run = await runCli(["check", "--stdin", "--fix", "--only", "frontmatter"], {
      cwd: root,
      stdin: ORIGINAL,
    });
    expect(run).toEqual({ status: 0, stdout: FIXED, stderr: "" });
    expect(readText(root, POST)).toBe(ORIGINAL);
  });

  it("prints the post unchanged when there is nothing to fix", async () => {
    const run = await runCli(["check", "--stdin", "--fix"], { cwd: makeSite(), stdin: CLEAN_POST });
    expect(run).toEqual({ status: 0, stdout: CLEAN_POST, stderr: "" });
  });

  it("exits 1 when an error remains after fixing", async () => {
    const post = UNKNOWN_AUTHOR_POST.replace("title: Bonjour", "title: 2048");
    const run = await runCli(["check", "--stdin", "--fix", "--only", "frontmatter"], {
      cwd: makeSite(),
      stdin: post,
    });
    expect(run).toEqual({ status: 1, stdout: post.replace("title: 2048", 'title: "2048"'), stderr: "" });
  });
});
