import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CachedVerdict,
  createMemoryVerdictCache,
  defaultVerdictCachePath,
  isFresh,
  openFileVerdictCache,
  parseCacheFile,
  servableVerdict,
} from "../../../src/links/http/verdict-cache.js";
import type { ExternalVerdict } from "../../../src/links/types.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse("2025-03-01T12:00:00Z");

const ALIVE: ExternalVerdict = { kind: "alive", status: 200, finalUrl: "https://example.com/" };
const DEAD: ExternalVerdict = { kind: "dead", status: 404, reason: "page introuvable (404)" };
const UNVERIFIED: ExternalVerdict = { kind: "unverified", status: 503, reason: "erreur du serveur (503)" };

function entry(verdict: ExternalVerdict, checkedAt = T0, allowPrivateAddresses = false): CachedVerdict {
  return { verdict, checkedAt, allowPrivateAddresses };
}

interface FreshnessRow {
  name: string;
  verdict: ExternalVerdict;
  age: number;
  isFresh: boolean;
  /** What a review may use without a request. */
  served: boolean;
}

const freshnessRows: FreshnessRow[] = [
  { name: "alive, just checked", verdict: ALIVE, age: 0, isFresh: true, served: true },
  { name: "alive, 6 days", verdict: ALIVE, age: 6 * DAY, isFresh: true, served: true },
  { name: "alive, 7 days", verdict: ALIVE, age: 7 * DAY, isFresh: false, served: false },
  {
    name: "dead, 10 minutes: confirmed by a request",
    verdict: DEAD,
    age: 10 * MINUTE,
    isFresh: true,
    served: false,
  },
  { name: "dead, 1 hour", verdict: DEAD, age: HOUR, isFresh: false, served: false },
  { name: "unverified, 29 minutes", verdict: UNVERIFIED, age: 29 * MINUTE, isFresh: true, served: true },
  { name: "unverified, 30 minutes", verdict: UNVERIFIED, age: 30 * MINUTE, isFresh: false, served: false },
  { name: "from the future (clock moved back)", verdict: ALIVE, age: -MINUTE, isFresh: false, served: false },
  {
    name: "blocked is never kept",
    verdict: { kind: "blocked", reason: "x" },
    age: 0,
    isFresh: false,
    served: false,
  },
  {
    name: "skipped is never kept",
    verdict: { kind: "skipped", reason: "x" },
    age: 0,
    isFresh: false,
    served: false,
  },
];

describe("cache lifetimes", () => {
  it.each(freshnessRows)("$name", ({ verdict, age, isFresh: fresh, served }) => {
    const now = T0 + age;
    expect(isFresh(entry(verdict), now)).toBe(fresh);
    expect(servableVerdict(entry(verdict), now, false)).toEqual(served ? verdict : undefined);
  });

  it("does not serve a verdict reached with private addresses allowed to a strict review", () => {
    const permissive = entry(ALIVE, T0, true);
    expect(servableVerdict(permissive, T0, true)).toEqual(ALIVE);
    expect(servableVerdict(permissive, T0, false)).toBeUndefined();
    expect(servableVerdict(entry(ALIVE), T0, true)).toEqual(ALIVE);
    expect(servableVerdict(undefined, T0, false)).toBeUndefined();
  });
});

describe("memory cache", () => {
  it("keeps entries by URL", () => {
    const cache = createMemoryVerdictCache();
    cache.set("https://example.com/", entry(ALIVE));
    expect(cache.get("https://example.com/")).toEqual(entry(ALIVE));
    expect(cache.get("https://example.com/other")).toBeUndefined();
  });

  it("prunes expired entries, then the oldest, beyond its capacity", () => {
    const cache = createMemoryVerdictCache(2);
    cache.set("https://a.example/", entry(UNVERIFIED, T0));
    cache.set("https://b.example/", entry(ALIVE, T0));
    cache.set("https://c.example/", entry(ALIVE, T0 + HOUR));
    expect(cache.get("https://a.example/")).toBeUndefined();
    expect(cache.get("https://b.example/")).toBeDefined();
    cache.set("https://d.example/", entry(ALIVE, T0 + HOUR));
    expect(cache.get("https://b.example/")).toBeUndefined();
    expect(cache.get("https://c.example/")).toBeDefined();
    expect(cache.get("https://d.example/")).toBeDefined();
  });
});

