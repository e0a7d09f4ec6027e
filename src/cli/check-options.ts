import { parseArgs } from "node:util";
import type { FixScope } from "../review/fix-until-stable.js";
import { CATEGORIES, type Category, SEVERITIES, type Severity } from "../review/types.js";
import { UsageError } from "./usage-error.js";

export const FORMATS = ["text", "json", "github", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  site?: string;
  config?: string;
  stdin: boolean;
  stdinPath?: string;
  only?: Category[];
  offline: boolean;
  /** `--no-cache`: no verdict file cache for external links. */
  noCache: boolean;
  /** `--fix`: the safe fixes; `--fix=all`: the suggestions too; undefined: nothing is written. */
  fix?: FixScope;
  format: Format;
  /** `--severity`: the least severe findings shown (`warning` hides infos, `error` warnings too). */
  severity: Severity;
  /** `--changed-since REF`: only the posts changed since REF, and only the findings on their changed lines. */
  changedSince?: string;
  debug: boolean;
}

export function parseCheckOptions(args: string[]): CheckOptions {
  const { flags, isFixAll } = readFixValue(args);
  let parsed: ReturnType<typeof parseCheckArgs>;
  try {
    parsed = parseCheckArgs(flags);
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}\u00a0: formats possibles\u00a0: ${FORMATS.join(", ")}`);
  }
  const only = values.only
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (only && only.length === 0) {
    throw new UsageError(`--only\u00a0: indiquez au moins une catégorie parmi ${CATEGORIES.join(", ")}`);
  }
  const unknown = only?.filter((item) => !(CATEGORIES as readonly string[]).includes(item));
  if (unknown && unknown.length > 0) {
    throw new UsageError(
      `--only ${unknown.join(",")}\u00a0: catégories possibles\u00a0: ${CATEGORIES.join(", ")}`,
    );
  }
  if (values.stdin && positionals.length > 0)
    throw new UsageError("--stdin ne se combine pas avec des chemins");
  const severity = values.severity ?? "info";
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    throw new UsageError(`--severity ${severity}\u00a0: niveaux possibles\u00a0: ${SEVERITIES.join(", ")}`);
  }
  const changedSince = values["changed-since"];
  if (changedSince !== undefined && changedSince.trim() === "")
    throw new UsageError("--changed-since\u00a0: indiquez une référence git (main, origin/main, un commit…)");
  if (changedSince !== undefined && values.stdin)
    throw new UsageError("--changed-since ne se combine pas avec --stdin");
  // Fixing whole files would change lines the contributor did not write, which --changed-since hides.
  if (changedSince !== undefined && values.fix)
    throw new UsageError("--changed-since ne se combine pas avec --fix\u00a0: corrigez les articles nommés");
  if (values.path && !values.stdin)
    throw new UsageError("--path nomme l’article lu sur l’entrée standard\u00a0: ajoutez --stdin");
  return {
    paths: positionals,
    site: values.site,
    config: values.config,
    stdin: values.stdin ?? false,
    stdinPath: values.path,
    only: only as Category[] | undefined,
    offline: values.offline ?? false,
    noCache: values["no-cache"] ?? false,
    fix: isFixAll ? "all" : values.fix ? "safe" : undefined,
    format: format as Format,
    severity: severity as Severity,
    ...(changedSince !== undefined && { changedSince }),
    debug: values.debug ?? false,
  };
}

/**
 * `--fix` is a flag that takes one optional value, `--fix=all`, which node:util's parseArgs cannot express:
 * the value is read here and the flag left for parseArgs. Arguments after `--` are paths.
 */
function readFixValue(args: string[]): { flags: string[]; isFixAll: boolean } {
  let isFixAll = false;
  const end = args.indexOf("--");
  const flags = args.map((arg, index) => {
    if ((end !== -1 && index > end) || !arg.startsWith("--fix=")) return arg;
    const value = arg.slice("--fix=".length);
    if (value !== "all") {
      throw new UsageError(
        `--fix=${value}\u00a0: «\u00a0--fix\u00a0» applique les corrections sûres, «\u00a0--fix=all\u00a0» aussi les suggestions qui changent des lettres`,
      );
    }
    isFixAll = true;
    return "--fix";
  });
  return { flags, isFixAll };
}

/** node:util's parseArgs errors are English and sometimes span three lines: one French line instead. */
export function describeParseError(error: NodeJS.ErrnoException): string {
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `option inconnue «\u00a0${option}\u00a0» (relecteur --help)`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return error.message.includes("does not take an argument")
      ? `l’option «\u00a0${option}\u00a0» ne prend pas de valeur`
      : `l’option «\u00a0${option}\u00a0» attend une valeur`;
  }
  return error.message.split("\n")[0] ?? error.message;
}

function parseCheckArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      site: { type: "string" },
      config: { type: "string" },
      stdin: { type: "boolean" },
      path: { type: "string" },
      only: { type: "string" },
      offline: { type: "boolean" },
      "no-cache": { type: "boolean" },
      fix: { type: "boolean" },
      format: { type: "string", short: "f" },
      severity: { type: "string" },
      "changed-since": { type: "string" },
      debug: { type: "boolean" },
    },
  });
}
