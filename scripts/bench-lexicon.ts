/** `node dist/scripts/bench-lexicon.js`: the lexicon section of `npm run bench` alone. */
import { benchLexicon } from "./bench/lexicon-scaling.js";

benchLexicon((line) => process.stdout.write(`${line}\n`));
