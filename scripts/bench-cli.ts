import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROUNDS = 15;

/**
 * One post reviewed by the built command line (`relecteur check --offline`), beside `node -e 0` — Node's
 * own start — measured in the same run, interleaved so that a busy machine weighs on both alike: medians
 * of wall-clock times over `ROUNDS` runs each, and their ratio (issue 13 asks for under 3.5).
 */
export function benchCli(root: string, print: (line: string) => void): void {
  const cli = join(root, "dist", "src", "cli.js");
  const post = join(root, "examples", "site", "_posts", "2024-03-05-premier-bilan.md");
  const commands: Record<"node" | "check", string[]> = {
    node: ["-e", "0"],
    check: [cli, "check", "--offline", post],
  };
  const samples = { node: [] as number[], check: [] as number[] };
  for (let round = -1; round < ROUNDS; round++) {
    for (const name of ["node", "check"] as const) {
      const started = performance.now();
      const run = spawnSync(process.execPath, commands[name], { stdio: ["ignore", "ignore", "pipe"] });
      const elapsed = performance.now() - started;
      if (run.status !== 0 && run.status !== 1) {
        throw new Error(`${commands[name].join(" ")} : code ${run.status}\n${run.stderr}`);
      }
      if (round >= 0) samples[name].push(elapsed); // The first round warms the disk cache.
    }
  }
  const node = median(samples.node);
  const check = median(samples.check);
  print(`Ligne de commande, un article (médiane de ${ROUNDS} lancements) :`);
  print(`  node -e 0                                 ${node.toFixed(0).padStart(6)} ms`);
  print(
    `  relecteur check --offline <un article>    ${check.toFixed(0).padStart(6)} ms   ${(check / node).toFixed(2)} × node -e 0`,
  );
  print("");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
