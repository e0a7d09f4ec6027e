import { type Document, type LineCounter, visit } from "yaml";

/**
 * Bounds on the configuration file. No real one comes near them (a lexicon of 10,000 terms is about
 * 600 Kio); past them, reading the file is the attack: a file of hundreds of megabytes, or YAML anchors
 * and aliases that expand exponentially (« billion laughs »).
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The `yaml` package's own measure: aliases met times the nodes each one repeats. */
export const MAX_ALIAS_EXPANSIONS = 1000;
/** Values of the configuration once aliases are expanded (the app's check of what Probot parsed). */
export const MAX_CONFIG_VALUES = 200_000;

export interface LimitProblem {
  line: number;
  column: number;
  message: string;
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(".", ",");
}

/**
 * The file over {@link MAX_CONFIG_BYTES}, placed on the line where it crosses the limit. `bytes` is the
 * file's size when `text` is only its first bytes (the command line reads no more).
 */
export function sizeProblem(text: string, bytes = Buffer.byteLength(text, "utf8")): LimitProblem | undefined {
  if (bytes <= MAX_CONFIG_BYTES) return undefined;
  const withinLimit = Buffer.from(text, "utf8").subarray(0, MAX_CONFIG_BYTES).toString("utf8");
  return {
    line: withinLimit.split("\n").length,
    column: 1,
    message: `fichier trop gros (${mebibytes(bytes)} Mio)\u00a0: la configuration est limitée à 1 Mio`,
  };
}

/** True for the `yaml` package's refusal to expand too many aliases. */
export function isAliasLimitError(error: unknown): boolean {
  return error instanceof ReferenceError && /alias/i.test(error.message);
}

/** The aliases expanded past {@link MAX_ALIAS_EXPANSIONS}, placed on the first alias of the file. */
export function aliasProblem(document: Document, lineCounter: LineCounter): LimitProblem {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const place = lineCounter.linePos(offset);
  return {
    line: place.line,
    column: place.col,
    message: `trop d’alias YAML (*nom)\u00a0: une fois développés, ils dépassent la limite de ${MAX_ALIAS_EXPANSIONS.toLocaleString("fr-FR")} reprises d’ancres (&nom)`,
  };
}

/** Thrown while reading the app's config when its parsed value is larger than any real one. */
export class ConfigTooLargeError extends Error {
  constructor() {
    super(
      `configuration trop grande\u00a0: plus de ${MAX_CONFIG_VALUES.toLocaleString("fr-FR")} valeurs une fois les alias YAML développés`,
    );
  }
}

/**
 * Counts the values of a parsed configuration as a tree, aliases expanded (a YAML alias is a shared
 * object: walking it as a tree is what merging and validating would do), and stops past the limit.
 */
export function assertBoundedConfig(value: unknown): void {
  let budget = MAX_CONFIG_VALUES;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (--budget < 0) throw new ConfigTooLargeError();
    if (current !== null && typeof current === "object") {
      pending.push(...(Array.isArray(current) ? current : Object.values(current)));
    }
  }
}
