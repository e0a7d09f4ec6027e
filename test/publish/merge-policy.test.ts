import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { BLOCK_REASON_ORDER, type BlockReason } from "../../src/publish/block-reason.js";
import { evaluateMergePolicy } from "../../src/publish/merge-policy.js";
import type { PublishPolicy } from "../../src/publish/publish-policy.js";
import type { PullRequestFacts, ReviewFact } from "../../src/publish/pull-request-facts.js";

const HEAD = "a".repeat(40);
const OLD = "b".repeat(40);
/** Friday 8 December 2023, 11 h in Paris. */
const NOW = new Date("2023-12-08T10:00:00Z");

function approval(login: string, overrides: Partial<ReviewFact> = {}): ReviewFact {
  return { login, state: "APPROVED", commitId: HEAD, submittedAt: "2023-12-07T10:00:00Z", ...overrides };
}

/** A pull request in which every condition holds. */
function readyFacts(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    number: 42,
    headSha: HEAD,
    state: "open",
    isDraft: false,
    labels: ["article"],
    authorLogin: "autrice",
    changedFiles: [{ path: "_posts/2023-12-04-bilan.md" }, { path: "img/posts/bilan.png" }],
    reviews: [approval("editrice")],
    reviewerPermissions: { editrice: "write", lecteur: "read", autrice: "write", chef: "admin" },
    checkRuns: [
      { name: "Relecteur", status: "completed", conclusion: "success", isRelecteur: true },
      { name: "build", status: "completed", conclusion: "success" },
      { name: "lint", status: "completed", conclusion: "skipped" },
    ],
    statuses: [{ context: "netlify/deploy-preview", state: "success" }],
    relecteurCheck: { name: "Relecteur", conclusion: "neutral" },
    mergeable: true,
    posts: [{ path: "_posts/2023-12-04-bilan.md", title: "Bilan de l'année", date: "2023-12-04" }],
    postGlobs: ["_posts/**/*.md"],
    configIssues: [],
    ...overrides,
  };
}

const POLICY: PublishPolicy = { ...DEFAULT_CONFIG.publish, enabled: true, alsoAllow: ["img/posts/**"] };

