import { describe, expect, it } from "vitest";
import { parsePost } from "../../../src/review/parse-post.js";
import { findEnglishRanges } from "../../../src/review/prose/english.js";
import { extractProse } from "../../../src/review/prose/extract-prose.js";
import { languageEvidence } from "../../../src/review/prose/language-evidence.js";
import { OPAQUE } from "../../../src/review/prose/prose-block.js";

const englishOf = (text: string) => findEnglishRanges(text).map(([from, to]) => text.slice(from, to));

/** Short units as they stand alone: a heading, a list item, a title. */
const ENGLISH_UNITS = [
  "Why we moved to Kubernetes",
  "Building a design system at scale",
  "Move fast and break things",
  "Lessons learned from our first year",
  "How to write a good README",
  "Getting started with Rust",
  "Scaling Postgres for fun and profit",
  "Keynote: The future of web components",
  "What's new in TypeScript 5",
  "Don’t repeat yourself",
  "Talk is cheap. Show me the code.",
  "Done is better than perfect",
  "Release early, release often",
  "Testing the migration in production",
  "Making sense of observability",
  "Infrastructure as code with Terraform",
  "You build it, you run it",
  "Open source all the things",
  "Start with why",
  "Less is more",
  "We are hiring!",
  "Thanks for coming",
  "From monolith to microservices",
  "No more digital bullshit please",
];
/** French units, many with English loan words: they must stay French. */
const FRENCH_UNITS = [
  "Pourquoi nous avons migré vers Kubernetes",
  "Construire un design system",
  "Le product owner et le designer",
  "Notre startup dans le cloud",
  "Retour sur le DevFest Nantes",
  "Kubernetes en production",
  "Le design de l'API",
  "Comment écrire un bon README",
  "Faire du DevOps au quotidien",
  "Un MVP en trois semaines",
  "La startup d'État",
  "Le cloud souverain",
  "Tester en production",
  "Design system : retour d'expérience",
  "Un product owner à temps plein",
  "Les tests end-to-end",
  "Faire un pull request",
  "Sprint review et rétrospective",
  "Le feature flipping en pratique",
  "Le lean startup appliqué à l'État",
  "Open data et transparence",
  "Best practices et pièges à éviter",
  "Le Back to the Future day",
  "Nous utilisons Ruby on Rails.",
  "Notre DSI a une équipe IT et une équipe US.",
  "Il a cité Le Monde (in fine, un bon article).",
  "Le no code, in situ.",
];
/** Names and one-word headings: no language at all, so not English. */
const NEUTRAL_UNITS = [
  "Docker Compose",
  "Introduction",
  "Design system",
  "Open Source",
  "Product owner",
  "Speakers",
  "Hackathon",
  "Stay hungry, stay foolish",
];

describe("findEnglishRanges, unit by unit", () => {
  for (const unit of ENGLISH_UNITS) {
    it(`English: ${unit}`, () => expect(englishOf(unit)).toEqual([unit]));
  }
  for (const unit of [...FRENCH_UNITS, ...NEUTRAL_UNITS]) {
    it(`not English: ${unit}`, () => expect(englishOf(unit)).toEqual([]));
  }
});

describe("findEnglishRanges in a French paragraph", () => {
  it("marks an English quotation in guillemets, the guillemets and their spaces left French", () => {
    expect(englishOf("Leur devise, « Move fast and break things! », a vieilli.")).toEqual([
      "Move fast and break things!",
    ]);
  });

  it("marks an English quotation in curly quotes", () => {
    expect(englishOf("Le slogan “Less is more” nous guide.")).toEqual(["Less is more"]);
  });

  it("leaves straight quotes around a short English quotation to the French sentence", () => {
    const text = 'Linus l\'a dit : "Talk is cheap. Show me the code."';
    expect(englishOf(text)).toEqual(["Talk is cheap. Show me the code."]);
  });

  it("gives no French rule to an English sentence quoted inside an English clause", () => {
    const text = 'Nous citons Kent Beck. As he put it, "make it work, make it right". Et voilà.';
    expect(englishOf(text).map((range) => range.trim())).toEqual([
      'As he put it, "make it work, make it right".',
    ]);
  });

  it("keeps both quotes of an English quotation with the English clause that opens it", () => {
    const text = 'As Linus put it, "talk is cheap: show me the code". Nous avons donc montré le code.';
    expect(englishOf(text)).toEqual(['As Linus put it, "talk is cheap: show me the code"']);
  });

  it("keeps a lead-in that introduces an English sentence with it", () => {
    const text = 'Ils ont répondu. They said: "we will ship it". Puis rien.';
    expect(englishOf(text).map((range) => range.trim())).toEqual(['They said: "we will ship it".']);
  });

  it("takes a paragraph whose judged sentences are all English as English, wordless ones included", () => {
    const text = "Stay hungry. Stay foolish. That’s all, folks.";
    expect(englishOf(text)).toEqual([text]);
  });

  it("weighs a long English sentence over the French name it quotes", () => {
    const text = "We met them at the Café de la Gare, and it was great.";
    expect(languageEvidence(text).french).toBeGreaterThan(0);
    expect(englishOf(text)).toEqual([text]);
  });

  it("does not count acronyms as the words they spell", () => {
    expect(languageEvidence("IT US IT")).toEqual({ english: 0, french: 0 });
    expect(languageEvidence("it is")).toEqual({ english: 2, french: 0 });
  });
});

describe("English units in a post's prose", () => {
  const blocksOf = (source: string) => extractProse(parsePost("_posts/2024-03-05-a.md", source));
  const englishIn = (source: string) =>
    blocksOf(source).flatMap((block) =>
      block.englishRanges.map(
        ([from, to]) => `${block.kind}: ${block.text.slice(from, to).replaceAll(OPAQUE, "¤")}`,
      ),
    );

  it("marks the front matter title, headings and list items on their own", () => {
    const source = [
      "---",
      "title: Building a design system at scale",
      "---",
      "",
      "## Why we moved to Kubernetes",
      "",
      "Nous avons tout migré : voici pourquoi.",
      "",
      "- Move fast and break things",
      "- Le product owner et le designer",
      "",
    ].join("\n");
    expect(englishIn(source)).toEqual([
      "title: Building a design system at scale",
      "heading: Why we moved to Kubernetes",
      "paragraph: Move fast and break things",
    ]);
  });

  it("marks a talk title in a link or an emphasis, not the French around it", () => {
    const source = [
      "- [Why we moved to Kubernetes?](https://example.org/talk) par Claire (Scaleway) : très suivi",
      "- *Testing in production: the good parts*, par Sam",
      "",
    ].join("\n");
    expect(englishIn(source)).toEqual([
      "paragraph: Why we moved to Kubernetes?",
      "paragraph: Testing in production: the good parts",
    ]);
  });

  it("keeps the separator of a photo credit French around an English photo title", () => {
    const source =
      "[CC BY-SA 2.0](https://creativecommons.org/licenses/by-sa/2.0/) - [Paul Townsend - TV Shows We Used To Watch](https://flickr.com/x)\n";
    expect(englishIn(source)).toEqual(["paragraph: Paul Townsend - TV Shows We Used To Watch"]);
  });

  it("keeps a French title French inside an English clause", () => {
    const source = "Une citation célèbre (VP Marketing, Apple; in *L'art de se lancer*).\n";
    expect(englishIn(source)).toEqual([]);
  });

  it("marks a blockquote in English", () => {
    expect(englishIn("Knuth disait :\n\n> Premature optimization is the root of all evil.\n")).toEqual([
      "paragraph: Premature optimization is the root of all evil.",
    ]);
  });
});
