import { distance } from "fastest-levenshtein";
import type { RuleContext } from "../types.js";

/**
 * The author ids the site knows, from `frontmatter.authorsCollection` (`_authors/<id>.md`), or undefined
 * when the site has no such collection: author rules stay silent then.
 */
export function knownAuthorIds(context: RuleContext): ReadonlySet<string> | undefined {
  if (!context.site.hasConfig) return undefined;
  const ids = context.site.documentIds(context.config.frontmatter.authorsCollection);
  return ids.size > 0 ? ids : undefined;
}

/** Up to three ids close to an unknown one: by edit distance, or sharing a name part (`dupont` ~ `jean.dupont`). */
export function closestIds(id: string, ids: ReadonlySet<string>): string[] {
  const wanted = id.toLowerCase();
  const parts = wanted.split(/[.\-_]/).filter((part) => part.length >= 3);
  const scored: { id: string; score: number }[] = [];
  for (const candidate of ids) {
    const lower = candidate.toLowerCase();
    const editDistance = distance(wanted, lower);
    const sharesPart = parts.some((part) => lower.split(/[.\-_]/).includes(part));
    if (editDistance <= Math.max(2, Math.floor(wanted.length / 3)))
      scored.push({ id: candidate, score: editDistance });
    else if (sharesPart) scored.push({ id: candidate, score: 100 + editDistance });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((entry) => entry.id);
}
