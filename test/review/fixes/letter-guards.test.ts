import { describe, expect, it } from "vitest";
import { isInsideName, splitsName } from "../../../src/review/fixes/letter-guards.js";

/** Whether a fix replacing `written` (its first occurrence in `source`) by `text` changes part of a name. */
const inName = (source: string, written: string, text = written.toUpperCase()) => {
  const start = source.indexOf(written);
  return isInsideName(source, { start, end: start + written.length, text });
};

describe("isInsideName", () => {
  const names: { name: string; source: string; written: string }[] = [
    { name: "the second part of a dotted name (Vue.Js)", source: "Avec Vue.Js et Nuxt.", written: "Js" },
    { name: "the first part of a dotted name (Node.js)", source: "Sous Node.js, tout va.", written: "Node" },
    { name: "a part of ASP.NET", source: "Un site ASP.NET ancien.", written: "NET" },
    { name: "a part of a domain", source: "Voir etat.gouv.fr pour cela.", written: "etat" },
    { name: "the middle of a domain", source: "Voir www.Education.gouv.fr demain.", written: "Education" },
    { name: "a part of an e-mail address", source: "Écrire à contact@Etat.fr.", written: "Etat" },
    { name: "a part of an identifier", source: "La table user_Mars.", written: "Mars" },
    { name: "a letter of an all-caps acronym", source: "Le projet ETAT avance.", written: "E" },
    { name: "a letter of a word with an inner capital", source: "Le site EtatCivil ferme.", written: "E" },
  ];
  for (const { name, source, written } of names) {
    it(`is true for ${name}`, () => expect(inName(source, written, "x")).toBe(true));
  }

  const words: { name: string; source: string; written: string; text?: string }[] = [
    { name: "a plain word", source: "Les startups d'Etat.", written: "E" },
    { name: "a word ending a sentence", source: "Le 3 Mars. Puis avril.", written: "M" },
    { name: "a hyphenated word", source: "Les Etats-Unis.", written: "E" },
    {
      name: "a whole dotted name replaced (a lexicon entry)",
      source: "Sous node.js, tout va.",
      written: "node.js",
      text: "Node.js",
    },
    {
      name: "a whole acronym replaced (a lexicon entry)",
      source: "Les DEVOPS arrivent.",
      written: "DEVOPS",
      text: "DevOps",
    },
    { name: "a Roman ordinal", source: "Au XIXème siècle.", written: "ème", text: "e" },
    { name: "a word after an abbreviation's period and a space", source: "cf. Etat, p. 3.", written: "E" },
  ];
  for (const { name, source, written, text } of words) {
    it(`is false for ${name}`, () => expect(inName(source, written, text ?? "x")).toBe(false));
  }
});

describe("splitsName", () => {
  const at = (source: string, after: string, text = " ") => {
    const start = source.indexOf(after) + after.length;
    return splitsName(source, { start, end: start, text });
  };
  it("is true for a space written after the dot of a name", () => {
    expect(at("Le front en Vue.Js, enfin.", "Vue.")).toBe(true);
    expect(at("Un site ASP.NET ancien.", "ASP.")).toBe(true);
    expect(at("Voir gov.uk demain.", "gov.")).toBe(true);
  });
  it("is false for a space after a sentence's full stop, or a fix that writes no space", () => {
    expect(at("Fin. Début.", "Fin.")).toBe(false);
    expect(at("Vue.Js", "Vue.", "")).toBe(false);
    expect(at("Il dit: oui", "dit", "\u00a0")).toBe(false);
  });
});

describe("splitsName, between two sentences", () => {
  it("is false for a sentence glued to the next (a small word, then a capitalised one)", () => {
    const source = "Nous avons livré.Bravo.";
    const start = source.indexOf(".") + 1;
    expect(splitsName(source, { start, end: start, text: " " })).toBe(false);
  });
});
