/**
 * The corpus's labelled editorial commits and the rules that should have made each of them: a revision
 * whose subject matches was an editor fixing by hand what the rules flag in the revision before it.
 */
export const EDITORIAL_COMMITS: { subject: RegExp; rules: string[] }[] = [
  { subject: /^Corrige l'accent d'Etat$/, rules: ["typo/accented-capitals"] },
  {
    subject: /^Use nonbreaking spaces$/,
    rules: [
      "typo/nbsp-before-colon",
      "typo/nbsp-before-semicolon",
      "typo/nbsp-before-exclamation",
      "typo/nbsp-before-question",
      "typo/nbsp-inside-guillemets",
      "typo/nbsp-before-closing-guillemet",
    ],
  },
  { subject: /^Use proper typographic dashes and spaces$/, rules: ["typo/incise-dash", "typo/spaces"] },
  { subject: /^espace avant les ; en français$/, rules: ["typo/nbsp-before-semicolon"] },
  { subject: /^Use a proper ellipsis character$/, rules: ["typo/ellipsis"] },
  { subject: /^Remove double spaces$/, rules: ["typo/spaces"] },
  { subject: /^Pôle Emploi -> Pôle emploi$/, rules: ["lexicon/house-style"] },
  { subject: /^SGMAP -> DINSIC$/, rules: ["lexicon/house-style"] },
  { subject: /^Unify "DevOps"$/, rules: ["lexicon/house-style"] },
  { subject: /^Titles should always be < H1$/, rules: ["markdown/no-h1"] },
  { subject: /^Add a blank line below titles$/, rules: ["markdown/heading-blank-lines"] },
  { subject: /^Use dashes for lists$/, rules: ["markdown/list-marker-style"] },
  { subject: /^Remove trailing (whitespace|spaces)$/, rules: ["markdown/no-trailing-spaces"] },
  { subject: /^Fix dangling author links$/, rules: ["frontmatter/unknown-author"] },
  { subject: /^Use only array form of author/, rules: ["frontmatter/authors-list"] },
  { subject: /^Remove site\.baseurl references$/, rules: ["markdown/no-baseurl-in-link"] },
];

/** The house rules the corpus's editors applied, as its maintainers would write them in the config. */
export const CORPUS_HOUSE_RULES = {
  lexicon: [
    { use: "Pôle emploi", avoid: ["Pôle Emploi", "Pole Emploi", "Pole emploi"] },
    { use: "DINSIC", avoid: ["SGMAP"] },
    { use: "DevOps" },
  ],
  markdown: { listMarker: "-" as const },
};
