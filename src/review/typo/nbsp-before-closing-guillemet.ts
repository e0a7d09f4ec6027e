import { spacedMarkRule, WIDE_MARKS } from "./punctuation-space.js";

export const nbspBeforeClosingGuillemet = spacedMarkRule({
  id: "typo/nbsp-before-closing-guillemet",
  mark: "»",
  space: WIDE_MARKS,
  docs: {
    title: "Espace insécable avant\u00a0»",
    rationale:
      "Le guillemet fermant est précédé d’une espace insécable, pour qu’il ne passe jamais seul en début de ligne.",
    wrong: [
      {
        source: "Une «\u00a0équipe».\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0»\u00a0»\u00a0: une espace insécable est attendue",
            line: 1,
            column: 12,
          },
        ],
        fixed: "Une «\u00a0équipe\u00a0».\n",
      },
      {
        source: "Une «\u00a0équipe ! ».\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0»\u00a0»\u00a0: une espace insécable est attendue, pour que «\u00a0»\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 15,
            severity: "warning",
          },
        ],
        fixed: "Une «\u00a0équipe !\u00a0».\n",
      },
    ],
    right: [{ source: "Une «\u00a0équipe\u00a0» et «\u202fun\u202f».\n" }],
  },
});
