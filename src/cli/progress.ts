import type { CliIo } from "./io.js";

/** Above this many posts a review takes long enough for a progress line to help. */
export const PROGRESS_THRESHOLD = 50;

export interface Progress {
  /** One more post reviewed. */
  advance(): void;
  /** Erases the line, so that what follows starts on a clean one. */
  done(): void;
}

const SILENT: Progress = { advance() {}, done() {} };

/**
 * « 120/310 articles » on standard error, rewritten in place, while a site of more than 50 posts is
 * reviewed; nothing when standard error is not a terminal (a pipe, a CI log), where `\r` would pile up.
 */
export function startProgress(io: CliIo, total: number, locale: "fr" | "en"): Progress {
  if (!io.isStderrTerminal || total <= PROGRESS_THRESHOLD) return SILENT;
  const noun = locale === "fr" ? "articles" : "posts";
  let done = 0;
  io.stderr(`\r0/${total} ${noun}`);
  return {
    advance() {
      done++;
      io.stderr(`\r${done}/${total} ${noun}`);
    },
    done() {
      // Carriage return, then « erase to the end of the line ».
      io.stderr("\r\u001b[K");
    },
  };
}
