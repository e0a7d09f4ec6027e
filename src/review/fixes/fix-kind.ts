import type { Fix } from "../types.js";

/**
 * The two kinds of fixes. A `fix` changes only spacing and punctuation: every letter and digit stays, in the
 * same order, so it is safe to apply without reading (`--fix`). A `suggestion` changes letters (an accent, a
 * casing, an ordinal, an abbreviation, a house-style form, a link's address): a person accepts it
 * (`--fix=all`, a one-click suggestion in the app).
 */
export type FixKind = "fix" | "suggestion";

/** Letters, digits and marks, in order: what a spacing or punctuation fix must leave as it was. */
export function lettersOnly(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\u00a0\u202f]/gu, "");
}

/**
 * The kind of a fix, decided from the text it replaces and the text it writes, so that no rule can mislabel
 * one. `needsReading` makes it a suggestion even when it keeps the letters (a link's target).
 */
export function fixKind(source: string, fix: Fix, needsReading = false): FixKind {
  if (needsReading) return "suggestion";
  return lettersOnly(source.slice(fix.start, fix.end)) === lettersOnly(fix.text) ? "fix" : "suggestion";
}
