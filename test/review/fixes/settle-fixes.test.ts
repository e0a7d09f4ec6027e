import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { reviewPost } from "../../../src/review/engine.js";
import type { Finding, Rule } from "../../../src/review/types.js";
import { buildSite } from "../../../src/site/site.js";

const PATH = "_posts/2025-02-10-essai.md";
const site = buildSite({ files: [PATH], postGlobs: ["_posts/*.md"] }).site;

function review(
  body: string,
  config: Record<string, unknown> = {},
  frontMatter = "title: Essai\n",
): Finding[] {
  return reviewPost(
    { path: PATH, source: `---\n${frontMatter}---\n\n${body}\n` },
    site,
    configSchema.parse(config),
    {
      today: "2025-03-01",
      only: ["typo", "lexicon"],
    },
  );
}

/** rule, the text the finding covers, and its correction's kind and text. */
function summary(findings: Finding[], body: string): string[] {
  const source = `---\ntitle: Essai\n---\n\n${body}\n`;
  return findings.map((finding) => {
    const written = source.slice(finding.range.start.offset, finding.range.end.offset);
    const correction = finding.fix
      ? `fix ${finding.fix.text}`
      : finding.suggestion
        ? `suggestion ${finding.suggestion.text}`
        : "none";
    return `${finding.ruleId} « ${written} » ${correction}`;
  });
}

const ofRule = (findings: Finding[], rule: string) => findings.filter((finding) => finding.ruleId === rule);

describe("letter fixes on English text", () => {
  it("makes none in an English post", () => {
    const body = "A new tool is out. We use it.";
    expect(ofRule(review(body, {}, "title: Essai\nlang: en\n"), "typo/accented-capitals")).toEqual([]);
  });

  it("never turns the English article « A » into « À », even in a short English sentence of a French post", () => {
    expect(ofRule(review("Nous avons livré. A new tool, finally."), "typo/accented-capitals")).toEqual([]);
    expect(
      ofRule(review("Voici le bilan. A large-scale evaluation is underway."), "typo/accented-capitals"),
    ).toEqual([]);
  });

  it("keeps « À » where a French sentence opens with it", () => {
    const body = "Bilan. A partir de mai, tout change. A noter : rien.";
    expect(summary(ofRule(review(body), "typo/accented-capitals"), body)).toEqual([
      "typo/accented-capitals « A » suggestion À",
      "typo/accented-capitals « A » suggestion À",
    ]);
  });

  it("leaves the verb « A » of a biography alone", () => {
    expect(ofRule(review("A choisi de devenir développeur."), "typo/accented-capitals")).toEqual([]);
  });

  it("keeps a house-style finding in an English sentence, without its suggestion", () => {
    const body = "Le bilan est bon. We worked with Pole emploi and the team was there for the users.";
    const findings = ofRule(
      review(body, { lexicon: [{ use: "Pôle emploi", avoid: ["Pole emploi"] }] }),
      "lexicon/house-style",
    );
    expect(summary(findings, body)).toEqual(["lexicon/house-style « Pole emploi » none"]);
  });
});

describe("letter fixes inside a name", () => {
  const cases: { name: string; body: string; lexicon?: Record<string, unknown>[] }[] = [
    { name: "Vue.Js", body: "Le front est en Vue.Js depuis un an.", lexicon: [{ use: "JS" }] },
    { name: "Node.js", body: "Le serveur tourne sous Node.js depuis un an.", lexicon: [{ use: "NODE" }] },
    { name: "ASP.NET", body: "Le site est en ASP.NET depuis un an.", lexicon: [{ use: "Net" }] },
    { name: "a domain", body: "Voir www.Education.gouv.fr pour la suite." },
    {
      name: "an all-caps acronym",
      body: "Le projet DEVOPS avance.",
      lexicon: [{ use: "devops", avoid: ["DEV"] }],
    },
  ];
  for (const { name, body, lexicon } of cases) {
    it(`drops the finding inside ${name}`, () => {
      expect(review(body, lexicon ? { lexicon } : {}).filter((finding) => finding.suggestion)).toEqual([]);
      expect(ofRule(review(body, lexicon ? { lexicon } : {}), "lexicon/house-style")).toEqual([]);
      expect(ofRule(review(body), "typo/accented-capitals")).toEqual([]);
    });
  }

  it("writes no space inside a dotted name (Vue.Js), whatever rule asks for it", () => {
    const findings = review("Le front est écrit en Vue.Js depuis un an.");
    expect(findings.filter((finding) => finding.fix ?? finding.suggestion)).toEqual([]);
  });

  it("keeps a house-style entry that names the whole dotted name", () => {
    const body = "Le serveur tourne sous node.js depuis un an.";
    expect(summary(review(body, { lexicon: [{ use: "Node.js", avoid: ["node.js"] }] }), body)).toEqual([
      "lexicon/house-style « node.js » suggestion Node.js",
    ]);
  });

  it("drops a letter fix that any rule makes inside an all-caps acronym", () => {
    const lowerTheE: Rule = {
      id: "typo/test-lower",
      category: "typo",
      severity: "warning",
      docs: { title: "", rationale: "", wrong: [], right: [] },
      check(context) {
        const at = context.post.source.indexOf("ETAT");
        context.report({
          message: { fr: "m", en: "m" },
          range: context.rangeAt(at, at + 4),
          fix: { start: at, end: at + 1, text: "é" },
        });
      },
    };
    const source = "---\ntitle: Essai\n---\n\nLe projet ETAT avance.\n";
    expect(
      reviewPost({ path: PATH, source }, site, configSchema.parse({}), {
        today: "2025-03-01",
        rules: [lowerTheE],
      }),
    ).toEqual([]);
  });

  it("writes no accent on « Edition » in a product name, and keeps it in French", () => {
    const names = "Nous utilisons GitLab Community Edition et Enterprise Edition.";
    expect(ofRule(review(names), "typo/accented-capitals")).toEqual([]);
    const french = "Cette Edition est la dernière.";
    expect(summary(ofRule(review(french), "typo/accented-capitals"), french)).toEqual([
      "typo/accented-capitals « Edition » suggestion É",
    ]);
  });
});

