import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";

const RULE_IDS = ["typo/apostrophe", "frontmatter/unknown-author"];

describe("parseConfig", () => {
  it("gives the defaults for an empty file", () => {
    expect(parseConfig("", RULE_IDS)).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(parseConfig("# rien\n", RULE_IDS)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("reads a section left empty as absent", () => {
    const result = parseConfig(
      "rules:\n  # typo/apostrophe: off\nlexicon:\ntypography:\n  nbsp:\n",
      RULE_IDS,
    );
    expect(result).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("keeps the defaults of keys not written and replaces arrays instead of appending", () => {
    const result = parseConfig("links:\n  skip: [example.org]\ntypography:\n  nbsp: regular\n", RULE_IDS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.links.skip).toEqual(["example.org"]);
    expect(result.config.links.external).toBe(true);
    // `apostrophe` has no default: unset, the rule follows what the site's Markdown converter publishes.
    expect(result.config.typography).toEqual({ nbsp: "regular" });
    expect(result.config.posts).toEqual(["_posts/**/*.md", "_posts/**/*.markdown"]);
  });

  it("accepts every key of the design's example", () => {
    const text = `posts: ["_posts/**/*.md"]
locale: en
site:
  url: https://beta.gouv.fr
frontmatter:
  required: [title]
  authorsCollection: _authors
  excerptSeparator: optional
markdown:
  listMarker: consistent
typography:
  nbsp: narrow
  apostrophe: typographic
lexicon:
  - use: "Pôle emploi"
    avoid: ["Pôle Emploi"]
links:
  external: true
  allowPrivateAddresses: false
  skip: ["linkedin.com"]
  deprecated:
    - prefix: https://github.com/sgmap/
      use: https://github.com/betagouv/
rules:
  typo/apostrophe: off
review:
  maxSuggestions: 25
preview:
  url: "https://deploy-preview-{number}--beta-gouv.netlify.app{permalink}"
publish:
  enabled: false
  approvals: 1
  method: squash
  label: à publier
  blockingLabels: ["ne pas publier"]
  alsoAllow: ["img/posts/**"]
  reviewers: [editrice]
  requiredChecks: [build]
  time: "10:30"
  timezone: America/Cayenne
  deleteBranch: true
  dryRun: true
  sweepMinutes: 5
`;
    const result = parseConfig(text, RULE_IDS);
    expect(result.ok && result.config.locale).toBe("en");
    expect(result.ok && result.config.rules).toEqual({ "typo/apostrophe": "off" });
    expect(result.ok && result.config.publish.timezone).toBe("America/Cayenne");
  });

  const problems: {
    name: string;
    text: string;
    expected: { key: string; line: number; column: number; message: string }[];
  }[] = [
    {
      name: "an unknown top-level key, at its line",
      text: "locale: fr\n\ntypograhpy:\n  nbsp: narrow\n",
      expected: [{ key: "typograhpy", line: 3, column: 1, message: "clé inconnue «\u00a0typograhpy\u00a0»" }],
    },
    {
      name: "an unknown nested key",
      text: "typography:\n  nbps: narrow\n",
      expected: [
        { key: "typography.nbps", line: 2, column: 3, message: "clé inconnue «\u00a0typography.nbps\u00a0»" },
      ],
    },
    {
      name: "a value outside its enum",
      text: "typography:\n  nbsp: fine\n",
      expected: [
        {
          key: "typography.nbsp",
          line: 2,
          column: 9,
          message:
            "«\u00a0typography.nbsp\u00a0» doit valoir «\u00a0narrow\u00a0», «\u00a0regular\u00a0», «\u00a0off\u00a0»",
        },
      ],
    },
    {
      name: "a string where a list is expected",
      text: "posts: _posts/*.md\n",
      expected: [{ key: "posts", line: 1, column: 8, message: "«\u00a0posts\u00a0» doit être une liste" }],
    },
    {
      name: "a wrong type inside a list item",
      text: "lexicon:\n  - use: DevOps\n  - avoid: [Devops]\n",
      expected: [
        {
          key: "lexicon.1.use",
          line: 3,
          column: 5,
          message: "«\u00a0lexicon.1.use\u00a0» doit être un texte",
        },
      ],
    },
    {
      name: "a site url that is not a URL",
      text: "site:\n  url: beta.gouv.fr\n",
      expected: [
        {
          key: "site.url",
          line: 2,
          column: 8,
          message: "«\u00a0site.url\u00a0» doit être une adresse web (https://…)",
        },
      ],
    },
    {
      name: "an unknown rule id, with the closest one",
      text: "rules:\n  typo/apostrophes: off\n",
      expected: [
        {
          key: "rules.typo/apostrophes",
          line: 2,
          column: 3,
          message:
            "règle inconnue «\u00a0typo/apostrophes\u00a0» (voulez-vous dire «\u00a0typo/apostrophe\u00a0»\u202f?)",
        },
      ],
    },
    {
      name: "a rule level that does not exist",
      text: "rules:\n  typo/apostrophe: silence\n",
      expected: [
        {
          key: "rules.typo/apostrophe",
          line: 2,
          column: 20,
          message:
            "«\u00a0rules.typo/apostrophe\u00a0» doit valoir «\u00a0off\u00a0», «\u00a0info\u00a0», «\u00a0warning\u00a0», «\u00a0error\u00a0»",
        },
      ],
    },
    {
      name: "broken YAML, at the line of the error",
      text: "locale: fr\nlexicon: [\n",
      expected: [
        {
          key: "",
          line: 3,
          column: 1,
          message: expect.stringMatching(/^YAML invalide\u00a0: /) as unknown as string,
        },
      ],
    },
    {
      name: "a duplicate key",
      text: "locale: fr\nlocale: en\n",
      expected: [
        {
          key: "",
          line: 2,
          column: 1,
          message: expect.stringMatching(/^YAML invalide\u00a0: /) as unknown as string,
        },
      ],
    },
    {
      name: "a publication time, zone and pace that cannot be used",
      text: 'publish:\n  time: "9h"\n  timezone: Europe/Pari\n  sweepMinutes: 5000\n  approvals: 0\n',
      expected: [
        {
          key: "publish.approvals",
          line: 5,
          column: 14,
          message: "«\u00a0publish.approvals\u00a0» doit valoir au moins 1",
        },
        {
          key: "publish.time",
          line: 2,
          column: 9,
          message: "«\u00a0publish.time\u00a0» est invalide (une heure HH:MM est attendue, comme 09:00)",
        },
        {
          key: "publish.timezone",
          line: 3,
          column: 13,
          message: "«\u00a0publish.timezone\u00a0» est invalide (fuseau horaire IANA inconnu)",
        },
        {
          key: "publish.sweepMinutes",
          line: 4,
          column: 17,
          message: "«\u00a0publish.sweepMinutes\u00a0» doit valoir au plus 1440",
        },
      ],
    },
  ];

  for (const { name, text, expected } of problems) {
    it(`reports ${name}`, () => {
      expect(parseConfig(text, RULE_IDS)).toEqual({ ok: false, problems: expected });
    });
  }
});
