import { lettersOnly } from "../review/fixes/fix-kind.js";
import type { Rule, RuleExample, WrongExample } from "../review/types.js";
import { codeSpan, markdownMessage } from "./markdown-inline.js";

const CATEGORY_TITLES: Record<string, string> = {
  frontmatter: "En-tête (front matter)",
  markdown: "Markdown",
  typo: "Typographie française",
  lexicon: "Charte éditoriale",
  links: "Liens",
};

const SEVERITY_NAMES = { error: "erreur", warning: "avertissement", info: "info" } as const;

/** The rules' reference page, in French, from the rules' own docs: their examples are their tests. */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const lines = [
    "# Règles de Relecteur",
    "",
    "Page générée par `npm run docs` depuis la documentation de chaque règle (`src/review/<catégorie>/<règle>.ts`)\u202f;",
    "ses exemples sont aussi ses tests. Chaque règle se règle dans `.github/relecteur.yml`\u00a0:",
    '`rules: { "<id>": off | info | warning | error }`.',
  ];
  for (const category of Object.keys(CATEGORY_TITLES)) {
    const inCategory = rules.filter((rule) => rule.category === category);
    if (inCategory.length === 0) continue;
    lines.push("", `## ${CATEGORY_TITLES[category]}`);
    for (const rule of inCategory) lines.push("", ...renderRule(rule));
  }
  return `${lines.join("\n")}\n`;
}

function renderRule(rule: Rule): string[] {
  const lines = [
    `### \`${rule.id}\` — ${rule.docs.title}`,
    "",
    `Niveau par défaut\u00a0: ${SEVERITY_NAMES[rule.severity]}.`,
    "",
    rule.docs.rationale,
  ];
  for (const example of rule.docs.wrong) lines.push("", ...renderWrong(example));
  for (const example of rule.docs.right) lines.push("", "Correct\u00a0:", "", ...fence(example));
  return lines;
}

function renderWrong(example: WrongExample): string[] {
  const lines = ["À corriger\u00a0:", "", ...fence(example)];
  for (const finding of example.findings)
    lines.push(
      `- ligne ${finding.line}, colonne ${finding.column}\u00a0: ${markdownMessage(finding.message)}`,
    );
  if (example.fixed !== undefined) {
    // Corrections that change letters are suggestions, which only `--fix=all` applies.
    const command =
      lettersOnly(example.fixed) === lettersOnly(example.source)
        ? "`relecteur check --fix`"
        : "`relecteur check --fix=all` (suggestions, à relire)";
    lines.push("", `Après ${command}\u00a0:`, "", ...fence({ ...example, source: example.fixed }));
  }
  return lines;
}

/** A fenced block that no backtick run in the source can close, with invisible spaces made visible. */
function fence(example: RuleExample): string[] {
  const longest = Math.max(2, ...[...example.source.matchAll(/`+/g)].map((match) => match[0].length));
  const marker = "`".repeat(longest + 1);
  const visible = example.source.replaceAll("\u202f", "⍽").replaceAll("\u00a0", "␣").replace(/\n$/, "");
  const context = [
    example.path ? `fichier\u00a0: ${codeSpan(example.path)}` : undefined,
    example.config ? `configuration\u00a0: ${codeSpan(JSON.stringify(example.config))}` : undefined,
  ].filter((line): line is string => line !== undefined);
  return [
    ...context.map((line) => `*${line}*`),
    ...(context.length > 0 ? [""] : []),
    `${marker}markdown`,
    visible,
    marker,
  ];
}
