/**
 * `npm run bench:scaling`: the lexicon at 10 / 1,000 / 10,000 entries and a generated site at 1,000 and
 * 4,000 posts, with their ratios (also part of `npm run bench`). `--sizes 500,2000` changes the sites.
 */
import { benchLexicon } from "./bench/lexicon-scaling.js";
import { benchSiteScaling } from "./bench/site-scaling.js";

const print = (line: string) => process.stdout.write(`${line}\n`);
const sizesFlag = process.argv.indexOf("--sizes");
const sizes = sizesFlag === -1 ? undefined : (process.argv[sizesFlag + 1] ?? "").split(",").map(Number);
benchLexicon(print);
print("");
benchSiteScaling(print, sizes);
