import { spacedMarkRule, WIDE_MARKS } from "./punctuation-space.js";

export const nbspBeforeColon = spacedMarkRule({
  id: "typo/nbsp-before-colon",
  mark: ":",
  space: WIDE_MARKS,
  docs: {
    title: "Espace insécable avant les deux-points",
    rationale:
      "En français, les deux-points sont précédés d’une espace insécable\u00a0: sans elle, ils collent au mot\u202f; avec une espace ordinaire, ils peuvent passer seuls en début de ligne. Heures (10:30), ratios (16:9), adresses et code ne sont pas concernés.",
    wrong: [
      {
        source: "Le constat: il faut agir.\n",
        findings: [
          {
            message: "Espace manquante avant «\u00a0:\u00a0»\u00a0: une espace insécable est attendue",
            line: 1,
            column: 10,
          },
        ],
        fixed: "Le constat\u00a0: il faut agir.\n",
      },
      {
        source: "Le constat : il faut agir.\n",
        findings: [
          {
            message:
              "Espace ordinaire avant «\u00a0:\u00a0»\u00a0: une espace insécable est attendue, pour que «\u00a0:\u00a0» ne passe pas seul à la ligne",
            line: 1,
            column: 11,
            severity: "warning",
          },
        ],
        fixed: "Le constat\u00a0: il faut agir.\n",
      },
      {
        source: '---\ntitle: "Bilan: un an"\n---\n\n## Étape 1: **le prototype** :\n',
        findings: [
          {
            message: "Espace manquante avant «\u00a0:\u00a0»\u00a0: une espace insécable est attendue",
            line: 2,
            column: 13,
          },
          {
            message: "Espace manquante avant «\u00a0:\u00a0»\u00a0: une espace insécable est attendue",
            line: 5,
            column: 10,
          },
          {
            message:
              "Espace ordinaire avant «\u00a0:\u00a0»\u00a0: une espace insécable est attendue, pour que «\u00a0:\u00a0» ne passe pas seul à la ligne",
            line: 5,
            column: 29,
            severity: "warning",
          },
        ],
        // The last one keeps its ordinary space: a no-break space would change the heading's id
        // (`étape-1-le-prototype-`), which the post's table of contents or another site may link to.
        fixed: '---\ntitle: "Bilan\u00a0: un an"\n---\n\n## Étape 1\u00a0: **le prototype** :\n',
      },
    ],
    right: [
      { source: "Le constat\u00a0: il faut agir ; le constat\u202f: il faut agir.\n" },
      { source: "Rendez-vous à 10:30, format 16:9, sur http://localhost:3000 ou `a: b`.\n" },
      { source: "Le constat&nbsp;: il faut agir. Super :)\n" },
      // Emoji shortcodes, scopes and pseudo-elements, a colon quoted alone.
      { source: "Bravo :tada: et :+1:, std::vector, le sélecteur ::before, le signe « : » et (:).\n" },
      {
        source:
          "---\ntitle: Bilan\nlayout: post\n---\n\n```yaml\nkey: value\n```\n\n{% include a.html param: 1 %}\n",
      },
      { source: "The plan: we ship it on Monday, and we will see how it goes for the team.\n" },
      { source: "---\ntitle: Bilan\nlang: en\n---\n\nResult: good.\n" },
      { config: { typography: { nbsp: "off" } }, source: "Le constat: il faut agir.\n" },
    ],
  },
});
