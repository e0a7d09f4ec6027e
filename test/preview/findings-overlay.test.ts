import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markFindings } from "../../src/preview/findings-overlay.js";
import type { Finding } from "../../src/review/types.js";

function finding(source: string, text: string, occurrence = 0, ruleId = "typo/exemple"): Finding {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) offset = source.indexOf(text, offset + 1);
  if (offset === -1) throw new Error(`${text} not in source`);
  const point = (at: number) => ({
    offset: at,
    line: source.slice(0, at).split("\n").length,
    column: at - source.lastIndexOf("\n", at - 1),
  });
  return {
    ruleId,
    category: "typo",
    severity: "warning",
    message: `à revoir : ${text}`,
    range: { start: point(offset), end: point(offset + text.length) },
  };
}

const SOURCE = [
  "---",
  "title: Les choses",
  "---",
  "",
  "Nous avons appris des **choses** : merci à tous !",
  "",
  "Des [choses](https://x.fr) : encore.",
  "",
].join("\n");

const PAGE =
  '<html><head><title>x</title></head><body><div data-relecteur="banner">choses :</div><h1>Les choses</h1>' +
  "<p>Nous avons appris des <strong>choses</strong>\u00a0: merci à tous\u202f!</p>" +
  '<p>Des <a href="https://x.fr">choses</a> : encore.</p></body></html>';

describe("markFindings", () => {
  it("marks each finding's words where they are rendered, across inline elements, from the post's text on", () => {
    const tree = fromHtml(PAGE);
    const findings = [finding(SOURCE, " :", 0), finding(SOURCE, " :", 1), finding(SOURCE, " !")];
    const result = markFindings(tree, SOURCE, findings);
    expect(result.unplaced).toEqual([]);
    const html = toHtml(tree);
    // Not in the banner, nor in the layout's title: in the post's paragraphs, in order.
    expect(html).toContain('<div data-relecteur="banner">choses :</div><h1>Les choses</h1>');
    const marked = [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((match) => match[1]);
    expect(marked).toEqual(["choses", "\u00a0:", "tous\u202f!", "choses", " :"]);
    expect(html).toContain('title="avertissement\u00a0: à revoir :  ! (typo/exemple)"');
  });

  it("lists what it cannot place: the front matter, Liquid, words the page does not hold", () => {
    const source = `${SOURCE}{{ page.title }} absent\n`;
    const findings = [
      finding(source, "Les choses"),
      finding(source, "{{ page.title }}"),
      { ...finding(source, "absent"), ruleId: "typo/absent" },
    ];
    const result = markFindings(fromHtml(PAGE), source, findings);
    expect(result.placed).toEqual([]);
    expect(result.unplaced).toEqual(findings);
  });
});
