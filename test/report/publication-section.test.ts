import { describe, expect, it } from "vitest";
import { type BlockReason, blockReason } from "../../src/publish/block-reason.js";
import type { PublicationOutcome } from "../../src/publish/publication-outcome.js";
import {
  MERGED_MARK,
  PUBLICATION_END,
  PUBLICATION_START,
  renderPublicationSection,
} from "../../src/report/publication-section.js";
import {
  composeSummaryComment,
  type PostSummary,
  renderSummaryComment,
  SUMMARY_MARKER,
} from "../../src/report/summary-comment.js";
import { finding } from "./findings.js";

/** What GitHub's mention detection sees no mention in. */
const ZWSP = "\u200b";

const NOW = new Date("2023-12-01T10:00:00Z");
/** Tuesday 12 December 2023, 9:00 in Paris (UTC+1 in winter). */
const TUESDAY_9AM = "2023-12-12T08:00:00.000Z";

/** The section's lines between its delimiters and its heading. */
function bodyLines(section: string): string[] {
  const lines = section.split("\n");
  return lines.slice(3, -1);
}

const blocked = (reasons: BlockReason[], scheduledFor?: string): PublicationOutcome =>
  scheduledFor === undefined ? { kind: "blocked", reasons } : { kind: "blocked", reasons, scheduledFor };

const dateReason = (date: string, now = NOW) =>
  blockReason(
    "publication-date-in-future",
    { date, timeZone: "Europe/Paris", path: "_posts/2023-12-12-noel.md" },
    now,
  );

const typicalReasons = (): BlockReason[] => [
  blockReason("path-not-allowed", { path: "Gemfile" }, NOW),
  blockReason(
    "missing-approvals",
    {
      required: 1,
      actual: 0,
      ignored: [
        { login: "alice", cause: "own-approval" },
        { login: "bob", cause: "older-commit" },
        { login: "carol_z", cause: "no-write-permission" },
      ],
    },
    NOW,
  ),
  blockReason("check-pending", { check: "build", source: "check-run", isReported: true }, NOW),
];

