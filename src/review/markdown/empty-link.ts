import type { Definition } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { Localized, Rule } from "../types.js";
import { excerpt, isInCode } from "./source.js";

/*
 * Written by hand: no remark-lint plugin for it is installed, and the rule is one visit. A reference
 * link `[texte][ref]` takes its destination from its definition.
 */
export const emptyLink: Rule = {
  id: "markdown/empty-link",
  category: "markdown",
  severity: "error",
  docs: {
    title: "Lien vide",
    rationale:
      "Un lien sans adresse (`[texte]()`, `[texte](#)`) ne mène nulle part, souvent une adresse oubliée au moment de l’écriture\u202f; un lien sans texte (`[](https://…)`) est invisible sur la page et muet pour les lecteurs d’écran.",
    wrong: [
      {
        source:
          "---\ntitle: Bilan\n---\n\nVoir [le rapport]() et [l'annexe](#), puis [le bilan][bilan].\n\n[bilan]: #\n",
        findings: [
          {
            message:
              "Lien «\u00a0[le rapport]()\u00a0» sans adresse\u00a0: indiquez l’adresse de la page vers laquelle il mène",
            line: 5,
            column: 6,
            endLine: 5,
            endColumn: 20,
          },
          {
            message:
              "Lien «\u00a0[l'annexe](#)\u00a0» sans adresse\u00a0: indiquez l’adresse de la page vers laquelle il mène",
            line: 5,
            column: 24,
          },
          {
            message:
              "Lien «\u00a0[le bilan][bilan]\u00a0» sans adresse\u00a0: indiquez l’adresse de la page vers laquelle il mène",
            line: 5,
            column: 44,
          },
        ],
      },
      {
        source:
          "Voir [](https://exemple.fr/rapport), [ ][rapport] et []().\n\n[rapport]: https://exemple.fr/rapport\n",
        findings: [
          {
            message:
              "Lien «\u00a0[](https://exemple.fr/rapport)\u00a0» sans texte\u00a0: écrivez entre les crochets ce vers quoi il mène",
            line: 1,
            column: 6,
          },
          {
            message:
              "Lien «\u00a0[ ][rapport]\u00a0» sans texte\u00a0: écrivez entre les crochets ce vers quoi il mène",
            line: 1,
            column: 38,
          },
          {
            message:
              "Lien «\u00a0[]()\u00a0» sans texte ni adresse\u00a0: écrivez le texte entre les crochets et l’adresse de la page vers laquelle il mène",
            line: 1,
            column: 54,
          },
        ],
      },
    ],
    right: [
      {
        source:
          "Voir [le rapport](https://exemple.fr/rapport), [la suite](#suite) et [![Logo](/logo.png)](/).\n",
      },
      { source: "Voir [le rapport][rapport] et `[texte]()`.\n\n[rapport]: /rapport/\n" },
    ],
  },
  check(context) {
    const definitions = new Map<string, Definition>();
    visit(context.tree, "definition", (definition) => {
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
    });
    visit(context.tree, (node) => {
      if (node.type !== "link" && node.type !== "linkReference") return;
      if (isInCode(context, node)) return;
      const url = node.type === "link" ? node.url : definitions.get(node.identifier)?.url;
      const noUrl = url !== undefined && (url.trim() === "" || url.trim() === "#");
      const noText = !hasContent(node);
      const problem = describe(noUrl, noText);
      if (!problem) return;
      const quote = excerpt(context, node);
      context.report({
        message: { fr: `Lien «\u00a0${quote}\u00a0» ${problem.fr}`, en: `Link « ${quote} » ${problem.en}` },
        range: context.rangeOf(node),
      });
    });
  },
};

function describe(noUrl: boolean, noText: boolean): Localized | undefined {
  if (noUrl && noText)
    return {
      fr: "sans texte ni adresse\u00a0: écrivez le texte entre les crochets et l’adresse de la page vers laquelle il mène",
      en: "without text nor address: write the text between the brackets and the address of the page it leads to",
    };
  if (noUrl)
    return {
      fr: "sans adresse\u00a0: indiquez l’adresse de la page vers laquelle il mène",
      en: "without an address: write the address of the page it leads to",
    };
  if (noText)
    return {
      fr: "sans texte\u00a0: écrivez entre les crochets ce vers quoi il mène",
      en: "without text: write between the brackets what it leads to",
    };
  return undefined;
}

/** Visible content: text other than blanks, code, an image (its alt text is image-alt's business), HTML. */
function hasContent(node: Node): boolean {
  if ("children" in node && Array.isArray(node.children))
    return node.children.some((child: Node) => hasContent(child));
  if (node.type === "image" || node.type === "imageReference" || node.type === "html") return true;
  return "value" in node && typeof node.value === "string" && node.value.trim() !== "";
}
