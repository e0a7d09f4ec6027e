import { describe, expect, it } from "vitest";
import { SUMMARY_MARKER } from "../../src/report/summary-comment.js";
import { change, commitAll, EDITED_POST, git, makeGitSite, OLD_POST } from "./git-repo.js";
import { CLEAN_POST, hasStackTrace, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const OLD = "_posts/2024-01-15-ancien.md";
const NEW = "_posts/2024-03-05-nouveau.md";

const NEW_POST = "---\ntitle: Nouveau\nauthors: [jdupont]\n---\n\nUn texte neuf : le voici.\n";

/** A repository whose `contribution` branch edits line 8 of the old post and adds a new one. */
function contribution(): { root: string; head: string } {
  const root = makeGitSite({ [OLD]: OLD_POST, "_posts/2024-01-20-autre.md": CLEAN_POST });
  git(root, "remote", "add", "origin", "https://github.com/betagouv/blog.git");
  git(root, "switch", "--quiet", "-c", "contribution");
  change(root, { [OLD]: EDITED_POST, [NEW]: NEW_POST });
  commitAll(root, "Nouvel article, date corrigée");
  return { root, head: git(root, "rev-parse", "HEAD").trim() };
}

// Each test makes a repository and a few commits: git processes, not the review, take the time.
describe("relecteur review --base REF", { timeout: 60_000 }, () => {
  it("prints the summary comment of the changes, with line links at the head commit", async () => {
    const { root, head } = contribution();
    const run = await runCli(["review", "--base", "main", "--offline"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const comment = run.stdout;
    expect(comment.startsWith(`${SUMMARY_MARKER}\n## Relecture éditoriale\n`)).toBe(true);
    expect(comment).toContain("| `Ancien` | 0 | 1 | 0 |");
    expect(comment).toContain("| `Nouveau` | 0 | 1 | 0 |");
    const blob = `https://github.com/betagouv/blog/blob/${head}`;
    expect(comment).toContain(`[ligne 8](${blob}/${OLD}?plain=1#L8)`);
    expect(comment).toContain(`[ligne 6](${blob}/${NEW}?plain=1#L6)`);
    expect(comment).toContain("cet article compte encore 3 remarques plus anciennes");
    expect(comment).not.toContain("jdupond");
  });

  it("reads the posts at the head commit, not in the work tree", async () => {
    const { root } = contribution();
    change(root, { [NEW]: NEW_POST.replace("[jdupont]", "[personne]") });
    const run = await runCli(["review", "--base", "main", "--offline"], { cwd: root });
    expect(run.stdout).toContain("| `Nouveau` | 0 | 1 | 0 |");
    expect(run.stdout).not.toContain("personne");
  });

  it("reviews --head from any checkout", async () => {
    const { root, head } = contribution();
    git(root, "switch", "--quiet", "main");
    const run = await runCli(["review", "--base", "main", "--head", "contribution", "--offline"], {
      cwd: root,
    });
    expect(run.stdout).toContain(`/blob/${head}/${NEW}?plain=1#L6)`);
  });

  it("takes the configuration of the base, as the app reads the default branch's", async () => {
    const { root } = contribution();
    // The contribution cannot loosen its own rules: its own config says `off`, the base's does not.
    change(root, { ".github/relecteur.yml": "rules:\n  typo/nbsp-before-semicolon: off\n" });
    commitAll(root, "Moins de règles");
    const run = await runCli(["review", "--base", "main", "--offline"], { cwd: root });
    expect(run.stdout).toContain("typo/nbsp-before-semicolon");
  });

  it("fails like the check run when a finding on the changed lines is an error", async () => {
    const { root } = contribution();
    change(root, { [NEW]: NEW_POST.replace("[jdupont]", "[personne]") });
    commitAll(root, "Un auteur inconnu");
    const run = await runCli(["review", "--base", "main", "--offline"], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("🔴");
  });

  it("prints no comment when no post changed, as the app leaves no trace", async () => {
    const root = makeGitSite({ [OLD]: OLD_POST });
    change(root, { "README.md": "Un dépôt\n" });
    commitAll(root, "Un README");
    const run = await runCli(["review", "--base", "HEAD~1"], { cwd: root });
    expect(run).toEqual({
      status: 0,
      stdout: "",
      stderr: "aucun article modifié entre HEAD~1 et HEAD\u00a0: rien à commenter\n",
    });
  });

  it("leaves the line numbers plain without a GitHub remote", async () => {
    const { root } = contribution();
    git(root, "remote", "set-url", "origin", "/srv/git/blog.git");
    const run = await runCli(["review", "--base", "main", "--offline"], { cwd: root });
    expect(run.stdout).toContain("- 🟠 ligne 8\u00a0: ");
  });

  it.each([
    [[], "relecteur: review\u00a0: --base REF est obligatoire (la branche visée, ex. main)\n"],
    [
      ["--base", "nulle-part"],
      "relecteur: --base nulle-part\u00a0: aucun commit de ce nom dans le dépôt (dans un clone partiel, récupérez-le avec git fetch)\n",
    ],
    [
      ["--base", "main", "_posts"],
      "relecteur: review relit les articles modifiés entre deux commits, sans chemin («\u00a0_posts\u00a0» en trop)\n",
    ],
  ])("refuses %j in one line", async (args, stderr) => {
    const { root } = contribution();
    const run = await runCli(["review", ...args], { cwd: root });
    expect(run).toEqual({ status: 2, stdout: "", stderr });
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("reports a broken configuration of the base with its place", async () => {
    const root = makeGitSite({ [OLD]: OLD_POST, ".github/relecteur.yml": "review:\n  scope: partout\n" });
    change(root, { [OLD]: EDITED_POST });
    commitAll(root, "Date");
    const run = await runCli(["review", "--base", "HEAD~1", "--offline"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^HEAD~1:\.github\/relecteur\.yml:2:10: .*review\.scope/);
  });
});
