import deepmerge from "deepmerge";
import { stringify } from "yaml";
import { assertBoundedConfig, ConfigTooLargeError } from "../config/config-limits.js";
import { CONFIG_PATH } from "../config/load-config-file.js";
import { type ConfigProblem, parseConfig } from "../config/parse-config.js";
import { type Config, configSchema, DEFAULT_CONFIG } from "../config/schema.js";
import { RULE_IDS } from "../review/registry.js";
import { safeDecode } from "../site/safe-decode.js";
import { type GitHubClient, httpStatusOf } from "./github-client.js";

/** The name `context.config` takes: it looks in `.github/` itself. */
export const CONFIG_FILE_NAME = "relecteur.yml";

/** A config problem; `line` is missing when the key comes from a file reached through `_extends`. */
export type RepositoryConfigProblem = Omit<ConfigProblem, "line" | "column"> & {
  line?: number;
  column?: number;
};

export type RepositoryConfig =
  | { ok: true; config: Config }
  | {
      ok: false;
      problems: RepositoryConfigProblem[];
      /** The posts globs to decide whether the pull request concerns Relecteur at all. */
      postGlobs: readonly string[];
    };

/** Text of a config file on the default branch, or undefined when there is none. */
export type ReadConfigText = () => Promise<string | undefined>;

/**
 * Reads the repository's config as Probot merges it (`_extends` followed, on the default branch, so that a
 * pull request cannot change the rules it is reviewed by) and validates it with the one schema. When it
 * is invalid, the problems get their French messages from `parseConfig` and their lines from the file.
 */
export async function readRepositoryConfig(
  loadMerged: () => Promise<unknown>,
  readText: ReadConfigText,
): Promise<RepositoryConfig> {
  let merged: unknown;
  try {
    merged = await loadMerged();
  } catch (error) {
    const isTooLarge = error instanceof ConfigTooLargeError;
    if (!isConfigPluginError(error) && !isTooLarge) throw error;
    // Broken YAML, too many aliases, or a bad `_extends`: only the file's own text can say where.
    const text = await readText();
    const parsed = text === undefined ? undefined : parseConfig(text, RULE_IDS);
    const problems =
      parsed && !parsed.ok
        ? parsed.problems
        : [
            {
              key: isTooLarge ? "" : "_extends",
              message: describeConfigPluginError((error as Error).message),
            },
          ];
    return { ok: false, problems, postGlobs: DEFAULT_CONFIG.posts };
  }
  const result = configSchema.safeParse(merged ?? {});
  if (result.success && Object.keys(result.data.rules).every((id) => RULE_IDS.includes(id))) {
    return { ok: true, config: result.data };
  }
  return { ok: false, problems: await locateProblems(merged, readText), postGlobs: postGlobsOf(merged) };
}

/**
 * `parseConfig` words the problems (the same messages as the command line) but reads text: the merged
 * object goes back to YAML for it, and the lines come from the repository's own file when the faulty key
 * is there.
 */
async function locateProblems(merged: unknown, readText: ReadConfigText): Promise<RepositoryConfigProblem[]> {
  const fromMerged = parseConfig(stringify(merged ?? {}), RULE_IDS);
  if (fromMerged.ok) return [];
  const text = await readText();
  const fromFile = text === undefined ? undefined : parseConfig(text, RULE_IDS);
  const placed = new Map((fromFile && !fromFile.ok ? fromFile.problems : []).map((p) => [p.key, p]));
  return fromMerged.problems.map(({ line: _line, column: _column, ...problem }) => {
    const inFile = placed.get(problem.key);
    return inFile ? { ...problem, line: inFile.line, column: inFile.column } : problem;
  });
}

/** The `posts` globs of an invalid config when they themselves are fine, else the defaults. */
function postGlobsOf(merged: unknown): readonly string[] {
  const posts = (merged as { posts?: unknown } | null)?.posts;
  const isGlobList =
    Array.isArray(posts) &&
    posts.length > 0 &&
    posts.every((glob) => typeof glob === "string" && glob !== "");
  return isGlobList ? (posts as string[]) : DEFAULT_CONFIG.posts;
}

