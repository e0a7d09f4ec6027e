import { distance } from "fastest-levenshtein";
import { closest } from "./closest.js";

/**
 * The « did you mean » of a dead link without comparing it with every document of the site: a BK-tree
 * (Burkhard–Keller) of the candidates' texts by edit distance, built once per site. A search walks only
 * the branches the triangle inequality leaves possible within the best distance found so far, so a site of
 * 4,000 posts no longer costs 4,000 edit distances per dead link.
 *
 * Exact: it gathers every candidate as close as the closest one (no closer one can be pruned), then lets
 * {@link closest} choose among them in the candidates' order, as the full scan did.
 */

interface TreeNode {
  text: string;
  /** Indexes of the candidates with this text, in the candidates' order. */
  items: number[];
  /** Children by their distance to this node's text. */
  children: Map<number, TreeNode>;
}

export class SuggestionIndex<T> {
  private readonly root: TreeNode | undefined;

  constructor(
    private readonly candidates: readonly T[],
    private readonly textOf: (candidate: T) => string,
  ) {
    const texts = candidates.map(textOf);
    let root: TreeNode | undefined;
    for (const [index, text] of texts.entries()) {
      if (!root) {
        root = { text, items: [index], children: new Map() };
        continue;
      }
      let node = root;
      for (;;) {
        const gap = distance(text, node.text);
        if (gap === 0) {
          node.items.push(index);
          break;
        }
        const child = node.children.get(gap);
        if (!child) {
          node.children.set(gap, { text, items: [index], children: new Map() });
          break;
        }
        node = child;
      }
    }
    this.root = root;
  }

  /** What `closest(wanted, candidates without the excluded ones, textOf)` returns. */
  closest(wanted: string, isExcluded: (candidate: T) => boolean = () => false): T | undefined {
    if (!this.root) return undefined;
    // `closest` accepts nothing farther than half the wanted text (a name cut short), nor than 2.
    let radius = Math.max(2, wanted.length / 2);
    const near: number[] = [];
    const pending: { node: TreeNode; parentGap: number; weight: number }[] = [
      { node: this.root, parentGap: 0, weight: 0 },
    ];
    while (pending.length > 0) {
      const { node, parentGap, weight } = pending.pop() as (typeof pending)[number];
      // The radius may have shrunk since this node was queued.
      if (Math.abs(weight - parentGap) > radius) continue;
      const gap = distance(wanted, node.text);
      if (gap <= radius) {
        const kept = node.items.filter((index) => !isExcluded(this.candidates[index] as T));
        if (kept.length > 0) {
          near.push(...kept);
          radius = gap;
        }
      }
      for (const [childWeight, child] of node.children) {
        if (Math.abs(childWeight - gap) <= radius)
          pending.push({ node: child, parentGap: gap, weight: childWeight });
      }
    }
    const ordered = near.sort((a, b) => a - b).map((index) => this.candidates[index] as T);
    return closest(wanted, ordered, this.textOf);
  }
}
