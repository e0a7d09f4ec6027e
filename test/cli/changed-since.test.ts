import { describe, expect, it } from "vitest";
import { change, commitAll, EDITED_POST, git, makeGitSite, OLD_POST } from "./git-repo.js";
import { CLEAN_POST, hasStackTrace, makeSite, parseJson, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const OLD = "_posts/2024-01-15-ancien.md";
const OTHER = "_posts/2024-01-20-autre.md";
const NEW = "_posts/2024-03-05-nouveau.md";

/** A new post with a problem on line 6. */
const NEW_POST = "---\ntitle: Nouveau\nauthors: [jdupont]\n---\n\nUn texte neuf : le voici.\n";

const placesOf = (stdout: string) =>
  Object.fromEntries(
    parseJson(stdout).files.map((file) => [
      file.path,
      file.findings.map((finding) => `${finding.line} ${finding.rule}`),
    ]),
  );

function branchSite(): string {
  const root = makeGitSite({ [OLD]: OLD_POST, [OTHER]: CLEAN_POST });
  git(root, "switch", "--quiet", "-c", "contribution");
  return root;
}

// Each test makes a repository and a few commits: git processes, not the review, take the time.
describe("relecteur check --changed-since REF", { timeout: 60_000 }, () => {
  it("reviews the posts changed since REF, committed or not, and only their changed lines", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST });
    commitAll(root, "Corrige la date");
    change(root, { [NEW]: NEW_POST }); // not even added to git
    const run = await runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(placesOf(run.stdout)).toEqual({
      [OLD]: ["8 typo/nbsp-before-semicolon"],
      [NEW]: ["6 typo/nbsp-before-colon"],
    });
    // The unknown author is older than the change: it does not fail the run.
    expect(run.status).toBe(0);
  });

  it("counts uncommitted edits of a tracked post", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST });
    const run = await runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: root });
    expect(placesOf(run.stdout)).toEqual({ [OLD]: ["8 typo/nbsp-before-semicolon"] });
  });

  it("says in text how many older findings it left aside", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST });
    const run = await runCli(["check", "--changed-since", "main"], { cwd: root });
    expect(run.stdout).toContain(
      "3 remarques plus anciennes, hors des lignes modifiées, ne sont pas montrées (sans --changed-since, tout est montré).",
    );
    expect(run.stdout).toContain("0 erreur, 1 avertissement, 0 info dans 1 fichier\n");
  });

  it("starts from the merge base: what REF received since the branch left it is not the branch's", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST });
    commitAll(root, "Corrige la date");
    git(root, "switch", "--quiet", "main");
    change(root, { [OTHER]: `${CLEAN_POST}\nUn ajout : sur main.\n` });
    commitAll(root, "Sur main");
    git(root, "switch", "--quiet", "contribution");
    const run = await runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: root });
    expect(Object.keys(placesOf(run.stdout))).toEqual([OLD]);
  });

  it("keeps the whole-file front matter findings, and the name's after a rename", async () => {
    const root = branchSite();
    const renamed = "_posts/2024-01-15-Ancien.md";
    git(root, "mv", OLD, renamed);
    change(root, { [renamed]: EDITED_POST.replace("title: Ancien\n", "") });
    const run = await runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: root });
    expect(placesOf(run.stdout)).toEqual({
      [renamed]: ["1 frontmatter/slug-style", "1 frontmatter/required-field", "7 typo/nbsp-before-semicolon"],
    });
    expect(run.status).toBe(1);
  });

  it("follows review.scope: file, and reviews the changed posts whole", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST, ".github/relecteur.yml": "review:\n  scope: file\n" });
    const run = await runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: root });
    expect(placesOf(run.stdout)[OLD]).toHaveLength(4);
    expect(run.status).toBe(1);
  });

  it("restricts the paths given to the changed posts among them", async () => {
    const root = branchSite();
    change(root, { [OLD]: EDITED_POST, [NEW]: NEW_POST });
    const run = await runCli(["check", "--changed-since", "main", "--format", "json", NEW, OTHER], {
      cwd: root,
    });
    expect(Object.keys(placesOf(run.stdout))).toEqual([NEW]);
  });

  it("says so when no post changed", async () => {
    const root = branchSite();
    change(root, { "README.md": "Un dépôt\n" });
    const run = await runCli(["check", "--changed-since", "main"], { cwd: root });
    expect(run).toEqual({
      status: 0,
      stdout: "0 erreur, 0 avertissement, 0 info dans 0 fichier\n",
      stderr: "aucun article modifié depuis main\n",
    });
  });

  it("refuses a reference git does not know, in one line", async () => {
    const run = await runCli(["check", "--changed-since", "mian"], { cwd: branchSite() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "relecteur: --changed-since mian\u00a0: aucun commit de ce nom dans le dépôt (dans un clone partiel, récupérez-le avec git fetch)\n",
    );
  });

  it("refuses a site outside a git repository", async () => {
    const root = makeSite({ [OLD]: OLD_POST });
    const run = await runCli(["check", "--changed-since", "main"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`relecteur: ${root}\u00a0: ce dossier n’est pas dans un dépôt git\n`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it.each([
    [["--fix"], "--changed-since ne se combine pas avec --fix\u00a0: corrigez les articles nommés"],
    [["--stdin"], "--changed-since ne se combine pas avec --stdin"],
  ])("refuses %s", async (extra, message) => {
    const run = await runCli(["check", "--changed-since", "main", ...extra], { cwd: branchSite() });
    expect(run).toEqual({ status: 2, stdout: "", stderr: `relecteur: ${message}\n` });
  });
});
