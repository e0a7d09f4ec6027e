import { spacedMarkRule, WIDE_MARKS } from "./punctuation-space.js";

export const nbspInsideGuillemets = spacedMarkRule({
  id: "typo/nbsp-inside-guillemets",
  mark: "«",
  space: WIDE_MARKS,
  docs: {
    title: "Espace insécable après «\u00a0et avant\u00a0»",
    rationale:
      "Les guillemets français sont séparés de la citation par une espace insécable, pour qu’un guillemet ne se retrouve jamais seul en début ou en fin de ligne.",
    wrong: [
      {
        source: "Une «startup d'État » et une « équipe».\n",
        findings: [
          {
            message: "Espace manquante après «\u00a0«\u00a0»\u00a0: une espace insécable est attendue",
            line: 1,
            column: 5,
          },
          {
            message:
              "Espace ordinaire après «\u00a0«\u00a0»\u00a0: une espace insécable est attendue, pour que le guillemet ne reste pas seul en fin de ligne",
            line: 1,
            column: 30,
            severity: "warning",
          },
        ],
        fixed: "Une «\u00a0startup d'État » et une «\u00a0équipe».\n",
      },
      {
        source: "Une « startup ».\n",
        findings: [
          {
            message:
              "Espace ordinaire après «\u00a0«\u00a0»\u00a0: une espace insécable est attendue, pour que le guillemet ne reste pas seul en fin de ligne",
            line: 1,
            column: 5,
            severity: "warning",
          },
        ],
        fixed: "Une «\u00a0startup ».\n",
      },
      {
        // The space goes after «, before the emphasis marker: inside it, the emphasis would break.
        source: "Il a dit «*bonjour*\u00a0».\n",
        findings: [
          {
            message: "Espace manquante après «\u00a0«\u00a0»\u00a0: une espace insécable est attendue",
            line: 1,
            column: 10,
          },
        ],
        fixed: "Il a dit «\u00a0*bonjour*\u00a0».\n",
      },
    ],
    right: [{ source: "Une «\u00a0startup d'État\u00a0» et une «\u202féquipe\u202f».\n" }],
  },
});
