import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { change, commitAll, EDITED_POST, git, makeGitSite, OLD_POST } from "../cli/git-repo.js";
import { makeTempDir, useTempDirs } from "../cli/temp-site.js";

useTempDirs();

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(REPOSITORY, "action/check.sh");

const OLD = "_posts/2024-01-15-ancien.md";
const NEW = "_posts/2024-03-05-nouveau.md";
/** A new post whose author is unknown (an error on line 3). */
const NEW_POST = "---\ntitle: Nouveau\nauthors: [personne]\n---\n\nUn texte neuf.\n";

/** A repository whose `contribution` branch edits line 8 of the old post and adds a new one; the base's sha. */
function pullRequest(): { root: string; base: string } {
  const root = makeGitSite({ [OLD]: OLD_POST });
  const base = git(root, "rev-parse", "HEAD").trim();
  git(root, "switch", "--quiet", "-c", "contribution");
  change(root, { [OLD]: EDITED_POST, [NEW]: NEW_POST });
  commitAll(root, "Une contribution");
  return { root, base };
}

/** Runs the action's step as the runner does: bash, the inputs in the environment, the checkout as cwd. */
function runStep(cwd: string, env: Record<string, string>) {
  const result = spawnSync("bash", [SCRIPT], {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      // The command line from source (tests do not build): tsx loads the TypeScript.
      RELECTEUR_ENTRY: join(REPOSITORY, "src/cli.ts"),
      NODE_OPTIONS: `--import ${import.meta.resolve("tsx")}`,
      GIT_CONFIG_GLOBAL: "/dev/null",
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `::level file=…,line=N,…` → `level file:N rule`. */
const annotations = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const match = /^::(\w+) file=([^,]+),line=(\d+),.*title=([^:]+)::/.exec(line);
      return match ? `${match[1]} ${match[2]}:${match[3]} ${match[4]?.replace("%2F", "/")}` : line;
    });

describe("the GitHub Action's step (action/check.sh)", { timeout: 120_000 }, () => {
  it("annotates the changed lines of the changed posts only, and fails on an error there", () => {
    const { root, base } = pullRequest();
    const run = runStep(root, { RELECTEUR_BASE: base, RELECTEUR_ARGS: "--offline" });
    expect(run.stderr).toBe("");
    expect(annotations(run.stdout)).toEqual([
      `warning ${OLD}:8 typo/nbsp-before-semicolon`,
      `error ${NEW}:3 frontmatter/unknown-author`,
    ]);
    expect(run.status).toBe(1);
  });

  it("fetches the base in a shallow checkout, as actions/checkout leaves it", () => {
    const { root, base } = pullRequest();
    // GitHub serves any commit of the repository by its sha; a local repository must be told to.
    git(root, "config", "uploadpack.allowAnySHA1InWant", "true");
    const checkout = join(makeTempDir(), "checkout");
    git(REPOSITORY, "clone", "--quiet", "--depth=1", "--branch=contribution", `file://${root}`, checkout);
    expect(spawnSync("git", ["cat-file", "-e", `${base}^{commit}`], { cwd: checkout }).status).not.toBe(0);
    const run = runStep(checkout, { RELECTEUR_BASE: base, RELECTEUR_ARGS: "--offline" });
    expect(annotations(run.stdout)).toEqual([
      `warning ${OLD}:8 typo/nbsp-before-semicolon`,
      `error ${NEW}:3 frontmatter/unknown-author`,
    ]);
  });

  it("passes its extra arguments as words, never through the shell", () => {
    const { root, base } = pullRequest();
    const quiet = runStep(root, { RELECTEUR_BASE: base, RELECTEUR_ARGS: "--offline  --severity error" });
    expect(annotations(quiet.stdout)).toEqual([`error ${NEW}:3 frontmatter/unknown-author`]);
    const hostile = runStep(root, {
      RELECTEUR_BASE: base,
      RELECTEUR_ARGS: "--offline $(touch pwned) ;touch pwned",
    });
    expect(existsSync(join(root, "pwned"))).toBe(false);
    expect(hostile.status).toBe(2);
    expect(hostile.stderr).toContain("$(touch: chemin introuvable");
  });

  it("says what is missing outside a pull request", () => {
    const { root } = pullRequest();
    const run = runStep(root, { RELECTEUR_BASE: "" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      "::error title=Relecteur::Aucun commit de base\u00a0: lancez l’action sur l’évènement pull_request, ou donnez-lui l’entrée base.\n",
    );
  });
});

describe("action.yml", () => {
  const action = parse(readFileSync(join(REPOSITORY, "action.yml"), "utf8"));
  /** A GitHub Actions expression, as action.yml writes it. */
  const expression = (text: string) => `\${{ ${text} }}`;

  it("is a composite action: Node, Relecteur from its own folder, then the step above", () => {
    expect(action.runs.using).toBe("composite");
    const [node, install, check] = action.runs.steps;
    expect(node.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(node.with["node-version"]).toBe(expression("inputs.node-version"));
    expect(action.inputs["node-version"].default).toBe("20");
    expect(install["working-directory"]).toBe(expression("github.action_path"));
    expect(install.run).toMatch(/^npm ci\b/);
    expect(check.run).toBe('bash "$GITHUB_ACTION_PATH/action/check.sh"');
  });

  it("hands the inputs over through the environment, where the shell cannot evaluate them", () => {
    const check = action.runs.steps.at(-1);
    expect(check.env).toEqual({
      RELECTEUR_BASE: expression("inputs.base"),
      RELECTEUR_ARGS: expression("inputs.args"),
    });
    expect(action.inputs.base.default).toBe(expression("github.event.pull_request.base.sha"));
    for (const step of action.runs.steps) expect(step.run ?? "").not.toContain(expression("").slice(0, 3));
  });
});
