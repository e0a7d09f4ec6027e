import { NARROW_MARKS, spacedMarkRule } from "./punctuation-space.js";

export const nbspBeforeQuestion = spacedMarkRule({
  id: "typo/nbsp-before-question",
  mark: "?",
  space: NARROW_MARKS,
  docs: {
    title: "Espace fine insécable avant le point d’interrogation",
    rationale:
      "En français, le point d’interrogation est précédé d’une espace fine insécable (U+202F), jamais d’une espace ordinaire qui le laisserait seul en début de ligne.",
    wrong: [
      {
        source: "Pourquoi une startup d'État?\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0?\u00a0»\u00a0: une espace fine insécable est attendue",
            line: 1,
            column: 27,
          },
        ],
        fixed: "Pourquoi une startup d'État\u202f?\n",
      },
      {
        source: "- Pourquoi *pas* ?\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0?\u00a0»\u00a0: une espace fine insécable est attendue, pour que «\u00a0?\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 17,
            severity: "warning",
          },
        ],
        fixed: "- Pourquoi *pas*\u202f?\n",
      },
      {
        // Straight quotes around words, not around a lone mark.
        source: 'Il a dit "oui" ? "non".\n',
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0?\u00a0»\u00a0: une espace fine insécable est attendue, pour que «\u00a0?\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 15,
            severity: "warning",
          },
        ],
        fixed: 'Il a dit "oui"\u202f? "non".\n',
      },
    ],
    right: [
      { source: "Pourquoi\u202f? Pourquoi&#8239;? Pourquoi\u00a0?\n" },
      { source: "Voir [la page](https://a.fr/?q=1), https://b.fr/?x (?) et `a?b:c`.\n" },
      { source: "Le public\u00a0: « ? » puis [?!] et '?', la page ?lang=fr.\n" },
      { source: "Why did we do this? Because we can, and we will do it again with you.\n" },
    ],
  },
});
