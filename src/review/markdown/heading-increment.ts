import type { Heading, Root } from "mdast";
import remarkLintHeadingIncrement from "remark-lint-heading-increment";
import { unified } from "unified";
import type { Node } from "unist";
import { VFile } from "vfile";
import type { Rule } from "../types.js";
import { excerpt, isInCode } from "./source.js";

/*
 * Wraps remark-lint-heading-increment: it compares each heading (Markdown or HTML `<hN>`) with the
 * closest heading of lower rank before it. The post's title is the page's level-1 heading, so the
 * plugin runs on the body behind a virtual, position-less `#` heading: a first heading of level 3 or
 * more is then reported too. Top-level blocks inside Liquid `{% highlight %}` are left out.
 */
const lintHeadings = unified().use(remarkLintHeadingIncrement).freeze();

type LintMessage = VFile["messages"][number];

export const headingIncrement: Rule = {
  id: "markdown/heading-increment",
  category: "markdown",
  severity: "warning",
  docs: {
    title: "Niveau de titre sauté",
    rationale:
      "Les intertitres forment le plan de l’article\u00a0: le titre de l’article est le niveau 1, les parties le niveau 2 (`##`), leurs sous-parties le niveau 3 (`###`). Sauter un niveau égare les lecteurs d’écran, qui naviguent de titre en titre, et la table des matières.",
    wrong: [
      {
        source: "---\ntitle: Bilan\n---\n\n## Chiffres\n\n#### Détails\n\nTexte.\n",
        findings: [
          {
            message:
              "Titre de niveau 4 «\u00a0#### Détails\u00a0» après un titre de niveau 2\u00a0: le plan saute un niveau\u202f; utilisez «\u00a0###\u00a0»",
            line: 7,
            column: 1,
            endLine: 7,
            endColumn: 13,
          },
        ],
      },
      {
        source: "---\ntitle: Bilan\n---\n\n### Chiffres\n\nTexte.\n\n### Suite\n",
        findings: [
          {
            message:
              "Titre de niveau 3 «\u00a0### Chiffres\u00a0» sous le titre de l’article\u00a0: le plan saute un niveau\u202f; utilisez «\u00a0##\u00a0»",
            line: 5,
            column: 1,
          },
          {
            message:
              "Titre de niveau 3 «\u00a0### Suite\u00a0» sous le titre de l’article\u00a0: le plan saute un niveau\u202f; utilisez «\u00a0##\u00a0»",
            line: 9,
            column: 1,
          },
        ],
      },
      {
        source: "---\ntitle: Bilan\n---\n\n## Chiffres\n\n<h5>Détails</h5>\n",
        findings: [
          {
            message:
              "Titre de niveau 5 «\u00a0<h5>Détails</h5>\u00a0» après un titre de niveau 2\u00a0: le plan saute 2 niveaux\u202f; utilisez «\u00a0<h3>\u00a0»",
            line: 7,
            column: 1,
          },
        ],
      },
    ],
    right: [
      { source: "---\ntitle: Bilan\n---\n\n## Chiffres\n\n### Détails\n\n#### Plus bas\n\n## Suite\n" },
      {
        source:
          "---\ntitle: Bilan\n---\n\nTexte.\n\n```md\n#### Exemple\n```\n\n{% highlight md %}\n#### Exemple\n{% endhighlight %}\n",
      },
      { source: "" },
    ],
  },
  check(context) {
    const title: Heading = { type: "heading", depth: 1, children: [] };
    const body = context.tree.children.filter((node) => !isInCode(context, node));
    const tree: Root = { type: "root", children: [title, ...body] };
    const file = new VFile({ value: context.post.source });
    lintHeadings.runSync(tree, file);
    for (const message of file.messages) {
      const node = message.ancestors?.at(-1);
      const parent = causeNode(message);
      const rank = node && rankOf(node);
      const parentRank = parent && rankOf(parent);
      if (!node?.position || !rank || !parentRank) continue;
      const quote = excerpt(context, node);
      const expected = node.type === "heading" ? "#".repeat(parentRank + 1) : `<h${parentRank + 1}>`;
      const skipped = rank - parentRank - 1;
      const after =
        parent === title
          ? { fr: "sous le titre de l’article", en: "under the post's title" }
          : { fr: `après un titre de niveau ${parentRank}`, en: `after a level-${parentRank} heading` };
      const jump =
        skipped === 1
          ? { fr: "un niveau", en: "a level" }
          : { fr: `${skipped} niveaux`, en: `${skipped} levels` };
      context.report({
        message: {
          fr: `Titre de niveau ${rank} «\u00a0${quote}\u00a0» ${after.fr}\u00a0: le plan saute ${jump.fr}\u202f; utilisez «\u00a0${expected}\u00a0»`,
          en: `Level-${rank} heading « ${quote} » ${after.en}: the outline skips ${jump.en}; use « ${expected} »`,
        },
        range: context.rangeOf(node),
      });
    }
  },
};

/** The heading the plugin compared with, from the message's cause. */
function causeNode(message: LintMessage): Node | undefined {
  const cause = message.cause;
  if (!(cause instanceof Error) || !("ancestors" in cause)) return undefined;
  const ancestors: unknown = cause.ancestors;
  return Array.isArray(ancestors) ? (ancestors.at(-1) as Node | undefined) : undefined;
}

/** A heading's rank, as the plugin infers it (Markdown heading or HTML `<hN>`). */
function rankOf(node: Node): number | undefined {
  if (node.type === "heading") return (node as Heading).depth;
  if (node.type !== "html" || !("value" in node) || typeof node.value !== "string") return undefined;
  const match = /<h([1-6])/.exec(node.value);
  return match ? Number(match[1]) : undefined;
}
