/**
 * `npm run demo`: Relecteur's main job on the bundled example site, with no GitHub account. Prints the
 * findings as `relecteur check` does, then the summary comment the bot would post on a pull request that
 * adds every post of the site, and last writes each post's preview (`relecteur preview`) to a temporary
 * folder.
 */
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { openLocalSite } from "../src/cli/open-local-site.js";
import { packageRoot } from "../src/cli/package-root.js";
import { readPostBytes } from "../src/cli/read-post-bytes.js";
import { summarizePosts } from "../src/report/summarize-posts.js";
import { renderSummaryComment } from "../src/report/summary-comment.js";
import { reviewFile } from "../src/review/review-file.js";

const DEMO_PULL_NUMBER = 42;
const siteDir = join(packageRoot().path, "examples", "site");
const today = new Date().toLocaleDateString("sv-SE");
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const write = (text: string) => process.stdout.write(text);

/** The command line as a terminal runs it, for both commands the demo shows. */
const io: CliIo = {
  cwd: process.cwd(),
  today,
  isColorTerminal: color,
  stdout: write,
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => new Uint8Array(),
};

write(`# relecteur check ${relative(process.cwd(), siteDir) || "."} --offline\n\n`);
await main(["check", siteDir, "--offline"], io);

const opened = openLocalSite({ cwd: siteDir });
if (!opened.ok) {
  process.stderr.write(`${opened.messages.join("\n")}\n`);
  process.exit(2);
}
const { root, site, config } = opened.local;
const results = site.posts.map((path) => {
  const review = reviewFile({ path, bytes: readPostBytes(join(root, path)) }, site, config, { today });
  return { path, displayPath: path, findings: review.findings, source: review.source };
});
write(`\n# Le commentaire de synthèse que le bot posterait sur la pull request #${DEMO_PULL_NUMBER}\n\n`);
write(renderSummaryComment(summarizePosts(results, site, config, DEMO_PULL_NUMBER), config.locale));

const previewDir = join(tmpdir(), "relecteur-demo-apercu");
write(`\n# relecteur preview ${relative(process.cwd(), siteDir) || "."} --out ${previewDir}\n\n`);
const previewStatus = await main(["preview", siteDir, "--out", previewDir], io);
write(`\nAperçus écrits dans ${previewDir}\u00a0: ouvrez les pages ci-dessus dans un navigateur.\n`);
process.exitCode = previewStatus;
