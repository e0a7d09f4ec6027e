import type { Finding } from "../types.js";
import { dropDuplicates } from "./drop-duplicates.js";
import { sortByPosition } from "./sort-by-position.js";

/** Finding filters, applied in order; each is pure and has one job. */
export const FINDING_FILTERS: readonly ((findings: Finding[]) => Finding[])[] = [
  dropDuplicates,
  sortByPosition,
];

export function filterFindings(findings: Finding[]): Finding[] {
  return FINDING_FILTERS.reduce((current, filter) => filter(current), findings);
}