describe("« Mars »", () => {
  const planets = [
    "Un robot sur Mars.",
    "La planète Mars est rouge.",
    "La mission Mars 2020 a décollé.",
    "Bruno Mars chante.",
  ];
  for (const body of planets) {
    it(`keeps its capital as a proper noun: ${body}`, () => {
      expect(ofRule(review(body), "typo/lowercase-dates")).toEqual([]);
    });
  }
  const dates = ["Livré le 3 Mars, enfin.", "Livré en Mars 2021, enfin.", "Livré le 1er Mars, enfin."];
  for (const body of dates) {
    it(`is the month in a date: ${body}`, () => {
      expect(summary(ofRule(review(body), "typo/lowercase-dates"), body)).toEqual([
        "typo/lowercase-dates « Mars » suggestion m",
      ]);
    });
  }
});

describe("« Ca »", () => {
  it("becomes « Ça » opening a sentence, as a suggestion", () => {
    const body = "Ca marche. Puis ça casse. Ca l'a surpris.";
    expect(summary(ofRule(review(body), "typo/accented-capitals"), body)).toEqual([
      "typo/accented-capitals « Ca » suggestion Ç",
      "typo/accented-capitals « Ca » suggestion Ç",
    ]);
  });

  it("is left alone as calcium, an acronym or an abbreviation", () => {
    expect(ofRule(review("Le Ca2+ et le CA. Il vit à Ca. Fin."), "typo/accented-capitals")).toEqual([]);
  });
});

describe("heading ids", () => {
  it("makes no fix that would change a heading's id", () => {
    const body = "## Pourquoi ?\n\nTexte.";
    const findings = ofRule(review(body), "typo/nbsp-before-question");
    expect(summary(findings, body)).toEqual(["typo/nbsp-before-question «  ? » none"]);
  });

  it("keeps a fix that leaves the id as it was", () => {
    const body = "## Pourquoi?\n\nTexte.";
    expect(summary(ofRule(review(body), "typo/nbsp-before-question"), body)).toEqual([
      "typo/nbsp-before-question « i? » fix \u202f",
    ]);
  });

  it("keeps every fix of a heading whose id is explicit", () => {
    for (const body of ["## Pourquoi ? {#pourquoi}\n\nTexte.", "## Pourquoi ?\n{: #pourquoi}\n\nTexte."]) {
      expect(ofRule(review(body), "typo/nbsp-before-question").map((finding) => finding.fix?.text)).toEqual([
        "\u202f",
      ]);
    }
  });

  it("makes no suggestion that would change a heading's id, and keeps one that would not", () => {
    const accent = "## L'Etat en 2025\n\nTexte.";
    expect(summary(ofRule(review(accent), "typo/accented-capitals"), accent)).toEqual([
      "typo/accented-capitals « Etat » none",
    ]);
    const casing = "## Le devops en 2025\n\nTexte.";
    expect(
      summary(ofRule(review(casing, { lexicon: [{ use: "DevOps" }] }), "lexicon/house-style"), casing),
    ).toEqual(["lexicon/house-style « devops » suggestion DevOps"]);
  });
});
