import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { reviewPost } from "../../src/review/engine.js";
import { buildSite } from "../../src/site/site.js";

/**
 * The typography rules judge what the reader will see: kramdown, Jekyll's default converter, publishes
 * straight apostrophes as `’`, `...` as `…` and straight double quotes as its `smart_quotes` say.
 */
const PATH = "_posts/2024-03-05-bilan.md";
const SOURCE = `---
title: Bilan
---

L'équipe a dit "merci" et puis... «\u00a0le service "Mes aides" marche\u00a0».
`;
const RULES = ["typo/apostrophe", "typo/ellipsis", "typo/straight-quotes"];

function review(configText: string | undefined, config: Record<string, unknown> = {}) {
  const site = buildSite({
    files: configText === undefined ? [] : ["_config.yml", PATH],
    configText,
    postGlobs: ["_posts/**/*.md"],
  }).site;
  return reviewPost({ path: PATH, source: SOURCE }, site, configSchema.parse(config), { today: "2024-06-01" })
    .filter((finding) => RULES.includes(finding.ruleId))
    .map(
      (finding) => `${finding.ruleId}:${finding.severity}:${finding.range.start.column} ${finding.message}`,
    );
}

describe("what the reader will see", () => {
  it("without a _config.yml, the source is what is published: every rule speaks as usual", () => {
    expect(review(undefined)).toEqual([
      "typo/apostrophe:info:2 Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
      'typo/straight-quotes:warning:16 Guillemets droits «\u00a0"…"\u00a0»\u00a0: les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
      "typo/ellipsis:warning:31 Trois points «\u00a0...\u00a0»\u00a0: le caractère «\u00a0…\u00a0» est attendu",
      'typo/straight-quotes:warning:48 Guillemets droits «\u00a0"…"\u00a0» dans une citation\u00a0: les guillemets anglais «\u00a0“…”\u00a0» sont attendus',
    ]);
  });

  it("with kramdown's defaults: apostrophes are silent, the messages say what kramdown publishes", () => {
    expect(review("title: Blog\n")).toEqual([
      'typo/straight-quotes:warning:16 Guillemets droits «\u00a0"…"\u00a0»\u00a0: le lecteur verra des guillemets «\u00a0“…”\u00a0» (kramdown les convertit), là où les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
      "typo/ellipsis:info:31 Trois points «\u00a0...\u00a0»\u00a0: kramdown les publie bien en «\u00a0…\u00a0», mais le texte source devrait porter ce caractère",
    ]);
  });

  it("with guillemets in smart_quotes: only the missing no-break spaces are said, and nested quotes", () => {
    expect(review('kramdown:\n  smart_quotes: ["apos", "apos", "laquo", "raquo"]\n')).toEqual([
      "typo/apostrophe:info:2 Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
      'typo/straight-quotes:warning:16 Guillemets droits «\u00a0"…"\u00a0»\u00a0: kramdown les publie en «\u00a0«…»\u00a0», sans les espaces insécables attendues à l’intérieur',
      "typo/ellipsis:info:31 Trois points «\u00a0...\u00a0»\u00a0: kramdown les publie bien en «\u00a0…\u00a0», mais le texte source devrait porter ce caractère",
      'typo/straight-quotes:warning:48 Guillemets droits «\u00a0"…"\u00a0» dans une citation\u00a0: kramdown les publie en «\u00a0«…»\u00a0», les guillemets anglais «\u00a0“…”\u00a0» sont attendus',
    ]);
  });

  it("a maintainer who wants typographic apostrophes in the source turns the rule on", () => {
    const apostrophes = (config: Record<string, unknown>) =>
      review("title: Blog\n", config).filter((line) => line.startsWith("typo/apostrophe"));
    expect(apostrophes({ typography: { apostrophe: "typographic" } })).toHaveLength(1);
    expect(apostrophes({ rules: { "typo/apostrophe": "warning" } })).toEqual([
      "typo/apostrophe:warning:2 Apostrophe droite «\u00a0'\u00a0»\u00a0: l’apostrophe typographique «\u00a0’\u00a0» est attendue",
    ]);
    expect(apostrophes({})).toEqual([]);
  });

  it("another Markdown engine converts nothing, unless CommonMark's SMART option is set", () => {
    expect(review("markdown: CommonMarkGhPages\n")).toEqual(review(undefined));
    expect(review("markdown: CommonMark\ncommonmark:\n  options: [SMART]\n")).toEqual([
      'typo/straight-quotes:warning:16 Guillemets droits «\u00a0"…"\u00a0»\u00a0: le lecteur verra des guillemets «\u00a0“…”\u00a0» (CommonMark les convertit), là où les guillemets français «\u00a0«\u00a0…\u00a0»\u00a0» sont attendus',
      "typo/ellipsis:info:31 Trois points «\u00a0...\u00a0»\u00a0: CommonMark les publie bien en «\u00a0…\u00a0», mais le texte source devrait porter ce caractère",
    ]);
  });

  it("kramdown's typographic_symbols can keep `...` as it is", () => {
    expect(review("kramdown:\n  typographic_symbols: {hellip: '...'}\n")).toContain(
      "typo/ellipsis:warning:31 Trois points «\u00a0...\u00a0»\u00a0: le caractère «\u00a0…\u00a0» est attendu",
    );
  });

  it("`--` is a note where the converter publishes it as « – », a warning where it stays", () => {
    const dashes = (configText: string | undefined) => {
      const site = buildSite({
        files: configText === undefined ? [] : ["_config.yml", PATH],
        configText,
        postGlobs: ["_posts/**/*.md"],
      }).site;
      return reviewPost({ path: PATH, source: "Une page -- enfin.\n" }, site, configSchema.parse({}), {
        today: "2024-06-01",
      })
        .filter((finding) => finding.ruleId === "typo/incise-dash")
        .map((finding) => `${finding.severity} ${finding.fix?.text ?? "no fix"}`);
    };
    expect(dashes(undefined)).toEqual(["warning –"]);
    expect(dashes("title: Blog\n")).toEqual(["info –"]);
    expect(dashes("markdown: CommonMark\ncommonmark:\n  options: [SMART]\n")).toEqual(["info –"]);
    expect(dashes("markdown: CommonMark\n")).toEqual(["warning –"]);
    expect(dashes("kramdown:\n  typographic_symbols: {ndash: '--'}\n")).toEqual(["warning –"]);
  });
});
