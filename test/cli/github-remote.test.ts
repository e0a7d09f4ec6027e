import { describe, expect, it } from "vitest";
import { githubRepositoryOf } from "../../src/cli/github-remote.js";

describe("githubRepositoryOf", () => {
  it.each([
    "https://github.com/betagouv/blog.git",
    "https://github.com/betagouv/blog",
    "https://jdupont@github.com/betagouv/blog/",
    "git@github.com:betagouv/blog.git",
    "ssh://git@github.com/betagouv/blog.git",
    "ssh://git@github.com:22/betagouv/blog",
  ])("reads %s", (url) => {
    expect(githubRepositoryOf(url)).toEqual({
      webUrl: "https://github.com",
      owner: "betagouv",
      repo: "blog",
    });
  });

  it("reads a GitHub Enterprise Server named github.<domain>", () => {
    expect(githubRepositoryOf("git@github.exemple.gouv.fr:blog/site.git")).toEqual({
      webUrl: "https://github.exemple.gouv.fr",
      owner: "blog",
      repo: "site",
    });
  });

  it.each([
    "https://gitlab.com/betagouv/blog.git",
    "/srv/git/blog.git",
    "../blog",
    "https://github.com/betagouv",
    "file:///srv/git/blog.git",
  ])("takes %s for no GitHub repository", (url) => {
    expect(githubRepositoryOf(url)).toBeUndefined();
  });
});
