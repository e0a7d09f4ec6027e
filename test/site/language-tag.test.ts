import { describe, expect, it } from "vitest";
import { languageCode } from "../../src/site/language-tag.js";

describe("languageCode", () => {
  const rows: [unknown, string | undefined][] = [
    ["en", "en"],
    ["EN", "en"],
    ["en-US", "en"],
    ["en_GB", "en"],
    ["en_GB.UTF-8", "en"],
    [" english ", "en"],
    ["English", "en"],
    ["anglais", "en"],
    ["eng", "en"],
    ["fr", "fr"],
    ["fr-FR", "fr"],
    ["fr_CA", "fr"],
    ["French", "fr"],
    ["français", "fr"],
    ["Francais", "fr"],
    ["fra", "fr"],
    ["de-DE", "de"],
    ["Deutsch", "de"],
    ["zh-Hant-TW", "zh"],
    ["klingon", undefined],
    ["", undefined],
    ["en US", undefined],
    [["en"], undefined],
    [42, undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [value, expected] of rows) {
    it(`${JSON.stringify(value)} → ${expected}`, () => expect(languageCode(value)).toBe(expected));
  }
});