describe("file cache", () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  async function folder(): Promise<string> {
    const path = await mkdtemp(join(tmpdir(), "relecteur-cache-"));
    folders.push(path);
    return path;
  }

  it("saves fresh entries atomically and reads them back", async () => {
    const path = join(await folder(), "nested", "links.json");
    const cache = await openFileVerdictCache(path);
    cache.set("https://example.com/", entry(ALIVE));
    cache.set("https://example.com/gone", entry(DEAD));
    cache.set("https://example.com/old", entry(UNVERIFIED, T0 - HOUR));
    expect(await cache.save(T0 + MINUTE)).toBe(true);
    expect(await readdir(join(path, ".."))).toEqual(["links.json"]);

    const reopened = await openFileVerdictCache(path);
    expect(reopened.get("https://example.com/")).toEqual(entry(ALIVE));
    expect(reopened.get("https://example.com/gone")).toEqual(entry(DEAD));
    expect(reopened.get("https://example.com/old")).toBeUndefined();
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ version: 1 });
  });

  it.each([
    { name: "not JSON", text: "{ half a file" },
    { name: "another version", text: '{"version":2,"entries":{}}' },
    { name: "not an object", text: "[1,2,3]" },
    { name: "empty", text: "" },
  ])("treats a corrupt file as empty: $name", async ({ text }) => {
    const path = join(await folder(), "links.json");
    await writeFile(path, text);
    const cache = await openFileVerdictCache(path);
    expect(cache.get("https://example.com/")).toBeUndefined();
    cache.set("https://example.com/", entry(ALIVE));
    expect(await cache.save(T0)).toBe(true);
    expect((await openFileVerdictCache(path)).get("https://example.com/")).toEqual(entry(ALIVE));
  });

  it("treats a missing or unreadable file as empty, and reports a failed save without throwing", async () => {
    const base = await folder();
    expect((await openFileVerdictCache(join(base, "missing.json"))).get("x")).toBeUndefined();
    // A folder where the file should be: unreadable, and not replaceable by rename.
    const cache = await openFileVerdictCache(base);
    expect(cache.get("x")).toBeUndefined();
    cache.set("https://example.com/", entry(ALIVE));
    expect(await cache.save(T0)).toBe(false);
    // Under a regular file, the folder cannot be created.
    await writeFile(join(base, "file"), "");
    const underFile = await openFileVerdictCache(join(base, "file", "links.json"));
    underFile.set("https://example.com/", entry(ALIVE));
    expect(await underFile.save(T0)).toBe(false);
    expect((await readdir(base)).sort()).toEqual(["file"]);
  });

  it("drops invalid entries one by one", () => {
    const text = JSON.stringify({
      version: 1,
      entries: {
        "https://ok.example/": entry(ALIVE),
        "https://bad.example/": { verdict: { kind: "alive" }, checkedAt: T0, allowPrivateAddresses: false },
        "https://blocked.example/": entry({ kind: "blocked", reason: "x" }),
        "https://nodate.example/": { verdict: DEAD, allowPrivateAddresses: false },
      },
    });
    expect(parseCacheFile(text)).toEqual([["https://ok.example/", entry(ALIVE)]]);
    expect(parseCacheFile(undefined)).toEqual([]);
  });
});

describe("defaultVerdictCachePath", () => {
  it.each([
    { env: { XDG_CACHE_HOME: "/x" }, platform: "linux", expected: "/x/relecteur/links.json" },
    { env: {}, platform: "linux", expected: "/home/a/.cache/relecteur/links.json" },
    { env: {}, platform: "darwin", expected: "/home/a/Library/Caches/relecteur/links.json" },
    { env: { LOCALAPPDATA: "/l" }, platform: "win32", expected: "/l/relecteur/links.json" },
  ] as const)("$platform $env → $expected", ({ env, platform, expected }) => {
    expect(defaultVerdictCachePath(env, platform, "/home/a")).toBe(expected);
  });
});
