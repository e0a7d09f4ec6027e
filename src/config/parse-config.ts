import { closest } from "fastest-levenshtein";
import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { aliasProblem, isAliasLimitError, MAX_ALIAS_EXPANSIONS, sizeProblem } from "./config-limits.js";
import { type Config, configSchema } from "./schema.js";

/** A problem in the configuration file, placed on the key that causes it. */
export interface ConfigProblem {
  /** Dotted path of the faulty key, e.g. `typography.nbsp`; empty for the whole file. */
  key: string;
  line: number;
  column: number;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses and validates the text of `.github/relecteur.yml`. Pure: the caller reads the file.
 * `knownRuleIds` lets a typo in `rules:` be reported with the closest real id.
 */
export function parseConfig(text: string, knownRuleIds: readonly string[]): ConfigResult {
  const oversize = sizeProblem(text);
  if (oversize) return { ok: false, problems: [{ key: "", ...oversize }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          key: "",
          line: pos.line,
          column: pos.col,
          message: `YAML invalide\u00a0: ${firstLine(error.message)}`,
        };
      }),
    };
  }
  let expanded: unknown;
  try {
    expanded = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    if (!isAliasLimitError(error)) throw error;
    return { ok: false, problems: [{ key: "", ...aliasProblem(doc, lineCounter) }] };
  }
  const raw = withoutNulls(expanded ?? {});
  const result = configSchema.safeParse(raw);
  const locate = (path: readonly PropertyKey[], childKey?: string) => {
    const node = findNode(doc.contents, path, childKey);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (!result.success) {
    return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(issue, locate)) };
  }
  const unknownRules = Object.keys(result.data.rules).filter((id) => !knownRuleIds.includes(id));
  if (unknownRules.length > 0) {
    return {
      ok: false,
      problems: unknownRules.map((id) => ({
        key: `rules.${id}`,
        ...locate(["rules"], id),
        message: `règle inconnue «\u00a0${id}\u00a0»${knownRuleIds.length > 0 ? ` (voulez-vous dire «\u00a0${closest(id, [...knownRuleIds])}\u00a0»\u202f?)` : ""}`,
      })),
    };
  }
  return { ok: true, config: result.data };
}

type Locate = (path: readonly PropertyKey[], childKey?: string) => { line: number; column: number };

function describeIssue(issue: z.core.$ZodIssue, locate: Locate): ConfigProblem[] {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((name) => ({
      key: key ? `${key}.${name}` : name,
      ...locate(issue.path, name),
      message: `clé inconnue «\u00a0${key ? `${key}.${name}` : name}\u00a0»`,
    }));
  }
  return [
    {
      key,
      ...locate(issue.path),
      message: `${key ? `«\u00a0${key}\u00a0»` : "La configuration"} ${frenchReason(issue)}`,
    },
  ];
}

const TYPE_NAMES: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  boolean: "true ou false",
  array: "une liste",
  object: "un dictionnaire (clé: valeur)",
  record: "un dictionnaire (clé: valeur)",
};

function frenchReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `doit être ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `doit valoir ${issue.values.map((value) => `«\u00a0${String(value)}\u00a0»`).join(", ")}`;
    case "too_small":
      return issue.origin === "string"
        ? "ne doit pas être vide"
        : `doit valoir au moins ${String(issue.minimum)}`;
    case "too_big":
      return `doit valoir au plus ${String(issue.maximum)}`;
    case "invalid_format":
      if (issue.format === "url") return "doit être une adresse web (https://…)";
      // A pattern of the schema carries its own French wording (`publish.time`: « une heure HH:MM »).
      return issue.format === "regex"
        ? `est invalide (${issue.message})`
        : `doit avoir le format ${issue.format}`;
    default:
      return `est invalide (${issue.message})`;
  }
}

/**
 * A key left empty (`rules:` with every entry commented out) means « nothing to say », as an absent key:
 * YAML reads it as null, which the schema would refuse.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, child]) => child !== null)
      .map(([key, child]) => [key, withoutNulls(child)]),
  );
}

/** The YAML node at `path` (or its key `childKey`), else the deepest existing ancestor. */
function findNode(root: unknown, path: readonly PropertyKey[], childKey?: string): Node | undefined {
  let node = root as Node | undefined;
  const steps = childKey === undefined ? path : [...path, childKey];
  for (const [index, step] of steps.entries()) {
    if (!node || !("items" in node)) return node;
    const items = (node as { items: unknown[] }).items;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      const isLast = index === steps.length - 1;
      next = (isLast && childKey !== undefined ? pair?.key : (pair?.value ?? pair?.key)) as Node | undefined;
    } else if (typeof step === "number") {
      next = items[step] as Node | undefined;
    }
    if (!next) return node;
    node = next;
  }
  return node;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
