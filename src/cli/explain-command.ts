import { closest } from "fastest-levenshtein";
import { RULES } from "../review/registry.js";
import type { Rule, RuleExample, WrongExample } from "../review/types.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

const SEVERITY_NAMES = { error: "erreur", warning: "avertissement", info: "info" } as const;

/** `relecteur explain RULE`: a rule's documentation and examples, for a terminal. */
export function runExplain(args: readonly string[], io: CliIo): number {
  const [name, ...extra] = args.filter((arg) => arg !== "--debug");
  if (name === undefined || extra.length > 0) {
    throw new UsageError(
      "usage\u00a0: relecteur explain RÈGLE (par exemple\u00a0: relecteur explain typo/nbsp-before-colon)",
    );
  }
  const rule = findRule(name);
  io.stdout(`${explainRule(rule).join("\n")}\n`);
  return 0;
}

/** By its id, or by its name alone when that names one rule (`nbsp-before-colon`). */
function findRule(name: string): Rule {
  const exact = RULES.find((rule) => rule.id === name);
  if (exact) return exact;
  const byName = RULES.filter((rule) => rule.id.split("/")[1] === name);
  if (byName.length === 1 && byName[0]) return byName[0];
  const nearest = closest(
    name,
    RULES.map((rule) => rule.id),
  );
  throw new UsageError(
    `règle inconnue «\u00a0${name}\u00a0» (voulez-vous dire «\u00a0${nearest}\u00a0»\u202f?)`,
  );
}

export function explainRule(rule: Rule): string[] {
  const lines = [
    `${rule.id} — ${rule.docs.title}`,
    `Catégorie\u00a0: ${rule.category} · niveau par défaut\u00a0: ${SEVERITY_NAMES[rule.severity]}`,
    "",
    rule.docs.rationale,
  ];
  for (const example of rule.docs.wrong) lines.push("", ...explainWrong(example));
  for (const example of rule.docs.right) lines.push("", "Correct\u00a0:", ...indented(example));
  lines.push(
    "",
    `Réglage dans \`.github/relecteur.yml\`\u00a0: \`rules: { "${rule.id}": off | info | warning | error }\``,
  );
  return lines;
}

function explainWrong(example: WrongExample): string[] {
  const lines = ["À corriger\u00a0:", ...indented(example)];
  for (const finding of example.findings)
    lines.push(`  → ligne ${finding.line}, colonne ${finding.column}\u00a0: ${finding.message}`);
  if (example.fixed !== undefined)
    lines.push("Corrigé\u00a0:", ...indented({ ...example, source: example.fixed }));
  return lines;
}

/** The example indented, invisible spaces made visible, with the file and configuration it assumes. */
function indented(example: RuleExample): string[] {
  const context = [
    example.path ? `(fichier\u00a0: \`${example.path}\`)` : undefined,
    example.config ? `(configuration\u00a0: \`${JSON.stringify(example.config)}\`)` : undefined,
  ].filter((line): line is string => line !== undefined);
  const visible = example.source.replaceAll("\u202f", "⍽").replaceAll("\u00a0", "␣").replace(/\n$/, "");
  return [...context.map((line) => `  ${line}`), ...visible.split("\n").map((line) => `    ${line}`)];
}
