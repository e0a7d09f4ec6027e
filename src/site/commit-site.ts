import { buildSite, type Site } from "./site.js";

export interface PostBytes {
  path: string;
  bytes: Uint8Array;
}

export interface CommitSiteInput {
  /** Every path of the commit's tree. */
  files: readonly string[];
  /** `_config.yml` at the commit, when there is one. */
  configBytes?: Uint8Array;
  /** The posts under review, read at the commit. */
  posts: readonly PostBytes[];
  postGlobs: readonly string[];
}

/**
 * The site of one commit as a pull request's review sees it: every path of the tree, `_config.yml`, and
 * the text of the posts under review only (their permalinks and headings, for links between posts of the
 * same change; other pages stay unread, which the link rules take into account). The app and
 * `relecteur review` both build it, so that they review alike.
 */
export function buildCommitSite(input: CommitSiteInput): { site: Site; texts: ReadonlyMap<string, string> } {
  const decoder = new TextDecoder("utf-8");
  const texts = new Map(input.posts.map((post) => [post.path, decoder.decode(post.bytes)]));
  const { site } = buildSite({
    files: [...input.files],
    configText: input.configBytes && decoder.decode(input.configBytes),
    postGlobs: input.postGlobs,
    texts,
  });
  return { site, texts };
}
