import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { change, commitAll, EDITED_POST, git, makeGitSite, OLD_POST } from "../cli/git-repo.js";
import { runCli, useTempDirs } from "../cli/temp-site.js";
import { HEAD_SHA } from "./blog.js";
import { FakeGitHub, type PullFile } from "./fake-github.js";
import { createTestApp, interceptGitHub, loadPayload } from "./probot-harness.js";

useTempDirs();

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const OLD = "_posts/2024-01-15-ancien.md";
const RENAMED = "_posts/2024-01-20-Autre.md";
const NEW = "_posts/2024-03-05-nouveau.md";
const OTHER_POST =
  "---\ntitle: Autre\nauthors: [jdupont]\n---\n\nUn texte : sans histoire.\n\nEt la suite.\n";
const NEW_POST = "---\ntitle: Nouveau\nauthors: [jdupont]\n---\n\nUn texte neuf : le voici !\n";

const STATUS: Record<string, PullFile["status"]> = { A: "added", M: "modified", R: "renamed" };

/** The pull request GitHub would show for `main...head`: its files, with `patch` as the API gives it. */
function pullFilesOf(root: string, head: string): PullFile[] {
  const fields = git(root, "diff", "--name-status", "-z", "-M", "main", head).split("\0").filter(Boolean);
  const files: PullFile[] = [];
  for (let index = 0; index < fields.length; ) {
    const code = fields[index++] as string;
    const paths = code.startsWith("R") ? [fields[index++], fields[index++]] : [fields[index++]];
    const filename = paths.at(-1) as string;
    const diff = git(root, "diff", "-M", "main", head, "--", ...(paths as string[]));
    // The API's `patch` is the hunks alone, without git's header lines and final newline.
    const patch = diff.slice(diff.indexOf("@@")).replace(/\n$/, "");
    files.push({ filename, status: STATUS[code[0] as string] ?? "modified", patch });
  }
  return files;
}

function headFilesOf(root: string, head: string): Record<string, string> {
  const paths = git(root, "ls-tree", "-r", "-z", "--name-only", head).split("\0").filter(Boolean);
  return Object.fromEntries(paths.map((path) => [path, git(root, "show", `${head}:${path}`)]));
}

describe("relecteur review and the app", { timeout: 60_000 }, () => {
  it("print the same summary comment for the same pull request", async () => {
    const root = makeGitSite({ [OLD]: OLD_POST, "_posts/2024-01-20-autre.md": OTHER_POST });
    git(root, "remote", "add", "origin", "https://github.com/betagouv/blog.git");
    git(root, "switch", "--quiet", "-c", "contribution");
    git(root, "mv", "_posts/2024-01-20-autre.md", RENAMED);
    change(root, {
      [OLD]: EDITED_POST,
      [RENAMED]: OTHER_POST.replace("Et la suite.", "Et la suite ; enfin."),
      [NEW]: NEW_POST,
    });
    commitAll(root, "Une contribution");
    const head = git(root, "rev-parse", "HEAD").trim();

    const fake = new FakeGitHub({
      owner: "betagouv",
      repo: "blog",
      repoId: 101,
      pullNumber: 12,
      headSha: HEAD_SHA,
      headFiles: headFilesOf(root, head),
      pullFiles: pullFilesOf(root, head),
    });
    expect(fake.repository.pullFiles.map((file) => `${file.status} ${file.filename}`).sort()).toEqual([
      `added ${NEW}`,
      `modified ${OLD}`,
      `renamed ${RENAMED}`,
    ]);
    interceptGitHub(fake);
    const app = await createTestApp();
    await app.deliver("pull_request", loadPayload("pull_request.opened"));
    expect(fake.unexpected).toEqual([]);
    const fromApp = fake.issueComments[0]?.body ?? "";

    const cli = await runCli(["review", "--base", "main", "--offline"], { cwd: root, today: "2024-03-10" });
    expect(cli.stderr).toBe("");
    // The app reviews the payload's head commit, the command line the repository's: the links differ by it.
    expect(cli.stdout.replaceAll(head, HEAD_SHA)).toBe(fromApp);
    expect(fromApp).toContain("plus anciennes");
    expect(fromApp).toContain("frontmatter/slug-style");
  });
});
