/**
 * One measured run of `relecteur check --offline` over a whole site, alone in its process so that its
 * memory is its own: prints `{ status, cpuMs, maxRssMiB, outputKiB }` as JSON. Run by site-scaling.ts.
 */
import { main } from "../../src/cli/main.js";

const root = process.argv[2] as string;
let outputBytes = 0;
const before = process.cpuUsage();
const status = await main(["check", "--offline", "--format", "json"], {
  cwd: root,
  today: "2026-01-01",
  isColorTerminal: false,
  stdout: (text) => {
    outputBytes += text.length;
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => new Uint8Array(),
});
const spent = process.cpuUsage(before);
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    status,
    cpuMs: (spent.user + spent.system) / 1000,
    maxRssMiB: usage.maxRSS / 1024,
    outputKiB: outputBytes / 1024,
  }),
);
