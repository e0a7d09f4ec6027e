import { describe, expect, it } from "vitest";
import { parseMarkdownLinkCheckConfig } from "../../src/links/markdown-link-check-config.js";

describe("parseMarkdownLinkCheckConfig", () => {
  it("keeps ignorePatterns and aliveStatusCodes, and nothing else", () => {
    const { exceptions, problems } = parseMarkdownLinkCheckConfig(
      JSON.stringify({
        ignorePatterns: [{ pattern: "^https://intranet\\." }, { pattern: "localhost" }, { nope: 1 }],
        aliveStatusCodes: [200, 206, 403, "429", 1000],
        httpHeaders: [{ urls: ["https://a.fr"], headers: { Authorization: "{{env.TOKEN}}" } }],
        replacementPatterns: [{ pattern: "^/", replacement: "{{BASEURL}}/" }],
      }),
    );
    expect(problems).toEqual([]);
    expect(exceptions.ignore.map((pattern) => pattern.source)).toEqual([
      "^https:\\/\\/intranet\\.",
      "localhost",
    ]);
    expect(exceptions.aliveStatusCodes).toEqual([200, 206, 403]);
    expect(Object.keys(exceptions)).toEqual(["ignore", "aliveStatusCodes"]);
  });

  const broken: { name: string; text: string; problem: RegExp }[] = [
    { name: "broken JSON", text: "{ ignorePatterns: [", problem: /^JSON invalide\u00a0: / },
    {
      name: "an invalid regex",
      text: '{"ignorePatterns":[{"pattern":"("}]}',
      problem: /^motif ignoré invalide\u00a0: \($/,
    },
  ];
  for (const { name, text, problem } of broken) {
    it(`reports ${name} and goes on`, () => {
      const { exceptions, problems } = parseMarkdownLinkCheckConfig(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(problem);
      expect(exceptions.ignore).toEqual([]);
    });
  }
});
