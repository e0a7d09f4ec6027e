import matter from "gray-matter";

/** A top-level key of the front matter and where it sits in the post's source (absolute offsets). */
export interface FrontMatterField {
  key: string;
  line: number;
  keyStart: number;
  keyEnd: number;
  /** The value as written on the key's line (may be empty for a block value below). */
  valueStart: number;
  valueEnd: number;
  /** End of the whole entry, including indented lines of a block value. */
  entryEnd: number;
}

export interface FrontMatterError {
  /** The YAML parser's reason, in English (the rule that reports it translates the usual ones). */
  message: string;
  /** The repeated key, for a duplicate. */
  duplicateKey?: string;
  line: number;
  column: number;
}

export type FrontMatter =
  | { kind: "absent" }
  | { kind: "unclosed"; openingEnd: number }
  | {
      kind: "present";
      /** Offsets of the YAML text between the fences. */
      yamlStart: number;
      yamlEnd: number;
      /** Offset just after the closing fence line: where the body starts. */
      bodyStart: number;
      fields: FrontMatterField[];
      /** The parsed mapping; empty when the YAML did not parse or is not a mapping. */
      data: Record<string, unknown>;
      error?: FrontMatterError;
    };

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/**
 * Splits the Jekyll front matter off a post (it must start on the first line with `---`) and parses it
 * with gray-matter. A YAML error becomes a value with the file line, never an exception.
 */
export function readFrontMatter(source: string): FrontMatter {
  const opening = OPENING.exec(source);
  if (!opening)
    return source.trimEnd() === "---" ? { kind: "unclosed", openingEnd: source.length } : { kind: "absent" };
  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(source.slice(yamlStart));
  if (!closing) return { kind: "unclosed", openingEnd: yamlStart };
  const yamlEnd = yamlStart + closing.index;
  let bodyStart = yamlEnd + closing[0].length;
  if (source[bodyStart] === "\n") bodyStart += 1;
  const yamlText = source.slice(yamlStart, yamlEnd);
  const fields = findFields(yamlText, yamlStart, source);
  const firstYamlLine = 2;
  try {
    // Passing options bypasses gray-matter's unbounded cache keyed by content.
    const parsed = matter(`---\n${yamlText}---\n`, { excerpt: false });
    const data = parsed.data as unknown;
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return {
        kind: "present",
        yamlStart,
        yamlEnd,
        bodyStart,
        fields,
        data: {},
        error: {
          message: "not a mapping",
          line: firstYamlLine,
          column: 1,
        },
      };
    }
    return { kind: "present", yamlStart, yamlEnd, bodyStart, fields, data: data as Record<string, unknown> };
  } catch (error) {
    const yamlError = error as {
      reason?: string;
      message?: string;
      mark?: { line?: number; column?: number };
    };
    const duplicate = findDuplicateField(fields);
    if (yamlError.reason === "duplicated mapping key" && duplicate) {
      const message = "duplicated mapping key";
      return {
        kind: "present",
        yamlStart,
        yamlEnd,
        bodyStart,
        fields,
        data: {},
        error: { message, line: duplicate.line, column: 1, duplicateKey: duplicate.key },
      };
    }
    return {
      kind: "present",
      yamlStart,
      yamlEnd,
      bodyStart,
      fields,
      data: {},
      error: {
        message: yamlError.reason ?? String(yamlError.message ?? error).split("\n")[0] ?? "YAML invalide",
        // gray-matter keeps the newline after the opening fence, so js-yaml's 0-based line is the file's 1-based one.
        line: 1 + (yamlError.mark?.line ?? 1),
        column: (yamlError.mark?.column ?? 0) + 1,
      },
    };
  }
}

/** js-yaml places a duplicate key after its value; the second occurrence's own line is more helpful. */
function findDuplicateField(fields: FrontMatterField[]): FrontMatterField | undefined {
  const seen = new Set<string>();
  return fields.find((field) => {
    if (seen.has(field.key)) return true;
    seen.add(field.key);
    return false;
  });
}

/** `key:`, `"key":` or `'key':` at the start of a line. */
const TOP_LEVEL_KEY = /^(?:([A-Za-z_][\w-]*)|"([^"\n]+)"|'([^'\n]+)')[ \t]*:(?=[ \t]|\r?$)[ \t]*/;

/** The value as written on its line, without a trailing ` # comment` (outside quotes). */
function valueWithoutComment(text: string): string {
  const trimmed = text.replace(/[ \t]+$/, "");
  const quote = trimmed[0];
  if (quote === '"' || quote === "'") {
    const close = trimmed.indexOf(quote, 1);
    return close === -1 ? trimmed : trimmed.slice(0, close + 1);
  }
  const comment = trimmed.search(/[ \t]#/);
  return (comment === -1 ? trimmed : trimmed.slice(0, comment)).replace(/[ \t]+$/, "");
}

/** Top-level keys found line by line: enough to place findings and fixes without a second YAML parser. */
function findFields(yamlText: string, yamlStart: number, source: string): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  const lines = yamlText.split("\n");
  let offset = yamlStart;
  const firstLine = source.slice(0, yamlStart).split("\n").length;
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\r$/, "");
    const match = TOP_LEVEL_KEY.exec(line);
    const previous = fields.at(-1);
    if (match) {
      const key = (match[1] ?? match[2] ?? match[3]) as string;
      const valueText = valueWithoutComment(line.slice(match[0].length));
      fields.push({
        key,
        line: firstLine + index,
        keyStart: offset,
        keyEnd: offset + (match[1] === undefined ? key.length + 2 : key.length),
        valueStart: offset + match[0].length,
        valueEnd: offset + match[0].length + valueText.length,
        entryEnd: offset + line.length,
      });
    } else if (previous && line.trim() !== "" && /^[ \t-]/.test(line)) {
      previous.entryEnd = offset + line.length;
    }
    offset += rawLine.length + 1;
  }
  return fields;
}