/**
 * The plugin's error in French, with each API address it holds (`https://ghes.internal/api/v3/repos/o/r/
 * contents/p`, an address the contributors reading the check run have no business knowing) told as the
 * file it stands for, `o/r:p`, and any other address left out.
 */
export function describeConfigPluginError(message: string): string {
  const text = message
    .replace(/^\[[^\]]+\]\s*/, "")
    .replace(/\S*\/repos\/([^/\s]+)\/([^/\s]+)\/contents\/([^\s?"]+)(\?\S*)?/g, (_all, owner, repo, path) => {
      return `${owner}/${repo}:${safeDecode(path)}`;
    })
    .replace(/https?:\/\/\S+/g, "(adresse masquée)");
  const patterns: [RegExp, (...groups: string[]) => string][] = [
    [
      /^Configuration could not be parsed from (\S+) \(invalid YAML\)/,
      (file) => `le fichier hérité \`${file}\` n’est pas du YAML valide`,
    ],
    [
      /^Configuration could not be parsed from (\S+) \(invalid JSON\)/,
      (file) => `le fichier hérité \`${file}\` n’est pas du JSON valide`,
    ],
    [
      /^Configuration could not be parsed from (\S+) \(YAML is not an object\)/,
      (file) => `le fichier hérité \`${file}\` ne contient pas un objet YAML`,
    ],
    [
      /^(\S+) exists, but is either a directory or a submodule/,
      (file) => `\`${file}\` est un dossier ou un sous-module, pas un fichier`,
    ],
    [
      /^Invalid value (.+) for _extends in (\S+)/,
      (value, file) => `valeur invalide ${value} pour \`_extends\` dans \`${file}\``,
    ],
    [
      /^Recursion detected\. Ignoring\s+"_extends: ([^"]*)" from (\S+) because (\S+) was already loaded/,
      (value, from, loaded) => `\`_extends: ${value}\` de \`${from}\` boucle sur \`${loaded}\`, déjà lu`,
    ],
    [
      /^\.(\S+) extension is not support for configuration/,
      (extension) => `l’extension .${extension} n’est pas prise en charge (YAML ou JSON seulement)`,
    ],
  ];
  for (const [pattern, say] of patterns) {
    const match = pattern.exec(text);
    if (match) return say(...match.slice(1));
  }
  return text;
}

/** Errors of @probot/octokit-plugin-config about the file itself (YAML, `_extends`), not HTTP ones. */
function isConfigPluginError(error: unknown): boolean {
  return (
    httpStatusOf(error) === undefined &&
    error instanceof Error &&
    error.message.startsWith("[@probot/octokit-plugin-config]")
  );
}

/**
 * Reads the raw text of `.github/relecteur.yml` on the default branch, where `context.config` reads it,
 * else the organisation-wide one in the owner's `.github` repository, as `context.config` falls back.
 */
export function configTextReader(octokit: GitHubClient, owner: string, repo: string): ReadConfigText {
  return async () => {
    for (const repository of repo === ".github" ? [repo] : [repo, ".github"]) {
      try {
        const response = await octokit.rest.repos.getContent({
          owner,
          repo: repository,
          path: CONFIG_PATH,
          mediaType: { format: "raw" },
        });
        return typeof response.data === "string" ? response.data : undefined;
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw error;
      }
    }
    return undefined;
  };
}

/**
 * The repository's configuration object as Probot's `context.config` reads it (default branch,
 * `_extends` followed, organisation-wide `.github` repository as fallback), but with lists replaced
 * rather than concatenated: a list in the repository's file (posts, lexicon, skip) replaces the inherited
 * one, as maintainers expect. Usable without a webhook's context, by the publication sweep.
 */
export function repositoryConfigLoader(
  octokit: GitHubClient,
  owner: string,
  repo: string,
): () => Promise<unknown> {
  return async () => {
    const { config } = await octokit.config.get({
      owner,
      repo,
      path: CONFIG_PATH,
      defaults: (files) => {
        // YAML aliases are shared objects until merging copies them: bounded before, as a tree.
        assertBoundedConfig(files);
        return deepmerge.all<Record<string, unknown>>([{}, ...files], {
          arrayMerge: (_target: unknown[], source: unknown[]) => source,
        });
      },
    });
    return config;
  };
}
