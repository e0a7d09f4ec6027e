import { posix } from "node:path";
import { readFrontMatter } from "../review/front-matter.js";
import { readText, type SiteFileSource } from "./file-source.js";

/** Beyond this many templates read ahead, the renderer reads the rest as it meets them. */
const MAX_TEMPLATES = 64;

/** `{% include name.html … %}` with a name written out (a name built with Liquid is read when rendered). */
const STATIC_INCLUDE = /\{%-?\s*include\s+([\w./-]+)/g;

export interface ReadAheadSite {
  source: SiteFileSource;
  files: readonly string[];
  includesDir: string;
}

/**
 * Starts reading, all at once, the templates a page will ask for: its layout, the layouts above it and the
 * includes they and the page name. The renderer meets them one after another (a layout names the next one
 * in its front matter, an include is read when its tag is parsed): through the GitHub API each would be
 * one request waiting for the one before. Read ahead, they arrive together while the page's own Liquid and
 * Markdown render, and only what the page names is read, not every template of the site. Nothing is
 * awaited nor thrown: a read that fails is read again, and reported, by the renderer.
 */
export function readAheadTemplates(site: ReadAheadSite, body: string, layout: unknown): void {
  const started = new Set<string>();
  const visit = (path: string) => {
    if (started.has(path) || started.size >= MAX_TEMPLATES) return;
    started.add(path);
    readText(site.source, path).then((text) => {
      if (text === undefined) return;
      const frontMatter = readFrontMatter(text);
      if (frontMatter.kind !== "present") return visitIncludes(text);
      visitIncludes(text.slice(frontMatter.bodyStart));
      visitLayout(frontMatter.data.layout);
    }, ignore);
  };
  const visitIncludes = (template: string) => {
    for (const match of template.matchAll(STATIC_INCLUDE)) {
      visit(posix.join(site.includesDir, match[1] as string));
    }
  };
  const visitLayout = (name: unknown) => {
    if (typeof name !== "string" || name === "") return;
    const path = site.files.find(
      (file) => posix.dirname(file) === "_layouts" && posix.basename(file, posix.extname(file)) === name,
    );
    if (path !== undefined) visit(path);
  };
  visitLayout(layout);
  visitIncludes(body);
}

function ignore(): void {}
