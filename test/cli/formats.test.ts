import { describe, expect, it } from "vitest";
import {
  AUTHORS_STRING_POST,
  type JsonReport,
  makeSite,
  parseJson,
  readText,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
} from "./temp-site.js";

useTempDirs();

const LIST = "_posts/2024-03-05-liste.md";
const UNKNOWN = "_posts/2024-03-06-inconnu.md";
const UNKNOWN_MESSAGE =
  "Auteur inconnu «\u00a0jdupond\u00a0»\u00a0: aucune fiche _authors/jdupond.md (voulez-vous dire «\u00a0jdupont\u00a0»\u202f?)";
const LIST_MESSAGE =
  "«\u00a0authors\u00a0» doit être une liste, même pour un seul auteur\u00a0: «\u00a0authors: [jdupont]\u00a0»";

const twoPosts = () => makeSite({ [LIST]: AUTHORS_STRING_POST, [UNKNOWN]: UNKNOWN_AUTHOR_POST });

describe("--format json (version 1)", () => {
  it("prints exactly the documented shape, with paths from the site root", async () => {
    const root = twoPosts();
    const run = await runCli(["check", "--format", "json", "--only", "frontmatter", "."], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout.endsWith("}\n")).toBe(true);
    const report = parseJson(run.stdout);
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: LIST,
          findings: [
            {
              rule: "frontmatter/authors-list",
              category: "frontmatter",
              severity: "warning",
              message: LIST_MESSAGE,
              line: 3,
              column: 10,
              endLine: 3,
              endColumn: 17,
              fix: { text: "[jdupont]" },
            },
          ],
        },
        {
          path: UNKNOWN,
          findings: [
            {
              rule: "frontmatter/unknown-author",
              category: "frontmatter",
              severity: "error",
              message: UNKNOWN_MESSAGE,
              line: 3,
              column: 11,
              endLine: 3,
              endColumn: 18,
            },
          ],
        },
      ],
      summary: { files: 2, errors: 1, warnings: 1, infos: 0 },
    } satisfies JsonReport);
    expect(Object.keys(report)).toEqual(["version", "files", "summary"]);
    expect(Object.keys(report.files[0]?.findings[0] ?? {})).toEqual([
      "rule",
      "category",
      "severity",
      "message",
      "line",
      "column",
      "endLine",
      "endColumn",
      "fix",
    ]);
  });

  it("gives the path from the site root even when run from a subfolder", async () => {
    const root = twoPosts();
    const run = await runCli(["check", "--format", "json", "2024-03-05-liste.md"], { cwd: `${root}/_posts` });
    expect(parseJson(run.stdout).files.map((file) => file.path)).toEqual([LIST]);
  });

  it("has no fix when the fix needs a human", async () => {
    const root = makeSite({ [LIST]: AUTHORS_STRING_POST.replace("jdupont", "jdupont et mmartin") });
    const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], { cwd: root });
    const findings = parseJson(run.stdout).files[0]?.findings ?? [];
    const finding = findings.find((item) => item.rule === "frontmatter/authors-list");
    expect(finding?.message).toBe(LIST_MESSAGE.replace("[jdupont]", "[jdupont, mmartin]"));
    expect(finding).not.toHaveProperty("fix");
  });

  it("prints an empty list of files when there is nothing to review", async () => {
    const run = await runCli(["check", "--format", "json", "_authors"], { cwd: twoPosts() });
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      files: [],
      summary: { files: 0, errors: 0, warnings: 0, infos: 0 },
    });
  });

  const fixable: { name: string; newline: string }[] = [
    { name: "LF", newline: "\n" },
    { name: "CRLF", newline: "\r\n" },
  ];
  for (const { name, newline } of fixable) {
    it(`fix.text replacing line:column–endLine:endColumn gives the fixed post (${name})`, async () => {
      const lines = (...items: string[]) => items.map((line) => `${line}${newline}`).join("");
      const original = lines("---", "title: 2048", "authors: jdupont", "---", "", "Un texte simple.");
      const root = makeSite({ [LIST]: original });
      const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], { cwd: root });
      const findings = parseJson(run.stdout).files[0]?.findings ?? [];
      expect(findings.map((finding) => [finding.rule, finding.fix?.text])).toEqual([
        ["frontmatter/field-type", '"2048"'],
        ["frontmatter/authors-list", "[jdupont]"],
      ]);
      const expected = lines("---", 'title: "2048"', "authors: [jdupont]", "---", "", "Un texte simple.");
      expect(applyJsonFixes(original, findings)).toBe(expected);
      await runCli(["check", "--fix", "--only", "frontmatter"], { cwd: root });
      expect(readText(root, LIST)).toBe(expected);
    });
  }
});

