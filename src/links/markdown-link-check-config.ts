/**
 * What Relecteur keeps of a site's `.markdown-link-check.json`, so that a site moving from
 * markdown-link-check keeps its exceptions: `ignorePatterns` and `aliveStatusCodes`, nothing else (its
 * headers, replacement patterns and `{{env.NAME}}` expansion are exactly what a server must not take from
 * a repository).
 */
export interface LinkExceptions {
  ignore: RegExp[];
  aliveStatusCodes: number[];
}

export const NO_LINK_EXCEPTIONS: LinkExceptions = { ignore: [], aliveStatusCodes: [] };

/** Parses the file's text; a broken file, or a pattern that is not a valid regex, is left out with a problem. */
export function parseMarkdownLinkCheckConfig(text: string): {
  exceptions: LinkExceptions;
  problems: string[];
} {
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { exceptions: NO_LINK_EXCEPTIONS, problems: [`JSON invalide\u00a0: ${(error as Error).message}`] };
  }
  const record = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const ignore: RegExp[] = [];
  for (const entry of Array.isArray(record.ignorePatterns) ? record.ignorePatterns : []) {
    const pattern =
      entry !== null && typeof entry === "object" ? (entry as { pattern?: unknown }).pattern : undefined;
    if (typeof pattern !== "string") continue;
    try {
      ignore.push(new RegExp(pattern));
    } catch {
      problems.push(`motif ignoré invalide\u00a0: ${pattern}`);
    }
  }
  const aliveStatusCodes = (Array.isArray(record.aliveStatusCodes) ? record.aliveStatusCodes : []).filter(
    (code): code is number => Number.isInteger(code) && code >= 100 && code <= 999,
  );
  return { exceptions: { ignore, aliveStatusCodes }, problems };
}