describe("renderPublicationSection", () => {
  it("is delimited, with a heading", () => {
    const section = renderPublicationSection({ kind: "closed", isMerged: false }, "fr", NOW);
    expect(section.split("\n")).toEqual([
      PUBLICATION_START,
      "### Publication",
      "",
      "Pull request fermée sans publication.",
      PUBLICATION_END,
    ]);
    expect(section.startsWith(PUBLICATION_START)).toBe(true);
    expect(section.endsWith(PUBLICATION_END)).toBe(true);
  });

  it("lists every reason of a blocked pull request, with the approvals that do not count", () => {
    const section = renderPublicationSection(blocked(typicalReasons()), "fr", NOW);
    expect(section.split("\n")).toEqual([
      PUBLICATION_START,
      "### Publication",
      "",
      "⏳ Pas encore publié\u00a0:",
      "",
      "- le fichier `Gemfile` n’est pas un article\u00a0: publication manuelle",
      "- 1 approbation manquante",
      `  - approbations qui ne comptent pas\u00a0: @${ZWSP}alice (approbation de son propre article), @${ZWSP}bob (approuvé un commit plus ancien), @${ZWSP}carol\\_z (pas de droit d’écriture sur le dépôt)`,
      "- vérification `build` en cours",
      PUBLICATION_END,
    ]);
  });

  it("adds no sub-list when no approval was ignored", () => {
    const reasons = [
      blockReason("missing-approvals", { required: 2, actual: 0, ignored: [] }, NOW),
      blockReason("check-pending", { check: "build", source: "status", isReported: false }, NOW),
    ];
    expect(bodyLines(renderPublicationSection(blocked(reasons), "fr", NOW))).toEqual([
      "⏳ Pas encore publié\u00a0:",
      "",
      "- 2 approbations manquantes",
      "- vérification `build` attendue",
    ]);
  });

  it("does not notify the reviewer who requested changes", () => {
    const reasons = [blockReason("changes-requested", { reviewer: "dave" }, NOW)];
    const section = renderPublicationSection(blocked(reasons), "fr", NOW);
    expect(bodyLines(section)).toEqual([
      "⏳ Pas encore publié\u00a0:",
      "",
      `- @${ZWSP}dave demande des modifications`,
    ]);
    expect(section).not.toMatch(/@dave/);
  });

  it("lists the date as one more reason when it is not the only one", () => {
    const reasons = [
      blockReason("missing-approvals", { required: 1, actual: 0, ignored: [] }, NOW),
      dateReason(TUESDAY_9AM),
    ];
    expect(bodyLines(renderPublicationSection(blocked(reasons), "fr", NOW))).toEqual([
      "⏳ Pas encore publié\u00a0:",
      "",
      "- 1 approbation manquante",
      "- publication programmée le mardi 12 décembre à 9 h",
    ]);
  });

  it("says when a pull request that only waits for its date will be published", () => {
    const section = renderPublicationSection(blocked([dateReason(TUESDAY_9AM)], TUESDAY_9AM), "fr", NOW);
    expect(bodyLines(section)).toEqual([
      "📅 Publication programmée le mardi 12 décembre à 9 h\u00a0: tout le reste est prêt. Relecteur fusionnera à cette heure-là si rien ne change.",
    ]);
  });

  it("says the year and the minutes when the date is in another year", () => {
    const now = new Date("2023-12-20T10:00:00Z");
    const date = "2024-01-09T08:30:00.000Z";
    const section = renderPublicationSection(blocked([dateReason(date, now)], date), "fr", now);
    expect(bodyLines(section)).toEqual([
      "📅 Publication programmée le mardi 9 janvier 2024 à 9 h 30\u00a0: tout le reste est prêt. Relecteur fusionnera à cette heure-là si rien ne change.",
    ]);
  });

  it("compares years in the publication's time zone", () => {
    // 23:30 UTC on 31 December is already 2024 in Paris.
    const now = new Date("2023-12-31T23:30:00Z");
    const date = "2024-01-09T08:00:00.000Z";
    const section = renderPublicationSection(blocked([dateReason(date, now)], date), "fr", now);
    expect(bodyLines(section)).toEqual([
      "📅 Publication programmée le mardi 9 janvier à 9 h\u00a0: tout le reste est prêt. Relecteur fusionnera à cette heure-là si rien ne change.",
    ]);
  });

  it("tells what a dry run would do", () => {
    const outcome: PublicationOutcome = {
      kind: "dry-run",
      sha: "0123456789abcdef0123456789abcdef01234567",
      method: "squash",
      commitTitle: "Publie « @home_made » (#12)",
      wouldDeleteBranch: "article/noel",
    };
    expect(bodyLines(renderPublicationSection(outcome, "fr", NOW))).toEqual([
      `🧪 Mode essai (\`publish.dryRun\`)\u00a0: tout est prêt, Relecteur fusionnerait maintenant (\`squash\`, «\u00a0Publie « @${ZWSP}home\\_made » (#12)\u00a0») mais ne fait rien. Il supprimerait ensuite la branche \`article/noel\`.`,
    ]);
    const { wouldDeleteBranch: _, ...kept } = outcome;
    expect(bodyLines(renderPublicationSection({ ...kept, method: "rebase" }, "fr", NOW))).toEqual([
      `🧪 Mode essai (\`publish.dryRun\`)\u00a0: tout est prêt, Relecteur fusionnerait maintenant (\`rebase\`, «\u00a0Publie « @${ZWSP}home\\_made » (#12)\u00a0») mais ne fait rien.`,
    ]);
  });

  describe("merged by Relecteur", () => {
    const merged = (branch?: { name: string; isDeleted: boolean }): PublicationOutcome => ({
      kind: "merged",
      sha: "0123456789abcdef0123456789abcdef01234567",
      method: "squash",
      commitTitle: "Publie « Noël » (#12)",
      mergeCommitSha: "fedcba9876543210fedcba9876543210fedcba98",
      ...(branch ? { branch } : {}),
    });

    it("says the branch was deleted", () => {
      expect(
        bodyLines(renderPublicationSection(merged({ name: "article/noel", isDeleted: true }), "fr", NOW)),
      ).toEqual([
        MERGED_MARK,
        "✅ Publié\u00a0: fusion `squash` du commit `0123456`. Branche `article/noel` supprimée.",
      ]);
    });

    it("says the branch could not be deleted", () => {
      expect(
        bodyLines(renderPublicationSection(merged({ name: "article/noel", isDeleted: false }), "fr", NOW)),
      ).toEqual([
        MERGED_MARK,
        "✅ Publié\u00a0: fusion `squash` du commit `0123456`. La branche `article/noel` n’a pas pu être supprimée.",
      ]);
    });

    it("says nothing of a branch it was not to delete", () => {
      const section = renderPublicationSection(merged(), "fr", NOW);
      expect(bodyLines(section)).toEqual([
        MERGED_MARK,
        "✅ Publié\u00a0: fusion `squash` du commit `0123456`.",
      ]);
      expect(section).toContain(MERGED_MARK);
    });
  });

  it("quotes GitHub's refusal of the merge, with its status", () => {
    const outcome: PublicationOutcome = {
      kind: "merge-failed",
      sha: "0123456789abcdef0123456789abcdef01234567",
      status: 409,
      message: "Head branch was modified. Review and try the merge again.",
    };
    const section = renderPublicationSection(outcome, "fr", NOW);
    expect(bodyLines(section)).toEqual([
      "❌ La fusion du commit `0123456` a échoué (GitHub 409\u00a0: «\u00a0Head branch was modified. Review and try the merge again.\u00a0»). Rien n’est retenté\u00a0: Relecteur réessaiera au prochain événement (approbation, vérification, étiquette, nouveau commit).",
    ]);
    expect(section).not.toContain(MERGED_MARK);
    const { status: _, ...withoutStatus } = outcome;
    expect(bodyLines(renderPublicationSection(withoutStatus, "fr", NOW))[0]).toContain(
      "a échoué (GitHub\u00a0: «\u00a0Head branch was modified. Review and try the merge again.\u00a0»).",
    );
  });

  it("says when the publication could not be evaluated", () => {
    expect(
      bodyLines(
        renderPublicationSection({ kind: "unavailable", status: 502, message: "Bad Gateway" }, "fr", NOW),
      ),
    ).toEqual([
      "⚠️ La publication n’a pas pu être évaluée (GitHub 502\u00a0: «\u00a0Bad Gateway\u00a0»). Relecteur réessaiera au prochain événement.",
    ]);
    expect(
      bodyLines(renderPublicationSection({ kind: "unavailable", message: "socket hang up" }, "fr", NOW)),
    ).toEqual([
      "⚠️ La publication n’a pas pu être évaluée (GitHub\u00a0: «\u00a0socket hang up\u00a0»). Relecteur réessaiera au prochain événement.",
    ]);
  });

  it("tells a pull request closed, merged or not", () => {
    expect(bodyLines(renderPublicationSection({ kind: "closed", isMerged: true }, "fr", NOW))).toEqual([
      "✅ Pull request fusionnée.",
    ]);
    expect(bodyLines(renderPublicationSection({ kind: "closed", isMerged: false }, "fr", NOW))).toEqual([
      "Pull request fermée sans publication.",
    ]);
  });

  describe("in English", () => {
    it("lists the reasons of a blocked pull request", () => {
      expect(renderPublicationSection(blocked(typicalReasons()), "en", NOW).split("\n")).toEqual([
        PUBLICATION_START,
        "### Publishing",
        "",
        "⏳ Not published yet:",
        "",
        "- `Gemfile` is not a post: publish by hand",
        "- 1 approval missing",
        `  - approvals that do not count: @${ZWSP}alice (authors do not approve their own post), @${ZWSP}bob (approved an older commit), @${ZWSP}carol\\_z (no write permission on the repository)`,
        "- check `build` in progress",
        PUBLICATION_END,
      ]);
    });

    it("says when a scheduled pull request will be published", () => {
      const section = renderPublicationSection(blocked([dateReason(TUESDAY_9AM)], TUESDAY_9AM), "en", NOW);
      expect(bodyLines(section)).toEqual([
        "📅 Scheduled for Tuesday 12 December at 09:00: everything else is ready. Relecteur will merge then if nothing changes.",
      ]);
    });

    it("tells a merge", () => {
      const outcome: PublicationOutcome = {
        kind: "merged",
        sha: "0123456789abcdef0123456789abcdef01234567",
        method: "merge",
        commitTitle: "Publie « Noël » (#12)",
        branch: { name: "article/noel", isDeleted: true },
      };
      expect(renderPublicationSection(outcome, "en", NOW).split("\n")).toEqual([
        PUBLICATION_START,
        "### Publishing",
        "",
        MERGED_MARK,
        "✅ Published: `merge` merge of commit `0123456`. Branch `article/noel` deleted.",
        PUBLICATION_END,
      ]);
    });
  });
});

