import { describe, expect, it } from "vitest";
import { MAX_POST_BYTES } from "../../src/review/review-file.js";
import {
  CLEAN_POST,
  hasStackTrace,
  makeSite,
  parseJson,
  readText,
  runCli,
  UNKNOWN_AUTHOR_POST,
  useTempDirs,
} from "./temp-site.js";

useTempDirs();

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
]);
const INVALID_UTF8 = Buffer.concat([
  Buffer.from("---\ntitle: Été\n---\n\nUn texte "),
  Buffer.from([0xc3, 0x28]),
]);
const GOOD = "_posts/2024-03-01-auteur-inconnu.md";
const UNCLOSED = {
  path: "_posts/2024-03-06-ouvert.md",
  content: "---\ntitle: Ouvert\nauthors: [jdupont]\n\nUn texte simple.\n",
};

interface Row {
  name: string;
  path: string;
  content: string | Uint8Array;
  /** The exact findings (rule, line, column, message start), with `--only frontmatter` for text files. */
  findings: { rule: string; line: number; column: number; message: string }[];
}

/** Files that cannot be read as text: one `markdown/unreadable-file` error each, placed where it is. */
const unreadable: Row[] = [
  {
    name: "a PNG named .md",
    path: "_posts/2024-03-02-image.md",
    content: PNG,
    findings: [
      { rule: "markdown/unreadable-file", line: 1, column: 1, message: "Fichier binaire (octet nul)" },
    ],
  },
  {
    name: "a file over 1 MiB",
    path: "_posts/2024-03-03-enorme.md",
    content: Buffer.concat([Buffer.from(CLEAN_POST), Buffer.alloc(MAX_POST_BYTES, 0x61)]),
    findings: [
      { rule: "markdown/unreadable-file", line: 1, column: 1, message: "Fichier trop gros (1,0 Mio)" },
    ],
  },
  {
    name: "invalid UTF-8 (0xC3 0x28)",
    path: "_posts/2024-03-04-latin.md",
    content: INVALID_UTF8,
    findings: [{ rule: "markdown/unreadable-file", line: 5, column: 10, message: "Encodage invalide" }],
  },
];

/** Text files with a broken front matter: a front matter finding at the place of the mistake. */
const broken: Row[] = [
  {
    name: "an empty file",
    path: "_posts/2024-03-05-vide.md",
    content: "",
    findings: [{ rule: "frontmatter/no-front-matter", line: 1, column: 1, message: "Fichier vide" }],
  },
  {
    name: "a front matter never closed",
    path: UNCLOSED.path,
    content: UNCLOSED.content,
    findings: [
      { rule: "frontmatter/unclosed-front-matter", line: 1, column: 1, message: "En-tête jamais fermé" },
    ],
  },
  {
    name: "malformed YAML in the front matter",
    path: "_posts/2024-03-07-yaml.md",
    content: "---\ntitle: Yaml\nauthors: [jdupont\n---\n\nUn texte simple.\n",
    findings: [
      {
        rule: "frontmatter/yaml-syntax",
        line: 3,
        column: 10,
        message: "En-tête YAML illisible\u00a0: liste entre crochets",
      },
    ],
  },
  {
    name: "a colon in a plain title",
    path: "_posts/2024-03-08-titre.md",
    content: "---\ntitle: Bilan : un an\nauthors: [jdupont]\n---\n\nUn texte simple.\n",
    findings: [{ rule: "frontmatter/yaml-syntax", line: 2, column: 8, message: "En-tête YAML illisible" }],
  },
];

function siteWithEverything(): string {
  const files: Record<string, string | Uint8Array> = { [GOOD]: UNKNOWN_AUTHOR_POST };
  for (const row of [...unreadable, ...broken]) files[row.path] = row.content;
  return makeSite(files);
}

function expectFindings(report: ReturnType<typeof parseJson>, rows: Row[]): void {
  for (const row of rows) {
    const file = report.files.find((item) => item.path === row.path);
    expect(file, row.name).toBeDefined();
    expect(
      file?.findings.map(({ rule, line, column, message }) => ({ rule, line, column, message })),
      row.name,
    ).toEqual(
      row.findings.map((finding) => ({
        ...finding,
        message: expect.stringMatching(`^${escapeRegExp(finding.message)}`),
      })),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("bad input: a finding at its place, never a crash, the other files still reviewed", () => {
  it("reports each unreadable file as one error", async () => {
    const run = await runCli(["check", "--format", "json"], { cwd: siteWithEverything() });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = parseJson(run.stdout);
    expect(report.files).toHaveLength(1 + unreadable.length + broken.length);
    expectFindings(report, unreadable);
    expect(
      report.files.find((file) => file.path === GOOD)?.findings.map((finding) => finding.rule),
    ).toContain("frontmatter/unknown-author");
  });

  it("reports each broken front matter where the mistake is", async () => {
    const run = await runCli(["check", "--format", "json", "--only", "frontmatter"], {
      cwd: siteWithEverything(),
    });
    expect(run.stderr).toBe("");
    const report = parseJson(run.stdout);
    expectFindings(report, broken);
    expect(report.files.find((file) => file.path === GOOD)?.findings.map((finding) => finding.rule)).toEqual([
      "frontmatter/unknown-author",
    ]);
  });

  it("names a missing path on stderr, exits 2 and still prints the others", async () => {
    const run = await runCli(["check", "_posts", "_posts/2024-03-09-absent.md"], {
      cwd: siteWithEverything(),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("_posts/2024-03-09-absent.md: chemin introuvable\n");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stdout).toContain(`${GOOD}:3:11  erreur`);
    expect(run.stdout).toContain(
      "_posts/2024-03-02-image.md:1:1  erreur         Fichier binaire (octet nul)",
    );
  });

  it("never fixes inside a front matter that is not closed", async () => {
    // The typography rules read the unclosed front matter as prose: `title: Ouvert` became `title : Ouvert`.
    const root = makeSite({ [UNCLOSED.path]: UNCLOSED.content });
    await runCli(["check", "--fix"], { cwd: root });
    expect(readText(root, UNCLOSED.path)).toBe(UNCLOSED.content);
  });

  it("warns about a broken _config.yml with its place, and goes on", async () => {
    const root = makeSite({ "_config.yml": "title: [Blog\n", "_posts/2024-03-05-bonjour.md": CLEAN_POST });
    const run = await runCli(["check"], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^${escapeRegExp(root)}/_config\\.yml:2:1: _config\\.yml illisible\u00a0: .+\\n$`),
    );
    expect(run.stdout).toBe("0 erreur, 0 avertissement, 0 info dans 1 fichier\n");
  });
});