describe("evaluateMergePolicy", () => {
  it("is ready when every condition holds, on the head commit, with the commit title", () => {
    expect(evaluateMergePolicy(readyFacts(), POLICY, NOW)).toEqual({
      kind: "ready",
      sha: HEAD,
      method: "squash",
      commitTitle: "Publie «\u00a0Bilan de l'année\u00a0» (#42)",
    });
  });

  const conditions: {
    name: string;
    facts?: Partial<PullRequestFacts>;
    policy?: Partial<PublishPolicy>;
    expected: { code: BlockReason["code"]; data: object; message: string }[];
  }[] = [
    {
      name: "an invalid configuration key",
      facts: {
        configIssues: [
          { key: "publish.method", problem: "«\u00a0fast-forward\u00a0» n’est pas une méthode connue" },
        ],
      },
      expected: [
        {
          code: "config-invalid",
          data: { key: "publish.method", problem: "«\u00a0fast-forward\u00a0» n’est pas une méthode connue" },
          message:
            "configuration invalide, clé `publish.method`\u00a0: «\u00a0fast-forward\u00a0» n’est pas une méthode connue",
        },
      ],
    },
    {
      name: "an unreadable publish.time",
      policy: { time: "9h" },
      expected: [
        {
          code: "config-invalid",
          data: {
            key: "publish.time",
            problem: "une heure au format HH:MM est attendue, «\u00a09h\u00a0» trouvé",
          },
          message:
            "configuration invalide, clé `publish.time`\u00a0: une heure au format HH:MM est attendue, «\u00a09h\u00a0» trouvé",
        },
      ],
    },
    {
      name: "an unknown publish.timezone",
      policy: { timezone: "Europe/Pari" },
      expected: [
        {
          code: "config-invalid",
          data: {
            key: "publish.timezone",
            problem: "un fuseau horaire IANA (Europe/Paris) est attendu, «\u00a0Europe/Pari\u00a0» trouvé",
          },
          message:
            "configuration invalide, clé `publish.timezone`\u00a0: un fuseau horaire IANA (Europe/Paris) est attendu, «\u00a0Europe/Pari\u00a0» trouvé",
        },
      ],
    },
    {
      name: "a negative publish.approvals",
      policy: { approvals: -1 },
      expected: [
        {
          code: "config-invalid",
          data: {
            key: "publish.approvals",
            problem: "un entier d’au moins 1 est attendu, «\u00a0-1\u00a0» trouvé",
          },
          message:
            "configuration invalide, clé `publish.approvals`\u00a0: un entier d’au moins 1 est attendu, «\u00a0-1\u00a0» trouvé",
        },
      ],
    },
    {
      // What the schema refuses, the policy refuses: no pull request merged with no one involved.
      name: "publish.approvals: 0",
      policy: { approvals: 0 },
      expected: [
        {
          code: "config-invalid",
          data: {
            key: "publish.approvals",
            problem: "un entier d’au moins 1 est attendu, «\u00a00\u00a0» trouvé",
          },
          message:
            "configuration invalide, clé `publish.approvals`\u00a0: un entier d’au moins 1 est attendu, «\u00a00\u00a0» trouvé",
        },
      ],
    },
    {
      name: "publishing disabled",
      policy: { enabled: false },
      expected: [
        {
          code: "publish-disabled",
          data: {},
          message: "publication automatique désactivée (`publish.enabled` n’est pas `true`)",
        },
      ],
    },
    {
      name: "a file that is neither a post nor allowed",
      facts: { changedFiles: [{ path: "_posts/2023-12-04-bilan.md" }, { path: "Gemfile" }] },
      expected: [
        {
          code: "path-not-allowed",
          data: { path: "Gemfile" },
          message: "le fichier `Gemfile` n’est pas un article\u00a0: publication manuelle",
        },
      ],
    },
    {
      name: "a file renamed from a path that is not allowed",
      facts: {
        changedFiles: [
          { path: "_posts/2023-12-04-bilan.md" },
          { path: "img/posts/logo.png", previousPath: "assets/logo.png" },
        ],
      },
      expected: [
        {
          code: "path-not-allowed",
          data: { path: "assets/logo.png" },
          message: "le fichier `assets/logo.png` n’est pas un article\u00a0: publication manuelle",
        },
      ],
    },
    {
      name: "no post at all",
      facts: { changedFiles: [{ path: "img/posts/bilan.png" }], posts: [] },
      expected: [
        {
          code: "no-post",
          data: {},
          message: "aucun article dans cette pull request\u00a0: publication manuelle",
        },
      ],
    },
    {
      name: "a closed pull request",
      facts: { state: "closed", mergeable: null },
      expected: [{ code: "not-open", data: {}, message: "la pull request est fermée" }],
    },
    {
      name: "a draft",
      facts: { isDraft: true },
      expected: [{ code: "draft", data: {}, message: "la pull request est un brouillon" }],
    },
    {
      name: "a blocking label, whatever its case",
      facts: { labels: ["article", "WIP"] },
      expected: [
        {
          code: "blocking-label",
          data: { label: "wip" },
          message: "l’étiquette «\u00a0wip\u00a0» bloque la publication",
        },
      ],
    },
    {
      name: "the required label missing",
      policy: { label: "à publier" },
      expected: [
        {
          code: "missing-label",
          data: { label: "à publier" },
          message: "l’étiquette «\u00a0à publier\u00a0» manque",
        },
      ],
    },
    {
      name: "no approval",
      facts: { reviews: [] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "an approval of an older commit",
      facts: { reviews: [approval("editrice", { commitId: OLD })] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [{ login: "editrice", cause: "older-commit" }] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "an approval from a reviewer without write permission",
      facts: { reviews: [approval("lecteur")] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [{ login: "lecteur", cause: "no-write-permission" }] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "an approval from a reviewer whose permission is unknown",
      facts: { reviews: [approval("inconnu")] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [{ login: "inconnu", cause: "no-write-permission" }] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "the author approving their own post",
      facts: { reviews: [approval("Autrice")] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [{ login: "Autrice", cause: "own-approval" }] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "one approval when two are required",
      policy: { approvals: 2 },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 2, actual: 1, ignored: [] },
          message: "1 approbation manquante",
        },
      ],
    },
    {
      name: "no approval when three are required",
      policy: { approvals: 3 },
      facts: { reviews: [] },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 3, actual: 0, ignored: [] },
          message: "3 approbations manquantes",
        },
      ],
    },
    {
      name: "an approval, then changes requested by the same reviewer",
      facts: {
        reviews: [
          approval("editrice"),
          approval("editrice", { state: "CHANGES_REQUESTED", submittedAt: "2023-12-07T11:00:00Z" }),
        ],
      },
      expected: [
        {
          code: "missing-approvals",
          data: { required: 1, actual: 0, ignored: [] },
          message: "1 approbation manquante",
        },
        {
          code: "changes-requested",
          data: { reviewer: "editrice" },
          message: "@\u200beditrice demande des modifications",
        },
      ],
    },
    {
      name: "changes requested by another reviewer, even on an older commit",
      facts: {
        reviews: [
          approval("editrice"),
          approval("chef", { state: "CHANGES_REQUESTED", commitId: OLD }),
          approval("chef", { state: "COMMENTED", submittedAt: "2023-12-07T12:00:00Z" }),
        ],
      },
      expected: [
        {
          code: "changes-requested",
          data: { reviewer: "chef" },
          message: "@\u200bchef demande des modifications",
        },
      ],
    },
    {
      name: "a failing check run",
      facts: {
        checkRuns: [
          { name: "build", status: "completed", conclusion: "failure" },
          { name: "lint", status: "completed", conclusion: "success" },
        ],
      },
      expected: [
        {
          code: "check-failing",
          data: { check: "build", source: "check-run", conclusion: "failure" },
          message: "vérification `build` en échec",
        },
      ],
    },
    {
      name: "a failing commit status",
      facts: { statuses: [{ context: "netlify/deploy-preview", state: "error" }] },
      expected: [
        {
          code: "check-failing",
          data: { check: "netlify/deploy-preview", source: "status", conclusion: "error" },
          message: "vérification `netlify/deploy-preview` en échec",
        },
      ],
    },
    {
      name: "errors in Relecteur's own review",
      facts: { relecteurCheck: { name: "Relecteur", conclusion: "failure" } },
      expected: [
        {
          code: "check-failing",
          data: { check: "Relecteur", source: "relecteur", conclusion: "failure" },
          message: "la relecture de Relecteur signale des erreurs",
        },
      ],
    },
    {
      // A CI job that runs `relecteur check` under the same name: an ordinary check, whatever its name.
      name: "another app's failing run that is also named Relecteur",
      facts: {
        checkRuns: [
          { name: "Relecteur", status: "completed", conclusion: "failure" },
          { name: "Relecteur", status: "completed", conclusion: "success", isRelecteur: true },
        ],
      },
      expected: [
        {
          code: "check-failing",
          data: { check: "Relecteur", source: "check-run", conclusion: "failure" },
          message: "vérification `Relecteur` en échec",
        },
      ],
    },
    {
      name: "a check run in progress",
      facts: { checkRuns: [{ name: "build", status: "in_progress", conclusion: null }] },
      expected: [
        {
          code: "check-pending",
          data: { check: "build", source: "check-run", isReported: true },
          message: "vérification `build` en cours",
        },
      ],
    },
    {
      name: "a pending commit status",
      facts: { statuses: [{ context: "ci/circleci", state: "pending" }] },
      expected: [
        {
          code: "check-pending",
          data: { check: "ci/circleci", source: "status", isReported: true },
          message: "vérification `ci/circleci` en cours",
        },
      ],
    },
    {
      name: "Relecteur's own review not concluded",
      facts: { relecteurCheck: { name: "Relecteur", conclusion: null } },
      expected: [
        {
          code: "check-pending",
          data: { check: "Relecteur", source: "relecteur", isReported: true },
          message: "relecture de Relecteur en cours",
        },
      ],
    },
    {
      name: "a required check not reported yet",
      policy: { requiredChecks: ["build", "deploy"] },
      expected: [
        {
          code: "check-pending",
          data: { check: "deploy", source: "check-run", isReported: false },
          message: "vérification `deploy` attendue",
        },
      ],
    },
    {
      name: "a conflict",
      facts: { mergeable: false },
      expected: [
        {
          code: "not-mergeable",
          data: {},
          message: "conflit avec la branche de base\u00a0: à résoudre avant la publication",
        },
      ],
    },
    {
      name: "mergeability not computed yet",
      facts: { mergeable: null },
      expected: [
        { code: "mergeability-pending", data: {}, message: "GitHub vérifie encore l’absence de conflit" },
      ],
    },
    {
      name: "a publication date in the future",
      facts: { posts: [{ path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-12-12" }] },
      expected: [
        {
          code: "publication-date-in-future",
          data: {
            date: "2023-12-12T08:00:00.000Z",
            timeZone: "Europe/Paris",
            path: "_posts/2023-12-04-bilan.md",
          },
          message: "publication programmée le mardi 12 décembre à 9 h",
        },
      ],
    },
    {
      name: "today, one minute before publish.time",
      policy: { time: "11:01" },
      facts: { posts: [{ path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-12-08" }] },
      expected: [
        {
          code: "publication-date-in-future",
          data: {
            date: "2023-12-08T10:01:00.000Z",
            timeZone: "Europe/Paris",
            path: "_posts/2023-12-04-bilan.md",
          },
          message: "publication programmée le vendredi 8 décembre à 11 h 01",
        },
      ],
    },
    {
      name: "a publication date next year",
      facts: { posts: [{ path: "_posts/2024-01-02-voeux.md", title: "Vœux" }] },
      expected: [
        {
          code: "publication-date-in-future",
          data: {
            date: "2024-01-02T08:00:00.000Z",
            timeZone: "Europe/Paris",
            path: "_posts/2024-01-02-voeux.md",
          },
          message: "publication programmée le mardi 2 janvier 2024 à 9 h",
        },
      ],
    },
    {
      name: "with several posts, the latest date counts",
      facts: {
        posts: [
          { path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-12-04" },
          { path: "_posts/2023-12-20-noel.md", title: "Noël", date: "2023-12-20 18:30:00 +0100" },
          { path: "_posts/2023-12-10-suite.md", title: "Suite" },
        ],
      },
      expected: [
        {
          code: "publication-date-in-future",
          data: {
            date: "2023-12-20T17:30:00.000Z",
            timeZone: "Europe/Paris",
            path: "_posts/2023-12-20-noel.md",
          },
          message: "publication programmée le mercredi 20 décembre à 18 h 30",
        },
      ],
    },
    {
      name: "a post deleted by the pull request",
      facts: {
        changedFiles: [
          { path: "_posts/2023-12-04-bilan.md" },
          { path: "_posts/2020-01-01-ancien.md", isRemoved: true },
        ],
      },
      expected: [
        {
          code: "file-removed",
          data: { path: "_posts/2020-01-01-ancien.md" },
          message: "le fichier `_posts/2020-01-01-ancien.md` est supprimé\u00a0: publication manuelle",
        },
      ],
    },
    {
      // GitHub lists 3,000 files at most: an unlisted file was never checked against the allowed paths.
      name: "more changed files than GitHub lists",
      facts: { changedFileCount: 3001 },
      expected: [
        {
          code: "files-unlisted",
          data: { listed: 2, total: 3001 },
          message: "GitHub ne liste que 2 des 3001 fichiers modifiés\u00a0: publication manuelle",
        },
      ],
    },
    {
      name: "an unreadable publication date",
      facts: { posts: [{ path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-13-01" }] },
      expected: [
        {
          code: "publication-date-invalid",
          data: { path: "_posts/2023-12-04-bilan.md", text: "2023-13-01" },
          message:
            "date de publication illisible pour `_posts/2023-12-04-bilan.md`\u00a0: «\u00a02023-13-01\u00a0»",
        },
      ],
    },
    {
      name: "no publication date at all",
      facts: { posts: [{ path: "_posts/bilan.md", title: "Bilan" }], postGlobs: ["_posts/**/*.md"] },
      expected: [
        {
          code: "publication-date-invalid",
          data: { path: "_posts/bilan.md" },
          message: "date de publication introuvable pour `_posts/bilan.md`",
        },
      ],
    },
  ];

  it.each(conditions)("blocks on $name alone", ({ facts, policy, expected }) => {
    const decision = evaluateMergePolicy(readyFacts(facts), { ...POLICY, ...policy }, NOW);
    expect(decision).toEqual({ kind: "blocked", reasons: expected });
  });

  const counted: { name: string; reviews: ReviewFact[]; policy?: Partial<PublishPolicy> }[] = [
    {
      name: "changes requested, then an approval of the head",
      reviews: [
        approval("editrice", {
          state: "CHANGES_REQUESTED",
          commitId: OLD,
          submittedAt: "2023-12-06T10:00:00Z",
        }),
        approval("editrice"),
      ],
    },
    {
      name: "reviews given out of order: the latest submitted wins",
      reviews: [
        approval("editrice", { submittedAt: "2023-12-07T12:00:00Z" }),
        approval("editrice", { state: "CHANGES_REQUESTED", submittedAt: "2023-12-07T09:00:00Z" }),
      ],
    },
    {
      name: "an approval followed by a comment",
      reviews: [
        approval("editrice"),
        approval("editrice", { state: "COMMENTED", submittedAt: "2023-12-08T09:00:00Z" }),
      ],
    },
    {
      name: "a dismissed request for changes",
      reviews: [approval("editrice"), approval("chef", { state: "DISMISSED" })],
    },
    {
      name: "a reviewer without write permission listed in publish.reviewers",
      reviews: [approval("Lecteur")],
      policy: { reviewers: ["lecteur"] },
    },
    {
      name: "an admin",
      reviews: [approval("chef")],
    },
  ];

  it.each(counted)("counts $name", ({ reviews, policy }) => {
    const decision = evaluateMergePolicy(readyFacts({ reviews }), { ...POLICY, ...policy }, NOW);
    expect(decision.kind).toBe("ready");
  });

  it("is ready with several posts once the latest is due, naming them all", () => {
    const facts = readyFacts({
      number: 7,
      posts: [
        { path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-12-04" },
        { path: "_posts/2023-12-05-suite.md", title: "Suite" },
        { path: "_posts/2023-12-06-fin.md" },
      ],
    });
    expect(evaluateMergePolicy(facts, { ...POLICY, method: "rebase" }, NOW)).toEqual({
      kind: "ready",
      sha: HEAD,
      method: "rebase",
      commitTitle: "Publie «\u00a0Bilan\u00a0», «\u00a0Suite\u00a0» et «\u00a02023-12-06-fin.md\u00a0» (#7)",
    });
  });

  it("is ready at publish.time exactly", () => {
    const facts = readyFacts({ posts: [{ path: "_posts/2023-12-08-a.md", title: "A" }] });
    expect(evaluateMergePolicy(facts, { ...POLICY, time: "11:00" }, NOW).kind).toBe("ready");
  });

  it("returns every reason at once, configuration first, then path, state, approvals, checks, date", () => {
    const facts = readyFacts({
      configIssues: [{ key: "publish.method", problem: "inconnue" }],
      changedFiles: [{ path: "Gemfile" }, { path: "_posts/2023-12-04-bilan.md" }, { path: "_config.yml" }],
      isDraft: true,
      labels: ["ne pas publier"],
      reviews: [approval("lecteur"), approval("chef", { state: "CHANGES_REQUESTED" })],
      checkRuns: [
        { name: "build", status: "queued", conclusion: null },
        { name: "lint", status: "completed", conclusion: "timed_out" },
      ],
      relecteurCheck: { name: "Relecteur", conclusion: "failure" },
      mergeable: false,
      posts: [{ path: "_posts/2023-12-04-bilan.md", title: "Bilan", date: "2023-12-12" }],
    });
    const decision = evaluateMergePolicy(
      facts,
      { ...POLICY, label: "à publier", requiredChecks: ["deploy"] },
      NOW,
    );
    expect(decision.kind === "blocked" && decision.reasons.map((item) => item.message)).toEqual([
      "configuration invalide, clé `publish.method`\u00a0: inconnue",
      "le fichier `Gemfile` n’est pas un article\u00a0: publication manuelle",
      "le fichier `_config.yml` n’est pas un article\u00a0: publication manuelle",
      "la pull request est un brouillon",
      "l’étiquette «\u00a0ne pas publier\u00a0» bloque la publication",
      "l’étiquette «\u00a0à publier\u00a0» manque",
      "1 approbation manquante",
      "@\u200bchef demande des modifications",
      "la relecture de Relecteur signale des erreurs",
      "vérification `lint` en échec",
      "vérification `build` en cours",
      "vérification `deploy` attendue",
      "conflit avec la branche de base\u00a0: à résoudre avant la publication",
      "publication programmée le mardi 12 décembre à 9 h",
    ]);
  });

  it("reports codes in BLOCK_REASON_ORDER", () => {
    const facts = readyFacts({
      state: "closed",
      reviews: [],
      posts: [
        { path: "_posts/2023-12-04-bilan.md", date: "2023-12-12" },
        { path: "_posts/x.md", date: "?" },
      ],
    });
    const decision = evaluateMergePolicy(facts, { ...POLICY, enabled: false }, NOW);
    const codes = decision.kind === "blocked" ? decision.reasons.map((item) => item.code) : [];
    expect(codes).toEqual([
      "publish-disabled",
      "not-open",
      "missing-approvals",
      "publication-date-invalid",
      "publication-date-in-future",
    ]);
    expect([...codes].sort((a, b) => BLOCK_REASON_ORDER.indexOf(a) - BLOCK_REASON_ORDER.indexOf(b))).toEqual(
      codes,
    );
  });
});
