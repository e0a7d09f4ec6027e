import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_POST_BYTES } from "../../src/review/review-file.js";
import { LazySiteTexts } from "../../src/site/lazy-texts.js";
import { buildSite } from "../../src/site/site.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function siteFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "relecteur-lazy-"));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(folder, path), text);
  return folder;
}

describe("a local site's texts, read on demand", () => {
  it("reads a page when it is first asked for, not when the site is opened", () => {
    const folder = siteFolder({ "a-propos.md": "avant" });
    const texts = new LazySiteTexts(folder, ["a-propos.md"]);
    writeFileSync(join(folder, "a-propos.md"), "après");
    expect(texts.get("a-propos.md")).toBe("après");
    writeFileSync(join(folder, "a-propos.md"), "encore après");
    expect(texts.get("a-propos.md")).toBe("après");
  });

  it("holds Markdown and HTML files only, and leaves out oversized and vanished ones", () => {
    const folder = siteFolder({
      "index.html": "<h1>Accueil</h1>",
      "a-propos.md": "# À propos",
      "style.css": "body {}",
      "enorme.md": "x".repeat(MAX_POST_BYTES + 1),
    });
    const texts = new LazySiteTexts(folder, [
      "index.html",
      "a-propos.md",
      "style.css",
      "enorme.md",
      "parti.md",
    ]);
    expect(new Map(texts)).toEqual(
      new Map([
        ["index.html", "<h1>Accueil</h1>"],
        ["a-propos.md", "# À propos"],
      ]),
    );
    expect(texts.has("style.css")).toBe(false);
    expect(texts.get("parti.md")).toBeUndefined();
    expect(texts.size).toBe(2);
  });

  it("stays lazy inside a site model: building the site reads no page", () => {
    const folder = siteFolder({ "a-propos.md": "avant" });
    const { site } = buildSite({
      files: ["a-propos.md"],
      postGlobs: ["_posts/**"],
      texts: new LazySiteTexts(folder, ["a-propos.md"]),
    });
    writeFileSync(join(folder, "a-propos.md"), "après");
    expect(site.texts.get("a-propos.md")).toBe("après");
  });
});
