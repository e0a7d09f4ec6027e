import { homedir } from "node:os";
import { buffer } from "node:stream/consumers";
import * as z from "zod";
import { defaultVerdictCachePath } from "../links/http/verdict-cache.js";
import { main } from "./main.js";

/** The command line on this process's arguments and streams; resolves to its exit code. */
export async function runCli(): Promise<number> {
  // One run parses the configuration once: compiling zod's fast paths would cost more than it saves.
  z.config({ jitless: true });
  return main(process.argv.slice(2), {
    cwd: process.cwd(),
    today: new Date().toLocaleDateString("sv-SE"),
    isColorTerminal: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    isStderrTerminal: Boolean(process.stderr.isTTY),
    stdout: (chunk: string) => process.stdout.write(chunk),
    stderr: (chunk: string) => process.stderr.write(chunk),
    readStdin: async () => new Uint8Array(await buffer(process.stdin)),
    verdictCachePath: defaultVerdictCachePath(process.env, process.platform, homedir()),
  });
}
