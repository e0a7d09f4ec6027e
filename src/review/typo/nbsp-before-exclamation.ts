import { NARROW_MARKS, spacedMarkRule } from "./punctuation-space.js";

export const nbspBeforeExclamation = spacedMarkRule({
  id: "typo/nbsp-before-exclamation",
  mark: "!",
  space: NARROW_MARKS,
  docs: {
    title: "Espace fine insécable avant le point d’exclamation",
    rationale:
      "En français, le point d’exclamation est précédé d’une espace fine insécable (U+202F). Un groupe `?!` ou `!!` ne prend qu’une espace, avant le groupe.",
    wrong: [
      {
        source: "Quelle équipe!\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0!\u00a0»\u00a0: une espace fine insécable est attendue",
            line: 1,
            column: 13,
          },
        ],
        fixed: "Quelle équipe\u202f!\n",
      },
      {
        source: "Vraiment ?! Oui !!\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0!\u00a0»\u00a0: une espace fine insécable est attendue, pour que «\u00a0!\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 16,
            severity: "warning",
          },
        ],
        fixed: "Vraiment ?! Oui\u202f!!\n",
      },
      {
        // An emoji is two UTF-16 units: the finding starts on the whole emoji, never half of it.
        source: "Bravo 🎉!\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0!\u00a0»\u00a0: une espace fine insécable est attendue",
            line: 1,
            column: 7,
            endColumn: 10,
          },
        ],
        fixed: "Bravo 🎉\u202f!\n",
      },
      {
        // Glued to the next word: the space after is `typo/spaces`'s; the one before is still breaking.
        source: "Merci !Rendez-vous demain.\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0!\u00a0»\u00a0: une espace fine insécable est attendue, pour que «\u00a0!\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 6,
            severity: "warning",
          },
        ],
        fixed: "Merci\u202f!Rendez-vous demain.\n",
      },
    ],
    right: [
      { source: "Quelle équipe\u202f! Vraiment\u202f?!\n" },
      { source: "![Une image](a.png) et <!-- commentaire --> et `!important`.\n" },
      // A shebang, and a mark quoted alone in a transcript: not the end of an exclamation.
      { source: 'Le shebang #! en tête. Le public\u00a0: « ! » puis "!" et (!) ou “ !? ”.\n' },
    ],
  },
});
