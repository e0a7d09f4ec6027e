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

const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
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
