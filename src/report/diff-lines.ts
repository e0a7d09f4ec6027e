/** The lines of a file's new version that a pull request's diff shows, hence that a review comment can target. */
export interface DiffLines {
  /** Right-side line numbers inside a hunk: added lines and context lines. */
  commentable: ReadonlySet<number>;
  /** Right-side line numbers that the pull request adds or changes. */
  added: ReadonlySet<number>;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads the unified-diff `patch` of one file, as "List pull request files" returns it. GitHub leaves `patch`
 * out for binary files and diffs too large to show: then no line can be commented. The hunk headers' line
 * counts say where each hunk ends, so a blank line that lost its leading space still counts as context,
 * and `\ No newline at end of file` or a trailing empty line changes nothing.
 */
export function parseDiffLines(patch: string | undefined): DiffLines {
  const commentable = new Set<number>();
  const added = new Set<number>();
  let oldLeft = 0;
  let newLeft = 0;
  let line = 0;
  for (const rawLine of (patch ?? "").split("\n")) {
    const text = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    // A header starts a hunk even when the previous one's counts were wrong: inside a hunk, every line of
    // the file starts with " ", "+" or "-", so a line starting with "@@" is always a header.
    const header = HUNK_HEADER.exec(text);
    if (header) {
      oldLeft = Number(header[2] ?? 1);
      line = Number(header[3]);
      newLeft = Number(header[4] ?? 1);
      continue;
    }
    if (oldLeft === 0 && newLeft === 0) continue;
    const marker = text[0];
    if (marker === "\\") continue;
    if (marker === "+") {
      if (newLeft === 0) continue;
      commentable.add(line);
      added.add(line);
      line++;
      newLeft--;
    } else if (marker === "-") {
      if (oldLeft > 0) oldLeft--;
    } else {
      // Context: " text", or "" when a tool trimmed the blank line's leading space.
      if (newLeft > 0) {
        commentable.add(line);
        line++;
        newLeft--;
      }
      if (oldLeft > 0) oldLeft--;
    }
  }
  return { commentable, added };
}
