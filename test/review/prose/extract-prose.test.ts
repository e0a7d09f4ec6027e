import { describe, expect, it } from "vitest";
import { parsePost } from "../../../src/review/parse-post.js";
import { extractProse } from "../../../src/review/prose/extract-prose.js";
import { isVerbatim, OPAQUE, sourceRange } from "../../../src/review/prose/prose-block.js";

const PATH = "_posts/2024-03-05-a.md";
const mask = (text: string) => "¤".repeat(text.length);
const readable = (text: string) => text.replaceAll(OPAQUE, "¤");
const proseOf = (source: string) => extractProse(parsePost(PATH, source));
const texts = (source: string) => proseOf(source).map((block) => `${block.kind}: ${readable(block.text)}`);

describe("extractProse", () => {
  const rows: { name: string; source: string; expected: string[] }[] = [
    { name: "a paragraph", source: "Bonjour à tous.\n", expected: ["paragraph: Bonjour à tous."] },
    {
      name: "title and description, quotes removed",
      source: '---\ntitle: "Un titre : court"\ndescription: Une description\nauthors: [a]\n---\n\nTexte.\n',
      expected: ["title: Un titre : court", "description: Une description", "paragraph: Texte."],
    },
    {
      name: "emphasis markers are not prose",
      source: "Un **mot** et _un autre_ !\n",
      expected: ["paragraph: Un mot et un autre !"],
    },
    {
      name: "code spans are opaque",
      source: "Lancez `npm test` : ok\n",
      expected: ["paragraph: Lancez ¤ : ok"],
    },
    {
      name: "code blocks are skipped",
      source: "Avant\n\n```\na : b\n```\n\n    indenté ; x\n",
      expected: ["paragraph: Avant"],
    },
    {
      name: "link text is prose, its destination is not",
      source: "Voir [la page : ici](https://exemple.fr/a:b) !\n",
      expected: ["paragraph: Voir la page : ici !"],
    },
    {
      // kramdown leaves bare URLs and addresses as text: they are masked where they stand, not the
      // punctuation that ends the sentence after them.
      name: "autolinks, bare URLs and e-mail addresses are opaque",
      source: "Voir <https://a.fr> et https://b.fr/x?y=1 ou www.c.fr, a@b.fr.\n",
      expected: [
        `paragraph: Voir ¤ et ${mask("https://b.fr/x?y=1")} ou ${mask("www.c.fr")}, ${mask("a@b.fr")}.`,
      ],
    },
    {
      name: "inline HTML is opaque, its text is prose",
      source: "Un <b>mot</b> ici\n",
      expected: ["paragraph: Un ¤mot¤ ici"],
    },
    { name: "HTML blocks are skipped", source: '<div class="a">\nTexte : brut\n</div>\n', expected: [] },
    { name: "entities are resolved", source: "Oui&nbsp;: non\n", expected: ["paragraph: Oui\u00a0: non"] },
    { name: "escapes are resolved", source: "Un \\* étoile\n", expected: ["paragraph: Un * étoile"] },
    {
      // `"{{ "/x" | relative_url }}"` ends the attribute early for a Markdown parser, which then reads the tag
      // as text; Jekyll renders the Liquid first, so the reader sees a tag, never these quotes.
      name: "an HTML tag whose attributes hold Liquid is opaque",
      source:
        'Une <img src="{{ "/a.png" | relative_url }}" alt="x"> et <a href="{{ site.url }}/{% link b.md %}">b</a> !\n',
      expected: [`paragraph: Une ${mask('<img src="{{ "/a.png" | relative_url }}" alt="x">')} et ¤b¤ !`],
    },
    {
      name: "Liquid is opaque",
      source: "Lien {{ site.baseurl }} et {% post_url a %} !\n",
      expected: [`paragraph: Lien ${mask("{{ site.baseurl }}")} et ${mask("{% post_url a %}")} !`],
    },
    {
      name: "raw blocks are opaque",
      source: "A {% raw %}{{ x : y }}{% endraw %} B\n",
      expected: [`paragraph: A ${mask("{% raw %}{{ x : y }}{% endraw %}")} B`],
    },
    {
      name: "kramdown attributes are opaque",
      source: "## Titre {#mon-id}\n\nTexte\n{: .classe}\n",
      expected: [`heading: Titre ${mask("{#mon-id}")}`, `paragraph: Texte\n${mask("{: .classe}")}`],
    },
    {
      name: "emoticons are opaque",
      source: "Super :) et ;-) fin\n",
      expected: ["paragraph: Super ¤¤ et ¤¤¤ fin"],
    },
    {
      // jemoji (and GitHub) turn them into pictures; a time or a word with colons stays prose.
      name: "emoji shortcodes are opaque",
      source: "C'est en ligne :tada: :+1: à 10:30:00 et a:b:c\n",
      expected: ["paragraph: C'est en ligne ¤¤¤¤¤¤ ¤¤¤¤ à 10:30:00 et a:b:c"],
    },
    {
      name: "images are opaque, their alt text is its own block",
      source: "Voici ![Une photo : belle](a.png) !\n",
      expected: ["paragraph: Voici ¤ !", "alt: Une photo : belle"],
    },
    {
      name: "headings, lists, quotes and tables are prose",
      source: "# T\n\n- un ; deux\n\n> cité !\n\n| a | b ? |\n|---|---|\n",
      expected: [
        "heading: T",
        "paragraph: un ; deux",
        "paragraph: cité !",
        "table-cell: a",
        "table-cell: b ?",
      ],
    },
    { name: "hard breaks are line breaks", source: "Un  \ndeux\n", expected: ["paragraph: Un\ndeux"] },
    {
      name: "footnote labels are opaque",
      source: "Un fait[^1].\n\n[^1]: La source.\n",
      expected: ["paragraph: Un fait¤.", "paragraph: La source."],
    },
  ];
  for (const { name, source, expected } of rows) {
    it(name, () => expect(texts(source)).toEqual(expected));
  }

  it("maps every unit to its true place, through markers, entities and line prefixes", () => {
    const source = "> Un **mot**&nbsp;: ici\n> suite ; fin\n";
    const [block] = proseOf(source);
    if (!block) throw new Error("no block");
    expect(block.text).toBe("Un mot\u00a0: ici\nsuite ; fin");
    const colon = block.text.indexOf(":");
    expect(source[block.starts[colon] as number]).toBe(":");
    const nbsp = block.text.indexOf("\u00a0");
    expect(source.slice(block.starts[nbsp], block.ends[nbsp])).toBe("&nbsp;");
    const semicolon = block.text.indexOf(";");
    expect(source[block.starts[semicolon] as number]).toBe(";");
    expect(isVerbatim(block, source, semicolon - 1, semicolon + 1)).toBe(true);
    expect(isVerbatim(block, source, nbsp, nbsp + 1)).toBe(false);
    expect(isVerbatim(block, source, block.text.indexOf("mot"), nbsp)).toBe(true);
    expect(isVerbatim(block, source, 0, block.text.indexOf("mot") + 3)).toBe(false);
    const range = sourceRange(block, block.text.indexOf("suite"), block.text.indexOf("suite") + 5);
    expect(source.slice(range.start, range.end)).toBe("suite");
  });

  it("maps CRLF posts", () => {
    const source = "---\r\ntitle: a\r\n---\r\n\r\nUn ; deux\r\ntrois !\r\n";
    const block = proseOf(source).find((candidate) => candidate.kind === "paragraph");
    if (!block) throw new Error("no block");
    const bang = block.text.indexOf("!");
    expect(source[block.starts[bang] as number]).toBe("!");
  });

  it("marks English sentences in a French paragraph", () => {
    const [block] = proseOf("Nous aimons ce slogan. We are the ones who build it with you. Et voilà !\n");
    if (!block) throw new Error("no block");
    const english = block.englishRanges.map(([start, end]) => block.text.slice(start, end).trim());
    expect(english).toEqual(["We are the ones who build it with you."]);
  });

  it("keeps the closing quote of an English sentence in it", () => {
    const [block] = proseOf('Le message\u00a0: "`x` is not a valid value for the path `y`."\n');
    if (!block) throw new Error("no block");
    const english = block.englishRanges.map(([start, end]) => block.text.slice(start, end));
    expect(english).toEqual([' "\uFFFC is not a valid value for the path \uFFFC."']);
    expect(block.text.slice(0, english[0] ? block.text.indexOf(english[0]) : 0)).toBe("Le message\u00a0:");
  });

  it("keeps a French sentence with English words French", () => {
    const [block] = proseOf("Le product owner et le designer de la startup font un sprint review.\n");
    expect(block?.englishRanges).toEqual([]);
  });
});
