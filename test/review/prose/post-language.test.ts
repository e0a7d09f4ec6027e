import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { parsePost } from "../../../src/review/parse-post.js";
import { extractProse } from "../../../src/review/prose/extract-prose.js";
import { clearLanguage, type PostLanguage, postLanguage } from "../../../src/review/prose/post-language.js";
import { buildSite } from "../../../src/site/site.js";

const ENGLISH_BODY =
  "We moved our services to Kubernetes last year. This is what we learned, and what we would do again.\n";
const FRENCH_BODY =
  "Nous avons migré nos services vers Kubernetes l’an dernier. Voici ce que nous en avons appris.\n";

function languageOf(
  frontMatter: string,
  body: string,
  options: { config?: Record<string, unknown>; siteConfig?: string } = {},
): PostLanguage {
  const title = frontMatter.includes("title:") ? "" : "title: Retour\n";
  const source = `---\n${title}${frontMatter}---\n\n${body}`;
  const post = parsePost("_posts/2024-03-05-retour.md", source);
  const site = buildSite({
    files: ["_config.yml"],
    configText: options.siteConfig,
    postGlobs: ["_posts/*.md"],
  }).site;
  return postLanguage(post, extractProse(post), configSchema.parse(options.config ?? {}), site);
}

describe("postLanguage", () => {
  describe("from the front matter, as sites write it", () => {
    const rows: [string, string][] = [
      ["lang: en\n", "en"],
      ["language: en\n", "en"],
      ["locale: en\n", "en"],
      ["lang: en-US\n", "en"],
      ["language: en_GB\n", "en"],
      ["language: english\n", "en"],
      ["language: English\n", "en"],
      ['lang: "fr"\n', "fr"],
      ["locale: fr-FR\n", "fr"],
      ["language: Français\n", "fr"],
      ["lang: de\n", "de"],
    ];
    for (const [frontMatter, code] of rows) {
      it(`${frontMatter.trim()} → ${code}`, () => {
        // The marker wins over prose in the other language, a site and a config that say otherwise.
        const body = code === "en" ? FRENCH_BODY : ENGLISH_BODY;
        const options = {
          config: { typography: { lang: code === "en" ? "fr" : "en" } },
          siteConfig: "lang: it\n",
        };
        expect(languageOf(frontMatter, body, options)).toEqual({ code, from: "front-matter" });
      });
    }

    it("reads lang before language before locale", () => {
      expect(languageOf("locale: fr\nlanguage: en\n", FRENCH_BODY).code).toBe("en");
      expect(languageOf("language: en\nlang: fr\n", ENGLISH_BODY).code).toBe("fr");
    });

    it("passes over a value that names no language", () => {
      expect(languageOf("lang: [en]\nlanguage: 42\nlocale: klingon\n", FRENCH_BODY)).toEqual({
        code: "fr",
        from: "default",
      });
    });
  });

  it("takes typography.lang for every post that does not mark its own, prose or site aside", () => {
    expect(languageOf("", FRENCH_BODY, { config: { typography: { lang: "en" } } })).toEqual({
      code: "en",
      from: "config",
    });
    expect(
      languageOf("", ENGLISH_BODY, { config: { typography: { lang: "fr" } }, siteConfig: "lang: en\n" }),
    ).toEqual({ code: "fr", from: "config" });
  });

  describe("from the site's _config.yml", () => {
    for (const siteConfig of ["lang: en\n", "locale: en-US\n", "language: English\n"]) {
      it(`${siteConfig.trim()} is the default of an unmarked post`, () => {
        expect(languageOf("", "Bilan.\n", { siteConfig })).toEqual({ code: "en", from: "site" });
      });
    }

    it("yields to prose clearly in the other language", () => {
      expect(languageOf("", ENGLISH_BODY, { siteConfig: "lang: fr\n" })).toEqual({
        code: "en",
        from: "prose",
      });
      expect(languageOf("", FRENCH_BODY, { siteConfig: "lang: en\n" })).toEqual({
        code: "fr",
        from: "prose",
      });
    });

    it("holds for a French post that quotes English at length", () => {
      const body = `${FRENCH_BODY}\n> ${ENGLISH_BODY}\n${FRENCH_BODY}`;
      expect(languageOf("", body, { siteConfig: "lang: fr\n" })).toEqual({ code: "fr", from: "site" });
    });
  });

  it("detects an unmarked English post when nothing says, the title counting", () => {
    expect(languageOf("", ENGLISH_BODY)).toEqual({ code: "en", from: "prose" });
    expect(languageOf("", FRENCH_BODY)).toEqual({ code: "fr", from: "default" });
    expect(languageOf("", "Hello.\n")).toEqual({ code: "fr", from: "default" });
    const body = "Kubernetes, Docker and Terraform.\n";
    expect(languageOf("", body).code).toBe("fr");
    expect(languageOf("title: What we learned and why it matters\n", body).code).toBe("en");
  });
});

describe("clearLanguage", () => {
  const rows: [number, number, string | undefined][] = [
    [0, 0, undefined],
    [4, 0, undefined],
    [5, 0, "en"],
    [30, 10, undefined],
    [31, 10, "en"],
    [10, 31, "fr"],
    [12, 20, undefined],
  ];
  for (const [english, french, expected] of rows) {
    it(`${english} English, ${french} French words → ${expected}`, () =>
      expect(clearLanguage({ english, french })).toBe(expected));
  }
});
