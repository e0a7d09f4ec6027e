/** Everything the command line takes from its environment, passed in so that tests can run it in-process. */
export interface CliIo {
  cwd: string;
  /** `YYYY-MM-DD`, the review date. */
  today: string;
  isColorTerminal: boolean;
  /** Standard error is a terminal: a progress line can be rewritten in place there. */
  isStderrTerminal?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** The verdict cache file of external links; none in tests, so that they never share state. */
  verdictCachePath?: string;
}
