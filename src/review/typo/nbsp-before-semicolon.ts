import { NARROW_MARKS, spacedMarkRule } from "./punctuation-space.js";

export const nbspBeforeSemicolon = spacedMarkRule({
  id: "typo/nbsp-before-semicolon",
  mark: ";",
  space: NARROW_MARKS,
  docs: {
    title: "Espace fine insécable avant le point-virgule",
    rationale:
      "En français, le point-virgule est précédé d’une espace fine insécable (U+202F)\u00a0: «\u00a0espace avant les\u202f; en français\u00a0», corrigeaient les relecteurs du corpus.",
    wrong: [
      {
        source: "Nous avons testé; nous avons appris.\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0;\u00a0»\u00a0: une espace fine insécable est attendue",
            line: 1,
            column: 16,
          },
        ],
        fixed: "Nous avons testé\u202f; nous avons appris.\n",
      },
      {
        config: { typography: { nbsp: "regular" } },
        source: "Nous avons testé ; appris.\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0;\u00a0»\u00a0: une espace insécable est attendue, pour que «\u00a0;\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 17,
            severity: "warning",
          },
        ],
        fixed: "Nous avons testé\u00a0; appris.\n",
      },
    ],
    right: [
      { source: "Nous avons testé\u202f; nous avons appris\u00a0; puis recommencé.\n" },
      { source: "Voir `a; b`, le code &amp; les entités ;) et [un lien](https://a.fr/x;y).\n" },
    ],
  },
});
