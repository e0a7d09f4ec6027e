import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One text of the corpus to review: a final post or one of its revisions, under the path it had. */
export interface CorpusDocument {
  /** Where the text lives on disk. */
  file: string;
  /** The post path it had in the repository (`_posts/…`), used by the rules. */
  path: string;
  kind: "post" | "revision";
  /** For a revision: its post, number and commit subject, from `revisions.tsv`. */
  post?: string;
  revision?: string;
  subject?: string;
}

/**
 * The final posts of `<dir>/site/_posts` and every revision of `<dir>/history`, read in place (the corpus is
 * third-party content and never copied into the repository).
 */
export function listCorpusDocuments(dir: string, postPaths: readonly string[]): CorpusDocument[] {
  const documents: CorpusDocument[] = postPaths.map((path) => ({
    file: join(dir, "site", path),
    path,
    kind: "post",
  }));
  const revisionsFile = join(dir, "history", "revisions.tsv");
  if (!existsSync(revisionsFile)) return documents;
  const [header, ...rows] = readFileSync(revisionsFile, "utf8").trimEnd().split("\n");
  const columns = (header ?? "").split("\t");
  const postColumn = columns.indexOf("post");
  const revisionColumn = columns.indexOf("revision");
  const pathColumn = columns.indexOf("path");
  const subjectColumn = columns.indexOf("subject");
  for (const row of rows) {
    const cells = row.split("\t");
    const post = cells[postColumn] ?? "";
    const file = join(dir, "history", post, `${cells[revisionColumn]}.md`);
    if (!existsSync(file)) continue;
    documents.push({
      file,
      path: cells[pathColumn] ?? `_posts/${post}.md`,
      kind: "revision",
      post,
      revision: cells[revisionColumn],
      subject: cells[subjectColumn],
    });
  }
  const listed = new Set(documents.map((document) => document.file));
  for (const post of readdirSync(join(dir, "history"), { withFileTypes: true })) {
    if (!post.isDirectory()) continue;
    for (const name of readdirSync(join(dir, "history", post.name))) {
      const file = join(dir, "history", post.name, name);
      if (name.endsWith(".md") && !listed.has(file)) {
        documents.push({
          file,
          path: `_posts/${post.name}.md`,
          kind: "revision",
          post: post.name,
          revision: name.slice(0, -3),
        });
      }
    }
  }
  return documents;
}
