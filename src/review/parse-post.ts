import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { type PostPathInfo, parsePostPath } from "../site/post-path.js";
import { type FrontMatter, readFrontMatter } from "./front-matter.js";
import { LineIndex } from "./positions.js";
import { remarkKramdownGfm } from "./remark-kramdown-gfm.js";

export interface ParsedPost {
  path: string;
  source: string;
  pathInfo: PostPathInfo;
  frontMatter: FrontMatter;
  /** The Markdown tree of the whole file, front matter included as a `yaml` node: positions are absolute. */
  tree: Root;
  lines: LineIndex;
}

/** Jekyll closes a front matter with `---` or `...`: both, so that the tree and the front matter agree. */
const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml", { type: "yaml", fence: { open: "---", close: "..." } }])
  .use(remarkKramdownGfm)
  .freeze();

export function parseMarkdown(source: string): Root {
  return markdownParser.parse(source);
}

export function parsePost(path: string, source: string): ParsedPost {
  return {
    path,
    source,
    pathInfo: parsePostPath(path),
    frontMatter: readFrontMatter(source),
    tree: parseMarkdown(source),
    lines: new LineIndex(source),
  };
}
