import type { Config } from "../config/schema.js";
import type { Site } from "../site/site.js";
import { type ReviewOptions, reviewPost, stampFinding } from "./engine.js";
import { LineIndex } from "./positions.js";
import type { Finding, Localized } from "./types.js";

/** Posts larger than this are not parsed: no blog post is a mebibyte of text. */
export const MAX_POST_BYTES = 1024 * 1024;

export type DecodedPost = { ok: true; text: string } | { ok: false; problem: Localized; offset: number };

const UNREADABLE_FILE = { id: "markdown/unreadable-file", category: "markdown" } as const;

/** Bytes to text, refusing what is not a UTF-8 text post. Strips a BOM. */
export function decodePost(bytes: Uint8Array): DecodedPost {
  if (bytes.byteLength > MAX_POST_BYTES) {
    const mebibytes = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      offset: 0,
      problem: {
        fr: `Fichier trop gros (${mebibytes.replace(".", ",")} Mio)\u00a0: un article de plus de 1 Mio n’est pas relu`,
        en: `File too large (${mebibytes} MiB): posts over 1 MiB are not reviewed`,
      },
    };
  }
  // Windows Notepad's « Unicode »: full of NUL bytes, but text all the same.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      offset: 0,
      problem: {
        fr: "Encodage UTF-16\u00a0: réenregistrez le fichier en UTF-8",
        en: "UTF-16 encoding: save the file as UTF-8",
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      offset: 0,
      problem: {
        fr: "Fichier binaire (octet nul)\u00a0: un article doit être du texte Markdown",
        en: "Binary file (NUL byte): a post must be Markdown text",
      },
    };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    const offset = Math.max(0, text.indexOf("\uFFFD"));
    return {
      ok: false,
      offset,
      problem: {
        fr: "Encodage invalide\u00a0: le fichier n’est pas en UTF-8 (réenregistrez-le en UTF-8)",
        en: "Invalid encoding: the file is not UTF-8 (save it as UTF-8)",
      },
    };
  }
}

/** V8's « Maximum call stack size exceeded », the one RangeError that says « too deep ». */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Reviews a post file given as bytes: an unreadable file is one finding, never an exception. */
export function reviewFile(
  input: { path: string; bytes: Uint8Array },
  site: Site,
  config: Config,
  options: ReviewOptions,
): { findings: Finding[]; source?: string } {
  const decoded = decodePost(input.bytes);
  if (decoded.ok) {
    try {
      return {
        findings: reviewPost({ path: input.path, source: decoded.text }, site, config, options),
        source: decoded.text,
      };
    } catch (error) {
      // Thousands of nested quotes or lists overflow the parser's and the rules' recursion: the post
      // cannot be reviewed, which is a finding, not a crash. Any other exception, another RangeError
      // included (`String.fromCodePoint` of a bad reference), is a bug and propagates.
      if (!isStackOverflow(error)) throw error;
      const range = new LineIndex(decoded.text).rangeAt(0, 0);
      const message = {
        fr: "Article trop imbriqué pour être relu (des milliers de citations ou de listes les unes dans les autres)",
        en: "Post nested too deeply to be reviewed (thousands of quotes or lists inside one another)",
      };
      return {
        findings: [stampFinding(UNREADABLE_FILE, "error", config, { message, range })],
        source: decoded.text,
      };
    }
  }
  // Reported whatever `--only` says: a post that cannot be read has not been reviewed at all.
  const lossy = new TextDecoder("utf-8").decode(
    input.bytes.subarray(0, Math.min(input.bytes.byteLength, MAX_POST_BYTES)),
  );
  const range = new LineIndex(lossy).rangeAt(decoded.offset, decoded.offset);
  return { findings: [stampFinding(UNREADABLE_FILE, "error", config, { message: decoded.problem, range })] };
}
