import { describe, expect, it } from "vitest";
import { buildSite, emptySite } from "../../src/site/site.js";

const files = [
  "_config.yml",
  "_posts/2024-01-02-voeux.md",
  "_posts/2024/2024-02-03-bilan.markdown",
  "_posts/notes.txt",
  "blog/_posts/2024-03-04-annexe.md",
  "_authors/jean.dupont.md",
  "_authors/marie.martin.markdown",
  "_authors/archives/ancien.md",
  "img/posts/photo.jpg",
];

describe("buildSite", () => {
  const { site } = buildSite({
    files,
    configText: "url: https://exemple.fr\n",
    postGlobs: ["_posts/**/*.md", "_posts/**/*.markdown"],
  });

  it("selects posts with the globs, sorted", () => {
    expect(site.posts).toEqual(["_posts/2024-01-02-voeux.md", "_posts/2024/2024-02-03-bilan.markdown"]);
    expect(site.isPost("_posts/2024-09-09-nouveau.md")).toBe(true);
    expect(site.isPost("_posts/notes.txt")).toBe(false);
    expect(site.isPost("./_posts/2024-09-09-nouveau.md")).toBe(true);
  });

  it("honours other globs", () => {
    const custom = buildSite({ files, postGlobs: ["**/_posts/*.md"] }).site;
    expect(custom.posts).toEqual(["_posts/2024-01-02-voeux.md", "blog/_posts/2024-03-04-annexe.md"]);
  });

  it("knows the documents of a collection folder, by id, not in sub-folders", () => {
    expect([...site.documentIds("_authors")].sort()).toEqual(["jean.dupont", "marie.martin"]);
    expect([...site.documentIds("_authors/")].sort()).toEqual(["jean.dupont", "marie.martin"]);
    expect(site.documentIds("_inconnu").size).toBe(0);
  });

  it("reads _config.yml and knows whether it had one", () => {
    expect(site.hasConfig).toBe(true);
    expect(site.jekyll.url).toBe("https://exemple.fr");
    expect(emptySite(["_posts/*.md"]).hasConfig).toBe(false);
  });

  it("normalizes Windows separators in the listing", () => {
    const windows = buildSite({ files: ["_posts\\2024-01-02-voeux.md"], postGlobs: ["_posts/*.md"] }).site;
    expect(windows.posts).toEqual(["_posts/2024-01-02-voeux.md"]);
  });

  it("passes on the problems of a broken _config.yml", () => {
    const { problems } = buildSite({ files, configText: "url: [\n", postGlobs: [] });
    expect(problems).toHaveLength(1);
  });
});
