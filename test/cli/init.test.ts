import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { RULE_IDS } from "../../src/review/registry.js";
import { makeSite, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const post = (title: string, extra: string, body: string) =>
  `---\ntitle: ${title}\nauthors: [jdupont]\n${extra}---\n\n${body}\n`;

/** A site whose habits are plain: lists with `*`, `description` in every post, `language` on some. */
function habitsSite() {
  const files: Record<string, string | null> = {
    "_config.yml":
      "title: Blog\nurl: https://blog.example.org\nbaseurl: /blog\nplugins: [jekyll-feed, jemoji]\ncollections:\n  authors:\n    output: true\n",
  };
  for (let day = 10; day < 20; day++) {
    files[`_posts/2024-03-${day}-billet-${day}.md`] = post(
      `Billet ${day}`,
      `description: Le billet ${day}\n${day % 3 === 0 ? "language: en\n" : ""}`,
      "Une liste :\n\n* un\n* deux\n\n```\n- pas une puce\n```\n",
    );
  }
  return makeSite(files);
}

describe("relecteur init", () => {
  it("writes a configuration valid against the schema, from what the site shows", async () => {
    const root = habitsSite();
    const run = await runCli(["init"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const path = join(root, ".github/relecteur.yml");
    expect(run.stdout).toBe(`${path} écrit d’après 10 articles.\n`);
    const text = readFileSync(path, "utf8");
    const parsed = parseConfig(text, RULE_IDS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.frontmatter.required).toEqual(["title", "authors", "description"]);
    expect(parsed.config.frontmatter.authorsCollection).toBe("_authors");
    expect(parsed.config.markdown.listMarker).toBe("*");
    expect(text).toContain("«\u00a0language\u00a0» (en\u00a0: 3)");
    expect(text).toContain("jekyll-feed, jemoji");
    expect(text).toContain("https://blog.example.org (baseurl /blog)");
    // Its own French: typographic apostrophes, narrow no-break spaces before « : ».
    expect(text).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
    expect(text).not.toMatch(/ [:;!?](\s|$)/m);
  });

  it("leaves the list marker to each post when no marker dominates", async () => {
    const root = makeSite({
      "_posts/2024-03-05-a.md": post("A", "", "- un\n- deux\n"),
      "_posts/2024-03-06-b.md": post("B", "", "* un\n* deux\n"),
    });
    expect((await runCli(["init"], { cwd: root })).status).toBe(0);
    const parsed = parseConfig(readFileSync(join(root, ".github/relecteur.yml"), "utf8"), RULE_IDS);
    expect(parsed.ok && parsed.config.markdown.listMarker).toBe("consistent");
  });

  it("refuses to overwrite an existing configuration, exit 2", async () => {
    const root = makeSite({ ".github/relecteur.yml": "locale: en\n" });
    const run = await runCli(["init"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `relecteur: ${join(root, ".github/relecteur.yml")} existe déjà\u00a0: relecteur init ne remplace pas une configuration\n`,
    );
    expect(readFileSync(join(root, ".github/relecteur.yml"), "utf8")).toBe("locale: en\n");
  });

  it("writes a configuration that `relecteur check` then reads", async () => {
    const root = habitsSite();
    await runCli(["init"], { cwd: root });
    expect(existsSync(join(root, ".github/relecteur.yml"))).toBe(true);
    const run = await runCli(["check", "--offline", "--format", "json"], { cwd: root });
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.status);
  });
});
