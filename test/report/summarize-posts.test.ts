import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { summarizePosts } from "../../src/report/summarize-posts.js";
import { renderSummaryComment } from "../../src/report/summary-comment.js";
import { buildSite } from "../../src/site/site.js";
import { fileResult, finding } from "./findings.js";

const config = configSchema.parse({
  preview: { url: "https://deploy-preview-{number}--blog.netlify.app{permalink}" },
});
const { site } = buildSite({
  files: ["_config.yml", "_posts/2024-03-05-bonjour.md"],
  configText: "url: https://blog.example.org\npermalink: pretty\n",
  postGlobs: config.posts,
});

const POST = "---\ntitle: '  Bonjour à tous  '\n---\n\nUn texte.\n";

describe("summarizePosts", () => {
  it("gives each post its title, URL on the site and preview URL", () => {
    const warning = finding({ line: 2 });
    const [summary] = summarizePosts(
      [fileResult("_posts/2024-03-05-bonjour.md", [warning], POST)],
      site,
      config,
      12,
    );
    expect(summary).toEqual({
      path: "_posts/2024-03-05-bonjour.md",
      title: "Bonjour à tous",
      url: "https://blog.example.org/2024/03/05/bonjour/",
      previewUrl: "https://deploy-preview-12--blog.netlify.app/2024/03/05/bonjour/",
      findings: [warning],
    });
  });

  it("has no preview URL without the pull request number the template needs", () => {
    const [summary] = summarizePosts([fileResult("_posts/2024-03-05-bonjour.md", [], POST)], site, config);
    expect(summary?.url).toBe("https://blog.example.org/2024/03/05/bonjour/");
    expect(summary?.previewUrl).toBeUndefined();
  });

  it("keeps the front matter permalink", () => {
    const source = "---\ntitle: Bonjour\npermalink: /a-propos/\n---\n\nUn texte.\n";
    const [summary] = summarizePosts(
      [fileResult("_posts/2024-03-05-bonjour.md", [], source)],
      site,
      config,
      3,
    );
    expect(summary?.url).toBe("https://blog.example.org/a-propos/");
    expect(summary?.previewUrl).toBe("https://deploy-preview-3--blog.netlify.app/a-propos/");
  });

  it("knows only the path and findings of a file that could not be read", () => {
    const unreadable = finding({ rule: "markdown/unreadable-file", severity: "error" });
    const [summary] = summarizePosts(
      [fileResult("_posts/2024-03-05-image.md", [unreadable])],
      site,
      config,
      1,
    );
    expect(summary).toEqual({ path: "_posts/2024-03-05-image.md", findings: [unreadable] });
  });

  it("knows no title or URL for a broken front matter", () => {
    const source = "---\ntitle: Bonjour\nauthors: [jdupont\n---\n\nUn texte.\n";
    const [summary] = summarizePosts(
      [fileResult("_posts/2024-03-05-bonjour.md", [], source)],
      site,
      config,
      1,
    );
    expect(summary).toEqual({ path: "_posts/2024-03-05-bonjour.md", findings: [] });
  });

  it("feeds the summary comment", () => {
    const posts = summarizePosts([fileResult("_posts/2024-03-05-bonjour.md", [], POST)], site, config, 12);
    expect(renderSummaryComment(posts, "fr")).toContain(
      "### `Bonjour à tous`\n\n`_posts/2024-03-05-bonjour.md` · [sur le site](https://blog.example.org/2024/03/05/bonjour/) · [aperçu](https://deploy-preview-12--blog.netlify.app/2024/03/05/bonjour/)\n",
    );
  });
});
