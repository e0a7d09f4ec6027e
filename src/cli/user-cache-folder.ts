import { join } from "node:path";

/** Relecteur's folder in the user's cache (`$XDG_CACHE_HOME`, else the platform's usual place). */
export function userCacheFolder(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  const base =
    env.XDG_CACHE_HOME ||
    (platform === "darwin"
      ? join(home, "Library", "Caches")
      : platform === "win32"
        ? env.LOCALAPPDATA || join(home, "AppData", "Local")
        : join(home, ".cache"));
  return join(base, "relecteur");
}
