#!/usr/bin/env node
import { buffer } from "node:stream/consumers";
import { main } from "./cli/main.js";

const io = {
  cwd: process.cwd(),
  today: new Date().toLocaleDateString("sv-SE"),
  isColorTerminal: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  stdout: (chunk: string) => process.stdout.write(chunk),
  stderr: (chunk: string) => process.stderr.write(chunk),
  readStdin: async () => new Uint8Array(await buffer(process.stdin)),
};

process.exitCode = await main(process.argv.slice(2), io);
