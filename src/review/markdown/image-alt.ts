import { visit } from "unist-util-visit";
import type { Rule } from "../types.js";
import { excerpt, isInCode, shorten, spanOf } from "./source.js";

/*
 * Written by hand: no remark-lint plugin for it is installed, and the Markdown half is one visit. Raw
 * HTML `<img>` tags are found in the source of `html` nodes (comments blanked out first).
 */
const IMG_TAG = /<img\b[^>]*>/gi;
/** An `alt` attribute, with or without a value, once quoted values are blanked out. */
const ALT_ATTRIBUTE = /\salt(?=[\s=/>])/i;

export const imageAlt: Rule = {
  id: "markdown/image-alt",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Image sans texte alternatif",
    rationale:
      'Le texte alternatif décrit l’image à qui ne la voit pas\u00a0: lecteurs d’écran, image qui ne charge pas, flux RSS. Une image purement décorative le dit par un `alt=""` explicite en HTML.',
    wrong: [
      {
        source:
          "---\ntitle: Bilan\n---\n\n![](/images/carte.png)\n\nVoir ![ ][carte].\n\n[carte]: /images/carte.png\n",
        findings: [
          {
            message:
              "Image «\u00a0![](/images/carte.png)\u00a0» sans texte alternatif\u00a0: décrivez-la entre les crochets, «\u00a0![Description](…)\u00a0»",
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 23,
          },
          {
            message:
              "Image «\u00a0![ ][carte]\u00a0» sans texte alternatif\u00a0: décrivez-la entre les crochets, «\u00a0![Description](…)\u00a0»",
            line: 7,
            column: 6,
          },
        ],
      },
      {
        source:
          'Texte <img src="/images/carte.png" title="pas d\'alt ici"> et\n\n<p><img src=logo.png width=20/></p>\n',
        findings: [
          {
            message:
              'Balise «\u00a0<img src="/images/carte.png" title="pas d\'alt ici">\u00a0» sans attribut «\u00a0alt\u00a0»\u00a0: décrivez l’image dans «\u00a0alt="…"\u00a0», ou écrivez «\u00a0alt=""\u00a0» si elle est décorative',
            line: 1,
            column: 7,
          },
          {
            message:
              'Balise «\u00a0<img src=logo.png width=20/>\u00a0» sans attribut «\u00a0alt\u00a0»\u00a0: décrivez l’image dans «\u00a0alt="…"\u00a0», ou écrivez «\u00a0alt=""\u00a0» si elle est décorative',
            line: 3,
            column: 4,
          },
        ],
      },
    ],
    right: [
      { source: "![Carte des agences](/images/carte.png)\n\n![Logo][logo]\n\n[logo]: /logo.png\n" },
      { source: '<img src="/deco.png" alt="">\n\n<img src="/carte.png" alt="Carte des agences">\n' },
      { source: "`![](x.png)`\n\n```md\n![](x.png)\n```\n\n<!-- <img src=x.png> -->\n" },
    ],
  },
  check(context) {
    visit(context.tree, (node) => {
      if ((node.type === "image" || node.type === "imageReference") && (node.alt ?? "").trim() === "") {
        if (isInCode(context, node)) return;
        const quote = excerpt(context, node);
        context.report({
          message: {
            fr: `Image «\u00a0${quote}\u00a0» sans texte alternatif\u00a0: décrivez-la entre les crochets, «\u00a0![Description](…)\u00a0»`,
            en: `Image « ${quote} » without alternative text: describe it between the brackets, « ![Description](…) »`,
          },
          range: context.rangeOf(node),
        });
      } else if (node.type === "html" && !isInCode(context, node)) {
        const { start, end } = spanOf(node);
        const html = context.post.source
          .slice(start, end)
          .replace(/<!--[\s\S]*?-->/g, (c) => " ".repeat(c.length));
        for (const match of html.matchAll(IMG_TAG)) {
          if (ALT_ATTRIBUTE.test(match[0].replace(/"[^"]*"|'[^']*'/g, '""'))) continue;
          const quote = shorten(match[0].replace(/\s+/g, " "), 80);
          context.report({
            message: {
              fr: `Balise «\u00a0${quote}\u00a0» sans attribut «\u00a0alt\u00a0»\u00a0: décrivez l’image dans «\u00a0alt="…"\u00a0», ou écrivez «\u00a0alt=""\u00a0» si elle est décorative`,
              en: `Tag « ${quote} » without an « alt » attribute: describe the image in « alt="…" », or write « alt="" » if it is decorative`,
            },
            range: context.rangeAt(start + match.index, start + match.index + match[0].length),
          });
        }
      }
    });
  },
};
