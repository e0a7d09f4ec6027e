/**
 * A generated site reviewed whole (`check --offline`) at 1,000 and 4,000 posts, each size in a child
 * process of its own: CPU time and peak memory, and their ratios. Linear means 4× the posts costs about
 * 4× the CPU; the goal is at most 4.4× the CPU and 2× the memory (Node's own ~50 Mio weigh in).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ratio } from "./cpu-time.js";
import { writeGeneratedSite } from "./generated-site.js";

interface Measure {
  status: number;
  cpuMs: number;
  maxRssMiB: number;
  outputKiB: number;
}

const CHILD = fileURLToPath(new URL("./site-child.js", import.meta.url));

function measureSite(posts: number): Measure {
  const root = mkdtempSync(join(tmpdir(), "relecteur-bench-"));
  try {
    writeGeneratedSite(root, posts);
    const output = execFileSync(process.execPath, [CHILD, root], {
      encoding: "utf8",
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(output) as Measure;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function benchSiteScaling(
  print: (line: string) => void,
  sizes: readonly number[] = [1_000, 4_000],
): void {
  print("Site entier (check --offline), un processus par taille\u00a0:");
  let reference: Measure | undefined;
  for (const posts of sizes) {
    const measured = measureSite(posts);
    reference ??= measured;
    print(
      `  ${String(posts).padStart(5)} articles\u00a0: CPU ${(measured.cpuMs / 1000).toFixed(1).padStart(6)} s (${ratio(measured.cpuMs, reference.cpuMs)}), mémoire max ${measured.maxRssMiB.toFixed(0).padStart(5)} Mio (${ratio(measured.maxRssMiB, reference.maxRssMiB)}), sortie ${measured.outputKiB.toFixed(0)} Kio, code ${measured.status}`,
    );
  }
}
