import { cpSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, parseJson, runCli, useTempDirs } from "../cli/temp-site.js";

/**
 * What Jekyll really serves, on the shared test blog: a tags page whose ids come from a Liquid loop, pages
 * that its listed plugins write (jekyll-feed at `/atom.xml`, jekyll-paginate, jekyll-sitemap,
 * jekyll-archives), emoji shortcodes and straight apostrophes that kramdown publishes as `’`.
 */
const BLOG = resolve(import.meta.dirname, "../fixtures/tech-blog");
const POST = "_posts/2025-04-14-jekyll-pages-generees.md";

useTempDirs();

async function check(root: string, path: string) {
  const run = await runCli(["check", path, "--format", "json", "--offline"], { cwd: root });
  return parseJson(run.stdout).files.flatMap((file) => file.findings);
}

describe("the tech blog's generated pages", () => {
  it("reports no link to a plugin page or a Liquid anchor, nor the apostrophes and shortcodes", async () => {
    const findings = await check(BLOG, POST);
    const about = (rule: string) => findings.filter((finding) => finding.rule === rule);
    expect(about("links/dead-internal-link")).toEqual([]);
    expect(about("links/missing-anchor")).toEqual([]);
    expect(about("typo/apostrophe")).toEqual([]);
    // `:tada:` on line 7 is not prose: no colon rule about it.
    expect(findings.filter((finding) => finding.line === 7)).toEqual([]);
  });

  it("still reports links to what neither a file nor a listed plugin serves", async () => {
    const root = makeTempDir();
    cpSync(BLOG, root, { recursive: true });
    const dead = join(root, "_posts/2025-04-15-liens-morts.md");
    writeFileSync(
      dead,
      [
        "---",
        "title: Liens morts",
        "authors: [claire]",
        "---",
        "",
        // jekyll-feed writes /atom.xml here, not /feed.xml; page 1 of the index is /blog/ itself; no post is
        // tagged « inconnue »; the month archives are not enabled.
        "[Flux](/feed.xml), [page 1](/blog/page1/), [étiquette](/tag/inconnue/), [mois](/archives/2025/04/).",
        "",
      ].join("\n"),
    );
    const findings = await check(root, dead);
    const dead_links = findings
      .filter((finding) => finding.rule === "links/dead-internal-link")
      .map((finding) => finding.message.match(/«\u00a0([^»]+)\u00a0»/)?.[1]);
    expect(dead_links).toEqual(["/feed.xml", "/blog/page1/", "/tag/inconnue/", "/archives/2025/04/"]);
  });
});
