import { parseDocument } from "yaml";

/**
 * The whole `_config.yml` as a mapping, for `site.*` in templates. Like Jekyll's Psych, a comment glued
 * to a value is tolerated; a file that does not read as a mapping gives an empty one (the site model in
 * src/site/ reports its problems).
 */
export function readConfigData(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value = parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 }) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

interface DefaultsSet {
  scope: { path: string; type?: string };
  values: Record<string, unknown>;
}

/**
 * Front matter defaults (`defaults:` in `_config.yml`) for a file, merged as Jekyll's FrontmatterDefaults#all
 * does: every matching set, a longer `path` or a set with a `type` taking precedence.
 */
export function frontMatterDefaults(
  config: Record<string, unknown>,
  path: string,
  type: string,
): Record<string, unknown> {
  const sets = Array.isArray(config.defaults)
    ? config.defaults.map(readSet).filter((set) => set !== undefined)
    : [];
  let merged: Record<string, unknown> = {};
  let previous: DefaultsSet["scope"] | undefined;
  for (const set of sets) {
    if (!matches(set.scope, path, type)) continue;
    if (hasPrecedence(previous, set.scope)) {
      merged = deepMerge(merged, set.values);
      previous = set.scope;
    } else {
      merged = deepMerge(set.values, merged);
    }
  }
  return merged;
}

function readSet(value: unknown): DefaultsSet | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { scope, values } = value as { scope?: unknown; values?: unknown };
  if (values === null || typeof values !== "object" || Array.isArray(values)) return undefined;
  const record = scope !== null && typeof scope === "object" ? (scope as Record<string, unknown>) : {};
  return {
    scope: {
      path: typeof record.path === "string" ? record.path : "",
      type: typeof record.type === "string" ? record.type : undefined,
    },
    values: values as Record<string, unknown>,
  };
}

function matches(scope: DefaultsSet["scope"], path: string, type: string): boolean {
  if (scope.type !== undefined && scope.type !== type) return false;
  const scopePath = sanitize(scope.path);
  if (scopePath === "") return true;
  if (scopePath.includes("*")) {
    const pattern = new RegExp(`^${scopePath.split("*").map(escapeRegExp).join("[^/]*")}(?:/|$)`);
    return pattern.test(path);
  }
  return path === scopePath || path.startsWith(`${scopePath}/`);
}

function hasPrecedence(previous: DefaultsSet["scope"] | undefined, next: DefaultsSet["scope"]): boolean {
  if (previous === undefined) return true;
  const nextLength = sanitize(next.path).length;
  const previousLength = sanitize(previous.path).length;
  if (nextLength !== previousLength) return nextLength >= previousLength;
  if (next.type !== undefined) return true;
  return previous.type === undefined;
}

function sanitize(path: string): string {
  return path.replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = merged[key];
    merged[key] = isPlainObject(before) && isPlainObject(value) ? deepMerge(before, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
