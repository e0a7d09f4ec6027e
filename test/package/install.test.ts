import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repository = resolve(import.meta.dirname, "../..");
const folder = mkdtempSync(join(tmpdir(), "relecteur-pack-"));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

// What a user gets: the packed tarball, installed in an empty folder, run through npx on a post there.
describe("the package as users install it", () => {
  it("packs, installs from the tarball and reviews a post with npx relecteur", {
    timeout: 300_000,
  }, async () => {
    const packed = await run("npm", ["pack", "--silent", "--pack-destination", folder], { cwd: repository });
    const tarball = join(folder, packed.stdout.trim().split("\n").pop() ?? "");
    const project = join(folder, "blog");
    mkdirSync(join(project, "_posts"), { recursive: true });
    writeFileSync(join(project, "package.json"), '{ "name": "blog", "private": true }\n');
    writeFileSync(join(project, "_config.yml"), "title: Blog\nurl: https://blog.example.org\n");
    writeFileSync(
      join(project, "_posts/2024-03-05-bilan.md"),
      "---\ntitle: Bilan\n---\n\nLe constat: il faut agir.\n",
    );
    // The registry's packages come from npm's cache filled by `npm ci`: no network needed when it is warm.
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--omit=dev", tarball], {
      cwd: project,
    });
    expect(readdirSync(join(project, "node_modules/relecteur/dist/src"))).toContain("cli.js");
    const check = await run("npx", ["--no-install", "relecteur", "check", "--offline", "--format", "json"], {
      cwd: project,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const report = JSON.parse(check.stdout) as { files: { path: string; findings: { rule: string }[] }[] };
    expect(report.files.map((file) => file.path)).toEqual(["_posts/2024-03-05-bilan.md"]);
    expect(report.files[0]?.findings.map((finding) => finding.rule)).toContain("typo/nbsp-before-colon");
    expect((check as { code?: number }).code).toBe(1);
  });
});
