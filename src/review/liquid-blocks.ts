/** Liquid block tags whose content is not Markdown prose: kept as written, commented out, or code. */
export type LiquidBlockName = "raw" | "comment" | "highlight";

const BLOCK_TAG = /\{%-?\s*(end)?(raw|comment|highlight)\b[^%]{0,200}%\}/g;

/**
 * The `{% raw %}…{% endraw %}`-style blocks of a text, from the opening tag to the end of the closing one,
 * found in one pass: a lazy regex such as `\{% raw %\}[\s\S]*?\{% endraw %\}` is quadratic when an opening
 * tag is never closed, which a hostile post can use to hold up the review.
 */
export function liquidBlocks(source: string, names: readonly LiquidBlockName[]): [number, number][] {
  const blocks: [number, number][] = [];
  let open: { name: string; start: number } | undefined;
  for (const tag of source.matchAll(BLOCK_TAG)) {
    const [, end, name] = tag as unknown as [string, string | undefined, LiquidBlockName];
    if (!names.includes(name)) continue;
    if (end === undefined) open ??= { name, start: tag.index };
    else if (open?.name === name) {
      blocks.push([open.start, tag.index + tag[0].length]);
      open = undefined;
    }
  }
  return blocks;
}
