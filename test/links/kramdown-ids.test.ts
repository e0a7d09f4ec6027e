import { describe, expect, it } from "vitest";
import {
  type HeaderIdStyle,
  headerId,
  htmlAnchorIds,
  markdownAnchorIds,
} from "../../src/links/kramdown-ids.js";

interface IdRow {
  name: string;
  text: string;
  style: HeaderIdStyle;
  /** Computed by hand from kramdown-parser-gfm 1.1 (`generate_gfm_header_id`) and kramdown 2 (`basic_generate_id`). */
  expected: string;
}

const idRows: IdRow[] = [
  {
    name: "GFM keeps accents",
    text: "Présentation de l’équipe",
    style: "gfm",
    expected: "présentation-de-léquipe",
  },
  {
    name: "GFM drops punctuation, keeps the space before it",
    text: "Qui sommes-nous ?",
    style: "gfm",
    expected: "qui-sommes-nous-",
  },
  { name: "GFM keeps leading digits", text: "2. Étape suivante", style: "gfm", expected: "2-étape-suivante" },
  { name: "GFM keeps underscores", text: "Le mot snake_case", style: "gfm", expected: "le-mot-snake_case" },
  { name: "GFM turns each space into a hyphen", text: "a  b", style: "gfm", expected: "a--b" },
  { name: "GFM gives nothing for punctuation only", text: "…", style: "gfm", expected: "" },
  {
    name: "kramdown drops accented letters",
    text: "Présentation de l’équipe",
    style: "kramdown",
    expected: "prsentation-de-lquipe",
  },
  {
    name: "kramdown drops everything before the first ASCII letter",
    text: "2. Étape suivante",
    style: "kramdown",
    expected: "tape-suivante",
  },
  { name: "kramdown falls back to section", text: "2024", style: "kramdown", expected: "section" },
  {
    name: "kramdown keeps hyphens and digits inside",
    text: "Version 2-bis !",
    style: "kramdown",
    expected: "version-2-bis-",
  },
];

describe("headerId", () => {
  for (const row of idRows) {
    it(row.name, () => expect(headerId(row.text, row.style)).toBe(row.expected));
  }
});

interface PageRow {
  name: string;
  source: string;
  style?: HeaderIdStyle;
  ids: string[];
  isComplete?: boolean;
}

const pageRows: PageRow[] = [
  {
    name: "ids from the rendered text: markup, link targets and images left out",
    source: "## C'est *vraiment* `du_code` [un lien](https://exemple.fr) ![image](/i.png)\n",
    ids: ["cest-vraiment-du_code-un-lien-"],
  },
  {
    name: "typographic symbols become dashes and ellipses, which ids drop",
    source: "## Avant -- après...\n\n## Et --- puis\n",
    ids: ["avant--après", "et--puis"],
  },
  {
    name: "repeated headings get -1, -2",
    source: "## Titre\n\n## Titre\n\n### Titre\n",
    ids: ["titre", "titre-1", "titre-2"],
  },
  {
    name: "kramdown style repeats too",
    source: "## Été\n\n## Ôté\n\n# 2024\n",
    style: "kramdown",
    ids: ["t", "t-1", "section"],
  },
  {
    name: "explicit {#id} and block IAL take the place of the generated id",
    source: "## Inscription {#inscrire}\n\n## Programme\n{: #prog .large}\n\n## Programme\n",
    ids: ["inscrire", "prog", "programme"],
  },
  {
    name: "setext headings, headings in lists and quotes",
    source: "Un titre\n========\n\n> ## Cité\n\n- ## Listé\n",
    ids: ["un-titre", "cité", "listé"],
  },
  {
    name: "footnotes, HTML ids and names, span IALs, the TOC",
    source:
      "Texte[^note] et *mot*{: #mot}.\n\n[^note]: La note.\n\n<div id=\"bas\"><a name='ancre'></a></div>\n\n* TOC\n{:toc}\n",
    ids: ["fn:note", "fnref:note", "mot", "bas", "ancre", "markdown-toc"],
  },
  {
    name: "an id built with Liquid or an include makes the set incomplete",
    source: '## Titre\n\n<a id="{{ page.slug }}"></a>\n',
    ids: ["titre"],
    isComplete: false,
  },
  {
    name: "a heading written with Liquid has an id only the build knows",
    source: "## {{ page.category }}\n\n## Fin\n",
    ids: ["fin"],
    isComplete: false,
  },
  {
    name: "a heading repeated by a loop gets ids only the build knows",
    source:
      "{% for tag in site.tags %}\n### {{ tag[0] }}\n{% for p in tag[1] %}\n## Articles\n{% endfor %}\n{% endfor %}\n\n## Fin {#fin}\n",
    ids: ["fin"],
    isComplete: false,
  },
  {
    name: "a loop without headings changes nothing",
    source: "## Titre\n\n{% for post in site.posts %}\n- {{ post.title }}\n{% endfor %}\n",
    ids: ["titre"],
  },
  {
    name: "an include may add anything",
    source: "## Titre\n\n{% include equipe.md %}\n",
    ids: ["titre"],
    isComplete: false,
  },
  {
    name: "code is not a heading",
    source: "```md\n## Pas un titre\n```\n\n    ## Pas plus\n",
    ids: [],
  },
];

describe("markdownAnchorIds", () => {
  for (const row of pageRows) {
    it(row.name, () => {
      const anchors = markdownAnchorIds(row.source, row.style);
      expect([...anchors.ids].sort()).toEqual([...row.ids].sort());
      expect(anchors.isComplete).toBe(row.isComplete ?? true);
    });
  }
});

describe("htmlAnchorIds", () => {
  it("reads id and name attributes, not comments", () => {
    const anchors = htmlAnchorIds('<h2 id="haut">x</h2><!-- <a id="cache"> --><input name=q>');
    expect([...anchors.ids]).toEqual(["haut", "q"]);
    expect(anchors.isComplete).toBe(true);
  });
});
