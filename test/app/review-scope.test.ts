import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { blogRepository, HEAD_SHA } from "./blog.js";
import { FakeGitHub, type PullFile } from "./fake-github.js";
import { createTestApp, interceptGitHub, loadPayload } from "./probot-harness.js";

const POST = "_posts/2024-01-15-ancien-article.md";

/**
 * An old post: line 3 names an author the site does not know (an error), line 7 has two spaces to fix
 * (older problems), and the pull request rewrites line 9, whose « ; » lacks its no-break space.
 */
const OLD_POST = [
  "---",
  "title: Un ancien article",
  "authors: [inconnu]",
  "---",
  "",
  "Un chapeau sans histoire.",
  "Nous avons appris beaucoup de choses : merci à tous !",
  "",
  "La suite est prévue pour mardi ; venez nombreux.",
  "",
].join("\n");

/** GitHub's diff of that edit: line 9 rewritten, lines 7–8 and 10 shown as context. */
const EDIT_PATCH = [
  "@@ -7,4 +7,4 @@",
  " Nous avons appris beaucoup de choses : merci à tous !",
  " ",
  "-La suite est prévue pour lundi ; venez nombreux.",
  "+La suite est prévue pour mardi ; venez nombreux.",
  " ",
].join("\n");

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function reviewEdit(text: string, pullFile: Omit<PullFile, "filename">, configText?: string) {
  const fake = new FakeGitHub(
    blogRepository(
      { [POST]: text },
      { pullFiles: [{ filename: POST, ...pullFile }], ...(configText && { configText }) },
    ),
  );
  interceptGitHub(fake);
  const app = await createTestApp();
  await app.deliver("pull_request", loadPayload("pull_request.opened"));
  expect(fake.unexpected).toEqual([]);
  const [run] = fake.checkRuns;
  return {
    fake,
    run,
    annotated: run?.annotations.map((annotation) => `${annotation.start_line} ${annotation.title}`),
    summary: fake.issueComments[0]?.body ?? "",
  };
}

describe("a pull request that edits two lines of an old post", () => {
  it("annotates and suggests only on the line it changed, and counts the older problems", async () => {
    const { fake, run, annotated, summary } = await reviewEdit(OLD_POST, {
      status: "modified",
      patch: EDIT_PATCH,
    });
    expect(annotated).toEqual(["9 typo/nbsp-before-semicolon"]);
    expect(fake.reviewComments.map((comment) => comment.line)).toEqual([9]);
    // The unknown author (an error) is older than the pull request: it does not fail the check.
    expect(run?.conclusion).toBe("neutral");
    expect(run?.output?.summary).toContain("3 remarques plus anciennes, hors des lignes modifiées");
    expect(summary).toContain(
      "Hors des lignes modifiées, cet article compte encore 3 remarques plus anciennes, non détaillées ici.",
    );
    expect(summary).not.toContain("inconnu");
    expect(summary).not.toContain("ligne 7");
  });

  it("links each « ligne N » of the summary to that line of the file at the head commit", async () => {
    const { summary } = await reviewEdit(OLD_POST, { status: "modified", patch: EDIT_PATCH });
    expect(summary).toContain(
      `[ligne 9](https://github.com/betagouv/blog/blob/${HEAD_SHA}/_posts/2024-01-15-ancien-article.md?plain=1#L9)`,
    );
  });

  it("keeps the front matter findings about the whole file, wherever the change is", async () => {
    const untitled = OLD_POST.replace("title: Un ancien article\n", "");
    const patch = EDIT_PATCH.replace("@@ -7,4 +7,4 @@", "@@ -6,4 +6,4 @@");
    const { annotated, run } = await reviewEdit(untitled, { status: "modified", patch });
    expect(annotated).toEqual(["1 frontmatter/required-field", "8 typo/nbsp-before-semicolon"]);
    expect(run?.conclusion).toBe("failure");
  });

  it("reviews the whole post with `review.scope: file`", async () => {
    const { annotated, run, summary } = await reviewEdit(
      OLD_POST,
      { status: "modified", patch: EDIT_PATCH },
      "review:\n  scope: file\n",
    );
    expect(annotated).toEqual([
      "3 frontmatter/unknown-author",
      "7 typo/nbsp-before-colon",
      "7 typo/nbsp-before-exclamation",
      "9 typo/nbsp-before-semicolon",
    ]);
    expect(run?.conclusion).toBe("failure");
    expect(summary).not.toContain("plus anciennes");
  });

  it("reviews the whole post when GitHub gives no diff (too large to show)", async () => {
    const { annotated } = await reviewEdit(OLD_POST, { status: "modified" });
    expect(annotated).toHaveLength(4);
  });

  it("says the changed lines are clean when every finding is older", async () => {
    const patch = EDIT_PATCH.replace("-La suite est prévue pour lundi", "-La suite est prévue pour jeudi");
    const { run, summary } = await reviewEdit(OLD_POST.replace(" ; venez", "\u202f; venez"), {
      status: "modified",
      patch: patch.replace("+La suite est prévue pour mardi ;", "+La suite est prévue pour mardi\u202f;"),
    });
    expect(run?.annotations).toEqual([]);
    expect(run?.conclusion).toBe("success");
    expect(summary).toContain("Rien à signaler dans les lignes modifiées.");
    expect(summary).toContain("encore 3 remarques plus anciennes");
  });
});

describe("a pull request that adds a post", () => {
  it("reviews it whole, even when its diff covers only part of it", async () => {
    // An added file's patch covers every line; a partial one must not hide the rest of a new post.
    const { annotated } = await reviewEdit(OLD_POST, { status: "added", patch: "@@ -0,0 +1 @@\n+---" });
    expect(annotated).toHaveLength(4);
  });
});
