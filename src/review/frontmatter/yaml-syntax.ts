import type { Localized, Rule } from "../types.js";

export const yamlSyntax: Rule = {
  id: "frontmatter/yaml-syntax",
  category: "frontmatter",
  severity: "error",
  docs: {
    title: "En-tête YAML illisible",
    rationale:
      "Un en-tête que YAML ne sait pas lire fait échouer la construction du site ou perd ses champs (titre, auteurs). Les deux-points dans un titre, les crochets non fermés et les tabulations en sont les causes habituelles.",
    wrong: [
      {
        source: "---\ntitle: Bonjour\nauthors: [jdupont\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "En-tête YAML illisible\u00a0: liste entre crochets jamais fermée\u202f; «\u00a0[\u00a0» jamais fermé par «\u00a0]\u00a0»",
            line: 3,
            column: 10,
          },
        ],
      },
      {
        source: "---\ntitle: Bonjour\ntitle: Re-bonjour\n---\n\nTexte.\n",
        findings: [
          { message: "En-tête YAML illisible\u00a0: clé «\u00a0title\u00a0» en double", line: 3, column: 1 },
        ],
      },
      {
        source: "---\ntitle: Bilan : un an de beta\nauthors: [jdupont]\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "En-tête YAML illisible\u00a0: deux-points inattendus dans une valeur\u202f; mettez la valeur entre guillemets",
            line: 2,
            column: 8,
          },
        ],
      },
      {
        source: "---\ntitle: [Brouillon] Bilan\n---\n\nTexte.\n",
        findings: [
          {
            message:
              "En-tête YAML illisible\u00a0: ligne illisible (deux-points ou crochets dans une valeur\u202f?)\u202f; mettez la valeur entre guillemets",
            line: 2,
            column: 8,
          },
        ],
      },
    ],
    right: [
      { source: '---\ntitle: "Bilan : un an de beta"\nauthors: [jdupont]\n---\n\nTexte.\n' },
      { source: "---\ntitle: Bilan, un an\nauthors: [jdupont, mmartin]\ntags: {a: b}\n---\n\nTexte.\n" },
    ],
  },
  check(context) {
    const frontMatter = context.post.frontMatter;
    if (frontMatter.kind !== "present" || !frontMatter.error) return;
    const { line, column } = frontMatter.error;
    const reason = describeReason(frontMatter.error);
    const { lines, source } = context.post;
    const suspect = frontMatter.fields
      .map((field) => ({ field, hint: likelyMistake(source.slice(field.valueStart, field.valueEnd)) }))
      .find((candidate) => candidate.hint !== undefined);
    // The parser often notices a mistake a line later; the value that caused it is the useful place.
    const range = suspect
      ? context.rangeAt(suspect.field.valueStart, suspect.field.valueEnd)
      : context.rangeAt(
          Math.min(lines.lineStart(line) + column - 1, lines.lineEnd(line)),
          lines.lineEnd(line),
        );
    const hint = suspect?.hint
      ? { fr: `\u202f; ${suspect.hint.fr}`, en: `; ${suspect.hint.en}` }
      : { fr: "", en: "" };
    context.report({
      message: {
        fr: `En-tête YAML illisible\u00a0: ${reason.fr}${hint.fr}`,
        en: `Unreadable YAML front matter: ${reason.en}${hint.en}`,
      },
      range,
    });
  },
};

/** js-yaml's usual reasons, in the words of a contributor rather than of the YAML spec. */
const FRENCH_REASONS: Record<string, string> = {
  "unexpected end of the stream within a flow collection": "liste entre crochets jamais fermée",
  "missed comma between flow collection entries": "virgule manquante entre deux éléments d’une liste",
  "bad indentation of a mapping entry": "indentation incorrecte",
  "bad indentation of a sequence entry": "indentation incorrecte d’un élément de liste",
  "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line":
    "deux-points inattendus dans une valeur",
  "can not read a block mapping entry; a multiline key may not be an implicit key":
    "ligne illisible (deux-points ou crochets dans une valeur\u202f?)",
  "end of the stream or a document separator is expected": "texte inattendu après une valeur",
  "unexpected end of the stream within a single quoted scalar": "apostrophe ouvrante jamais fermée",
  "unexpected end of the stream within a double quoted scalar": "guillemet ouvrant jamais fermé",
  "the stream contains non-printable characters": "caractères invisibles non autorisés",
  "not a mapping": "l’en-tête doit être une suite de «\u00a0clé: valeur\u00a0»",
};

function describeReason(error: { message: string; duplicateKey?: string }): Localized {
  if (error.duplicateKey) {
    return {
      fr: `clé «\u00a0${error.duplicateKey}\u00a0» en double`,
      en: `duplicate key « ${error.duplicateKey} »`,
    };
  }
  const english =
    error.message === "not a mapping" ? "the front matter must be « key: value » lines" : error.message;
  return { fr: FRENCH_REASONS[error.message] ?? error.message, en: english };
}

/**
 * The usual mistakes behind a broken front matter, recognised on a field's value as written: a plain
 * value that YAML reads as something else (« Bilan : un an », « [Brouillon] Bilan », « @équipe »), or a
 * list never closed.
 */
function likelyMistake(value: string): Localized | undefined {
  if (value === "" || /^["'|>]/.test(value)) return undefined;
  const quote = { fr: "mettez la valeur entre guillemets", en: "put the value in quotes" };
  for (const [open, close] of [
    ["[", "]"],
    ["{", "}"],
  ] as const) {
    if (!value.startsWith(open) || value.endsWith(close)) continue;
    if (value.includes(close)) return quote;
    return {
      fr: `«\u00a0${open}\u00a0» jamais fermé par «\u00a0${close}\u00a0»`,
      en: `« ${open} » never closed by « ${close} »`,
    };
  }
  if (/^[[{]/.test(value)) return undefined;
  return /:\s/.test(value) || /^[@`%]/.test(value) ? quote : undefined;
}