describe("composeSummaryComment", () => {
  const post = (overrides: Partial<PostSummary> = {}): PostSummary => ({
    path: "_posts/2023-12-12-noel.md",
    title: "Noël",
    findings: [finding({ line: 3, message: "Espace fine attendue" })],
    ...overrides,
  });
  const review = renderSummaryComment([post()], "fr");
  const blockedSection = renderPublicationSection(blocked(typicalReasons()), "fr", NOW);
  const mergedSection = renderPublicationSection({ kind: "closed", isMerged: true }, "fr", NOW);

  it("starts a comment with the marker, the heading and the section", () => {
    expect(composeSummaryComment(undefined, { publication: blockedSection })).toBe(
      `${SUMMARY_MARKER}\n## Relecture éditoriale\n\n${blockedSection}\n`,
    );
    expect(composeSummaryComment(undefined, { publication: blockedSection, locale: "en" })).toBe(
      `${SUMMARY_MARKER}\n## Editorial review\n\n${blockedSection}\n`,
    );
  });

  it("puts the section right under the heading of a review-only comment, the review unchanged", () => {
    const heading = `${SUMMARY_MARKER}\n## Relecture éditoriale\n\n`;
    expect(review.startsWith(heading)).toBe(true);
    const composed = composeSummaryComment(review, { publication: blockedSection });
    expect(composed).toBe(`${heading}${blockedSection}\n\n${review.slice(heading.length)}`);
  });

  it("puts the section in a new review's comment, whatever the existing comment", () => {
    expect(composeSummaryComment(undefined, { review, publication: blockedSection })).toBe(
      composeSummaryComment(review, { publication: blockedSection }),
    );
  });

  it("keeps the existing section when only the review changes", () => {
    const existing = composeSummaryComment(review, { publication: blockedSection });
    const newReview = renderSummaryComment([post({ findings: [] })], "fr");
    expect(newReview).not.toBe(review);
    const composed = composeSummaryComment(existing, { review: newReview });
    expect(composed).toBe(composeSummaryComment(newReview, { publication: blockedSection }));
    expect(composed).toContain("Rien à signaler\u00a0: bravo\u202f!");
    expect(composed).not.toContain("Espace fine attendue");
  });

  it("keeps the existing review when only the section changes", () => {
    const existing = composeSummaryComment(review, { publication: blockedSection });
    expect(composeSummaryComment(existing, { publication: mergedSection })).toBe(
      composeSummaryComment(review, { publication: mergedSection }),
    );
  });

  it("removes the section with null, giving back exactly the review", () => {
    const existing = composeSummaryComment(review, { publication: blockedSection });
    expect(composeSummaryComment(existing, { publication: null })).toBe(review);
    expect(composeSummaryComment(existing, { review, publication: null })).toBe(review);
    expect(composeSummaryComment(review, { publication: null })).toBe(review);
  });

  it("gives the same comment however many sections it replaced", () => {
    const once = composeSummaryComment(review, { publication: mergedSection });
    const twice = composeSummaryComment(composeSummaryComment(review, { publication: blockedSection }), {
      publication: mergedSection,
    });
    expect(twice).toBe(once);
    expect(composeSummaryComment(once, { publication: mergedSection })).toBe(once);
    expect(once.split(PUBLICATION_START)).toHaveLength(2);
  });

  it("a post's title cannot pass for the section's delimiters", () => {
    const tricky = renderSummaryComment(
      [post({ title: `Avant ${PUBLICATION_START} après ${PUBLICATION_END}` })],
      "fr",
    );
    expect(tricky).not.toContain(PUBLICATION_START);
    expect(composeSummaryComment(tricky, { publication: null })).toBe(tricky);
    const composed = composeSummaryComment(tricky, { publication: blockedSection });
    expect(composeSummaryComment(composed, { publication: null })).toBe(tricky);
  });
});
