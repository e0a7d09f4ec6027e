import { describe, expect, it } from "vitest";
import { deepLink, renderPreviewLinks, withDeploymentLinks } from "../../src/report/preview-links.js";

const COMMIT = "9f4e2c7a1b3d5e6f708192a3b4c5d6e7f8091a2b";

describe("deepLink", () => {
  it.each([
    ["https://x.netlify.app", "", "/2024/03/05/a.html", "https://x.netlify.app/2024/03/05/a.html"],
    ["https://x.netlify.app/", "/blog", "/2024/03/05/a.html", "https://x.netlify.app/blog/2024/03/05/a.html"],
    ["https://o.github.io/blog/", "/blog", "/a/", "https://o.github.io/blog/a/"],
    ["https://x.app", "", "/l'été/", "https://x.app/l'%C3%A9t%C3%A9/"],
    ["https://x.app", "", "/d%C3%A9j%C3%A0/", "https://x.app/d%C3%A9j%C3%A0/"],
  ])("%s + %s + %s", (address, baseurl, permalink, expected) => {
    expect(deepLink(address, baseurl, permalink)).toBe(expected);
  });
});

describe("withDeploymentLinks", () => {
  const line = (preview: Parameters<typeof renderPreviewLinks>[0]) =>
    `\`_posts/a.md\` · [sur le site](https://s.fr/a/)${renderPreviewLinks(preview, "fr")}`;

  it("replaces the links of the deployed commit, keeps the others, and keeps working on its own output", () => {
    const body = [
      line({
        kind: "builtin",
        url: "https://r.fr/t/",
        annotatedUrl: "https://r.fr/t/?relecture=1",
        commit: COMMIT,
        permalink: "/a--b/",
        baseurl: "",
      }),
      line({ commit: "b".repeat(40), permalink: "/c/", baseurl: "" }),
    ].join("\n");
    const once = withDeploymentLinks(body, COMMIT, "https://d.app");
    const [first, second] = once.split("\n");
    expect(first).toContain(" · [aperçu](https://d.app/a--b/)");
    expect(first).not.toContain("r.fr");
    expect(second).toBe(body.split("\n")[1]);
    expect(withDeploymentLinks(once, COMMIT, "https://d.app")).toBe(once);
    expect(withDeploymentLinks(once, COMMIT, "https://e.app")).toContain("(https://e.app/a--b/)");
  });

  it("leaves a place for a deployment when there is no link yet, in the comment's language", () => {
    const body = line({ commit: COMMIT, permalink: "/a/", baseurl: "/blog" }).replace(/lang=fr/, "lang=en");
    expect(body).not.toContain("[aperçu");
    expect(withDeploymentLinks(body, COMMIT, "https://d.app")).toContain("[preview](https://d.app/blog/a/)");
  });
});
