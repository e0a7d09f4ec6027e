/**
 * The lexicon at 10, 1,000 and 10,000 entries: one post reviewed by `lexicon/house-style` alone, the
 * matcher compiled once per configuration as in a real run (its compile time printed apart).
 */
import { configSchema } from "../../src/config/schema.js";
import { reviewPost } from "../../src/review/engine.js";
import { houseStyle } from "../../src/review/lexicon/house-style.js";
import { LexiconMatcher } from "../../src/review/lexicon/matcher.js";
import { emptySite } from "../../src/site/site.js";
import { cpuMilliseconds, medianCpuMilliseconds, ratio } from "./cpu-time.js";

const SIZES = [10, 1_000, 10_000];
const LETTERS = "abcdefghijklmnopqrstuvwxyzéèàôç";

/** Made-up words, deterministic (mulberry32: two seeds give unrelated sequences). */
function words(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 5 + Math.floor(next() * 6) },
      () => LETTERS[Math.floor(next() * LETTERS.length)],
    ).join(""),
  );
}

function lexiconOf(size: number): { use: string; avoid?: string[] }[] {
  const made = words(size * 2, 7);
  return Array.from({ length: size }, (_, index) => {
    const use = `${made[index * 2]} ${made[index * 2 + 1]}`;
    return index % 3 === 0 ? { use: use.toUpperCase() } : { use, avoid: [use.replace(" ", "-")] };
  });
}

export function benchLexicon(print: (line: string) => void): void {
  const sample = words(2_000, 11);
  // A post of ~20 Kio of other made-up words, and the same 20 terms to report whatever the lexicon's size.
  const found = lexiconOf(10).map((entry) => entry.avoid?.[0] ?? entry.use.toLowerCase());
  const paragraphs = Array.from(
    { length: 40 },
    (_, index) => `${sample.slice(index * 50, index * 50 + 50).join(" ")} ${found[index % found.length]}.`,
  );
  const source = `---\ntitle: Charte\n---\n\n${paragraphs.join("\n\n")}\n`;
  const site = emptySite(["_posts/**/*.md"]);
  const post = { path: "_posts/2024-01-01-charte.md", source };
  print(
    `Charte éditoriale\u00a0: un article de ${(source.length / 1024).toFixed(0)} Kio relu par lexicon/house-style seule`,
  );
  let reference: number | undefined;
  for (const size of SIZES) {
    const config = configSchema.parse({ lexicon: lexiconOf(size) });
    const compileMs = cpuMilliseconds(() => new LexiconMatcher(config.lexicon));
    const reviewMs = medianCpuMilliseconds(
      () => reviewPost(post, site, config, { today: "2026-01-01", rules: [houseStyle] }),
      15,
    );
    reference ??= reviewMs;
    print(
      `  ${String(size).padStart(6)} entrées\u00a0: ${reviewMs.toFixed(1).padStart(7)} ms CPU par article (${ratio(reviewMs, reference)} de 10 entrées)\u202f; compilation ${compileMs.toFixed(0)} ms, une fois par configuration`,
    );
  }
}
