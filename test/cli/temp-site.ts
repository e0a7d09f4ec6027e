import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

/** Path (from the site root) → content; `null` drops one of the default files. */
export type SiteFiles = Record<string, string | Uint8Array | null>;

/** A site with a `_config.yml` that declares an authors collection holding `jdupont`. */
export const DEFAULT_SITE_FILES: SiteFiles = {
  "_config.yml": "title: Blog\nurl: https://blog.example.org\ncollections:\n  authors:\n    output: true\n",
  "_authors/jdupont.md": "---\nfullname: Jean Dupont\n---\n",
};

/** A post that no rule flags: plain front matter, one sentence without punctuation to space. */
export const CLEAN_POST =
  "---\ntitle: Bonjour\nauthors: [jdupont]\n---\n\nUn texte simple et sans histoire.\n";

/** A post whose only problem is `frontmatter/unknown-author` (an error). */
export const UNKNOWN_AUTHOR_POST = "---\ntitle: Bonjour\nauthors: [jdupond]\n---\n\nUn texte simple.\n";

/** A post whose only problem is `frontmatter/authors-list` (a warning with a safe fix). */
export const AUTHORS_STRING_POST = "---\ntitle: Liste\nauthors: jdupont\n---\n\nUn texte simple.\n";

const created: string[] = [];

/** Registers the clean-up of every temporary folder the calling test file creates. */
export function useTempDirs(): void {
  afterEach(() => {
    for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
}

/** An empty temporary folder, removed after the test. */
export function makeTempDir(): string {
  const folder = mkdtempSync(join(tmpdir(), "relecteur-"));
  created.push(folder);
  return folder;
}

export function writeFiles(root: string, files: SiteFiles): void {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** A temporary site: the default files, then `files` on top (a `null` drops a default). */
export function makeSite(files: SiteFiles = {}): string {
  const root = makeTempDir();
  writeFiles(root, { ...DEFAULT_SITE_FILES, ...files });
  return root;
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

export function readBytes(root: string, path: string): Buffer {
  return readFileSync(join(root, path));
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stdin?: string | Uint8Array;
  color?: boolean;
  /** Standard error is a terminal (progress lines). */
  stderrTerminal?: boolean;
  today?: string;
  readStdin?: CliIo["readStdin"];
  verdictCachePath?: string;
}

/** Runs the command line in-process with a fake terminal. */
export async function runCli(args: string[], options: RunOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const stdin = options.stdin ?? "";
  const io: CliIo = {
    cwd: options.cwd,
    today: options.today ?? "2024-06-01",
    isColorTerminal: options.color ?? false,
    isStderrTerminal: options.stderrTerminal ?? false,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: options.readStdin ?? (async () => (typeof stdin === "string" ? Buffer.from(stdin) : stdin)),
    verdictCachePath: options.verdictCachePath,
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** The `--format json` output, typed as DESIGN.md's version 1. */
export interface JsonReport {
  version: number;
  files: {
    path: string;
    findings: {
      rule: string;
      category: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      fix?: { text: string };
      suggestion?: { text: string };
    }[];
  }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export function parseJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** The rule ids of each file of a JSON report: a compact thing to compare. */
export function rulesByFile(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((file) => [file.path, file.findings.map((item) => item.rule)]));
}

/** True when a text carries a stack trace frame (`    at fn (file:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text);
}