describe("--format github", () => {
  it("prints one workflow command per finding", async () => {
    const run = await runCli(["check", "--format", "github", "--only", "frontmatter"], { cwd: twoPosts() });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        `::warning file=${LIST},line=3,col=10,endLine=3,endColumn=17,title=frontmatter/authors-list::${LIST_MESSAGE}`,
        `::error file=${UNKNOWN},line=3,col=11,endLine=3,endColumn=18,title=frontmatter/unknown-author::${UNKNOWN_MESSAGE}`,
        "",
      ].join("\n"),
    );
  });

  it("escapes %, : and , in properties and % in the message as @actions/core does", async () => {
    const root = makeSite({
      "_posts/2024-03-05-a,b:c%.md": UNKNOWN_AUTHOR_POST.replace("jdupond", "jdupont"),
    });
    const run = await runCli(["check", "--format", "github", "--only", "frontmatter"], { cwd: root });
    expect(run.stdout).toBe(
      "::warning file=_posts/2024-03-05-a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=1,title=frontmatter/slug-style::" +
        "Adresse «\u00a0a,b:c%25\u00a0» tirée du nom du fichier\u00a0: préférez des minuscules sans accents ni espaces, «\u00a02024-03-05-a-b-c.md\u00a0»\n",
    );
  });

  it("prints nothing for a clean site", async () => {
    const root = makeSite({ [LIST]: AUTHORS_STRING_POST.replace("jdupont", "[jdupont]") });
    expect(await runCli(["check", "--format", "github"], { cwd: root })).toEqual({
      status: 0,
      stdout: "",
      stderr: "",
    });
  });
});

describe("--format text", () => {
  const expected = [
    LIST,
    `${LIST}:3:10  avertissement  ${LIST_MESSAGE}  frontmatter/authors-list`,
    "",
    UNKNOWN,
    `${UNKNOWN}:3:11  erreur         ${UNKNOWN_MESSAGE}  frontmatter/unknown-author`,
    "",
    "Par règle\u00a0:",
    "  frontmatter/unknown-author  1 erreur",
    "  frontmatter/authors-list    1 avertissement",
    "",
    "1 erreur, 1 avertissement, 0 info dans 2 fichiers",
    "",
  ].join("\n");

  it("groups findings by file, then prints the French summary line, without colours off a terminal", async () => {
    const run = await runCli(["check", "--only", "frontmatter"], { cwd: twoPosts() });
    expect(run.stdout).toBe(expected);
    expect(run.stdout).not.toContain(ESC);
  });

  it("is the default format", async () => {
    const root = twoPosts();
    const text = await runCli(["check", "--format", "text", "--only", "frontmatter"], { cwd: root });
    const byDefault = await runCli(["check", "--only", "frontmatter"], { cwd: root });
    expect(byDefault.stdout).toBe(text.stdout);
  });

  it("paints severities, paths and rules on a colour terminal, with the same text", async () => {
    const run = await runCli(["check", "--only", "frontmatter"], { cwd: twoPosts(), color: true });
    expect(run.stdout).toContain(`${ESC}[4m${LIST}${ESC}[24m`);
    expect(run.stdout).toContain(`${ESC}[33mavertissement${ESC}[39m`);
    expect(run.stdout).toContain(`${ESC}[31merreur       ${ESC}[39m`);
    expect(run.stdout).toContain(`${ESC}[2mfrontmatter/unknown-author${ESC}[22m`);
    expect(run.stdout).toContain(`${ESC}[31m1 erreur, 1 avertissement, 0 info dans 2 fichiers${ESC}[39m`);
    expect(stripAnsi(run.stdout)).toBe(expected);
  });
});

const ESC = String.fromCharCode(27);

function stripAnsi(text: string): string {
  return text.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "");
}

/** What a consumer of the JSON does: replace each finding's range by its fix, from the last one back. */
function applyJsonFixes(text: string, findings: JsonReport["files"][number]["findings"]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === "\n") lineStarts.push(index + 1);
  const offset = (line: number, column: number) => (lineStarts[line - 1] as number) + column - 1;
  let output = text;
  const fixes = findings
    .filter((finding) => finding.fix)
    .map((finding) => ({
      start: offset(finding.line, finding.column),
      end: offset(finding.endLine, finding.endColumn),
      text: finding.fix?.text ?? "",
    }))
    .sort((a, b) => b.start - a.start);
  for (const fix of fixes) output = output.slice(0, fix.start) + fix.text + output.slice(fix.end);
  return output;
}
