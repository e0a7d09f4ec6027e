import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import { userCacheFolder } from "../../cli/user-cache-folder.js";
import type { ExternalVerdict } from "../types.js";

/**
 * Verdicts remembered between reviews, keyed by normalised URL: in memory for the app, in a JSON file
 * for the command line. The rules (how long each verdict lasts, when a cached one may be served) are
 * pure; the stores only keep entries. A cache is an optimisation: a corrupt, unreadable or unwritable
 * file behaves as an empty cache, never as an error.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long each kind of verdict stays usable. Blocked and skipped follow the config and are never kept. */
export const VERDICT_LIFETIMES_MS = { alive: 7 * DAY, dead: HOUR, unverified: 30 * MINUTE } as const;

export interface CachedVerdict {
  verdict: ExternalVerdict;
  /** Milliseconds since the epoch. */
  checkedAt: number;
  /** The policy it was checked under: a verdict reached through a private address must not serve a strict review. */
  allowPrivateAddresses: boolean;
}

/** The stores in memory and in a file answer at once; the one on Redis (redis-verdict-cache.ts) with a promise. */
export interface VerdictCache {
  get(url: string): CachedVerdict | undefined | Promise<CachedVerdict | undefined>;
  set(url: string, entry: CachedVerdict): void | Promise<void>;
}

/** A store of this process, which answers at once. */
export interface LocalVerdictCache extends VerdictCache {
  get(url: string): CachedVerdict | undefined;
  set(url: string, entry: CachedVerdict): void;
}

export function lifetimeMs(verdict: ExternalVerdict): number | undefined {
  const { kind } = verdict;
  return kind === "alive" || kind === "dead" || kind === "unverified"
    ? VERDICT_LIFETIMES_MS[kind]
    : undefined;
}

export function isFresh(entry: CachedVerdict, now: number): boolean {
  const lifetime = lifetimeMs(entry.verdict);
  return lifetime !== undefined && entry.checkedAt <= now && now - entry.checkedAt < lifetime;
}

/**
 * The cached verdict to use without a request, or undefined. A dead verdict is never served alone: it is
 * confirmed by a fresh request before it fails a pull request, since a server may have been down for a minute.
 */
export function servableVerdict(
  entry: CachedVerdict | undefined,
  now: number,
  allowPrivateAddresses: boolean,
): ExternalVerdict | undefined {
  if (entry === undefined || !isFresh(entry, now) || entry.verdict.kind === "dead") return undefined;
  if (entry.allowPrivateAddresses && !allowPrivateAddresses) return undefined;
  return entry.verdict;
}

/** Entries beyond this are pruned, expired ones first: a long-running app sees many links. */
const MEMORY_CAPACITY = 10_000;

export function createMemoryVerdictCache(capacity = MEMORY_CAPACITY): LocalVerdictCache {
  const entries = new Map<string, CachedVerdict>();
  return {
    get: (url) => entries.get(url),
    set(url, entry) {
      entries.delete(url);
      entries.set(url, entry);
      if (entries.size <= capacity) return;
      for (const [key, old] of entries) if (!isFresh(old, entry.checkedAt)) entries.delete(key);
      for (const key of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(key);
      }
    },
  };
}

export interface FileVerdictCache extends LocalVerdictCache {
  /** Writes the fresh entries atomically; false when the file could not be written. Never throws. */
  save(now: number): Promise<boolean>;
}

const FILE_VERSION = 1;

const verdictSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("alive"), status: z.number(), finalUrl: z.string() }),
  z.object({ kind: z.literal("dead"), status: z.number().optional(), reason: z.string() }),
  z.object({ kind: z.literal("unverified"), status: z.number().optional(), reason: z.string() }),
]);
export const entrySchema = z.object({
  verdict: verdictSchema,
  checkedAt: z.number(),
  allowPrivateAddresses: z.boolean(),
});
const fileSchema = z.object({ version: z.literal(FILE_VERSION), entries: z.record(z.string(), z.unknown()) });

/** Opens the cache file at `path`; a missing, unreadable or corrupt file gives an empty cache. */
export async function openFileVerdictCache(path: string): Promise<FileVerdictCache> {
  const entries = new Map<string, CachedVerdict>(parseCacheFile(await readText(path)));
  return {
    get: (url) => entries.get(url),
    set: (url, entry) => void entries.set(url, entry),
    async save(now) {
      const fresh = Object.fromEntries([...entries].filter(([, entry]) => isFresh(entry, now)));
      return writeAtomically(path, `${JSON.stringify({ version: FILE_VERSION, entries: fresh })}\n`);
    },
  };
}

/** The entries of a cache file's text; each invalid entry is dropped on its own. Pure. */
export function parseCacheFile(text: string | undefined): [string, CachedVerdict][] {
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) return [];
  return Object.entries(file.data.entries).flatMap(([url, value]): [string, CachedVerdict][] => {
    const entry = entrySchema.safeParse(value);
    return entry.success ? [[url, entry.data]] : [];
  });
}

/**
 * Where the command line keeps its cache: `$XDG_CACHE_HOME/relecteur/links.json`, or the platform's cache
 * folder. Pure: the caller passes the environment, the platform and the home folder.
 */
export function defaultVerdictCachePath(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  return join(userCacheFolder(env, platform, home), "links.json");
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** A temporary file in the same folder, then a rename: a reader never sees half a file. */
async function writeAtomically(path: string, text: string): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
