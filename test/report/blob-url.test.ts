import { describe, expect, it } from "vitest";
import { blobUrl, webUrlOfApi } from "../../src/report/blob-url.js";

describe("webUrlOfApi", () => {
  it.each([
    ["https://api.github.com", "https://github.com"],
    ["https://api.github.com/", "https://github.com"],
    ["https://github.example.org/api/v3", "https://github.example.org"],
    ["https://github.example.org/api/v3/", "https://github.example.org"],
    ["http://127.0.0.1:8080/api/v3", "http://127.0.0.1:8080"],
    ["https://api.octocorp.ghe.com", "https://octocorp.ghe.com"],
  ])("%s → %s", (api, web) => {
    expect(webUrlOfApi(api)).toBe(web);
  });
});

describe("blobUrl", () => {
  it("points at the file at the commit, as plain text, with each segment escaped", () => {
    const at = { webUrl: "https://github.com", owner: "betagouv", repo: "blog", sha: "abc123" };
    expect(blobUrl(at, "_posts/2024-03-05-bilan.md")).toBe(
      "https://github.com/betagouv/blog/blob/abc123/_posts/2024-03-05-bilan.md?plain=1",
    );
    expect(blobUrl(at, "_posts/2024-03-05-été #2.md")).toBe(
      "https://github.com/betagouv/blog/blob/abc123/_posts/2024-03-05-%C3%A9t%C3%A9%20%232.md?plain=1",
    );
  });
});
