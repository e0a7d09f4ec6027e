#!/usr/bin/env node
import { homedir } from "node:os";
import { buffer } from "node:stream/consumers";
import { main } from "./cli/main.js";
import { defaultVerdictCachePath } from "./links/http/verdict-cache.js";

const io = {
  cwd: process.cwd(),
  today: new Date().toLocaleDateString("sv-SE"),
  isColorTerminal: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  isStderrTerminal: Boolean(process.stderr.isTTY),
  stdout: (chunk: string) => process.stdout.write(chunk),
  stderr: (chunk: string) => process.stderr.write(chunk),
  readStdin: async () => new Uint8Array(await buffer(process.stdin)),
  verdictCachePath: defaultVerdictCachePath(process.env, process.platform, homedir()),
};

process.exitCode = await main(process.argv.slice(2), io);
