import { describeBlockReason, formatDate } from "../publish/block-reason.js";
import type { PublicationOutcome } from "../publish/publication-outcome.js";
import type { Locale } from "../review/types.js";
import { codeSpan, escapeInline } from "./markdown-inline.js";

/** Delimits the « Publication » section inside the summary comment, so that it is replaced on its own. */
export const PUBLICATION_START = "<!-- relecteur:publication -->";
export const PUBLICATION_END = "<!-- /relecteur:publication -->";
/** Inside a section that tells a merge by Relecteur, which a later « merged » event must not make vaguer. */
export const MERGED_MARK = "<!-- relecteur:merged -->";

const TEXTS = {
  fr: {
    heading: "Publication",
    waiting: "⏳ Pas encore publié\u00a0:",
    dryRunScheduled: (date: string) =>
      `🧪 Mode essai (\`publish.dryRun\`)\u00a0: tout le reste est prêt, la publication serait programmée le ${date}\u202f; rien ne sera fusionné.`,
    labelMissing:
      "⚠️ L’étiquette «\u00a0publication programmée\u00a0» n’a pas pu être posée\u00a0: Relecteur ne reviendra pas seul à cette date\u202f; le prochain événement (approbation, étiquette, vérification) évaluera de nouveau la publication.",
    scheduled: (date: string) =>
      `📅 Publication programmée le ${date}\u00a0: tout le reste est prêt. Relecteur fusionnera à cette heure-là si rien ne change.`,
    dryRun: (method: string, title: string) =>
      `🧪 Mode essai (\`publish.dryRun\`)\u00a0: tout est prêt, Relecteur fusionnerait maintenant (${method}, «\u00a0${title}\u00a0») mais ne fait rien.`,
    wouldDelete: (branch: string) => ` Il supprimerait ensuite la branche ${branch}.`,
    merged: (method: string, sha: string) => `✅ Publié\u00a0: fusion ${method} du commit ${sha}.`,
    deleted: (branch: string) => ` Branche ${branch} supprimée.`,
    notDeleted: (branch: string) => ` La branche ${branch} n’a pas pu être supprimée.`,
    failed: (sha: string, status: string, message: string) =>
      `❌ La fusion du commit ${sha} a échoué (GitHub${status}\u00a0: «\u00a0${message}\u00a0»). Rien n’est retenté\u00a0: Relecteur réessaiera au prochain événement (approbation, vérification, étiquette, nouveau commit).`,
    unavailable: (status: string, message: string) =>
      `⚠️ La publication n’a pas pu être évaluée (GitHub${status}\u00a0: «\u00a0${message}\u00a0»). Relecteur réessaiera au prochain événement.`,
    mergedByOther: "✅ Pull request fusionnée.",
    closed: "Pull request fermée sans publication.",
    ignored: {
      "older-commit": "approuvé un commit plus ancien",
      "no-write-permission": "pas de droit d’écriture sur le dépôt",
      "own-approval": "approbation de son propre article",
    },
    ignoredIntro: "approbations qui ne comptent pas",
  },
  en: {
    heading: "Publishing",
    waiting: "⏳ Not published yet:",
    dryRunScheduled: (date: string) =>
      `🧪 Dry run (\`publish.dryRun\`): everything else is ready, publishing would be scheduled for ${date}; nothing will be merged.`,
    labelMissing:
      "⚠️ The label “publication programmée” could not be added: Relecteur will not come back by itself at that date; the next event (approval, label, check) evaluates publishing again.",
    scheduled: (date: string) =>
      `📅 Scheduled for ${date}: everything else is ready. Relecteur will merge then if nothing changes.`,
    dryRun: (method: string, title: string) =>
      `🧪 Dry run (\`publish.dryRun\`): everything is ready, Relecteur would merge now (${method}, “${title}”) but does nothing.`,
    wouldDelete: (branch: string) => ` It would then delete the branch ${branch}.`,
    merged: (method: string, sha: string) => `✅ Published: ${method} merge of commit ${sha}.`,
    deleted: (branch: string) => ` Branch ${branch} deleted.`,
    notDeleted: (branch: string) => ` The branch ${branch} could not be deleted.`,
    failed: (sha: string, status: string, message: string) =>
      `❌ Merging commit ${sha} failed (GitHub${status}: “${message}”). Nothing is retried: Relecteur tries again on the next event (approval, check, label, new commit).`,
    unavailable: (status: string, message: string) =>
      `⚠️ Publishing could not be evaluated (GitHub${status}: “${message}”). Relecteur tries again on the next event.`,
    mergedByOther: "✅ Pull request merged.",
    closed: "Pull request closed without publishing.",
    ignored: {
      "older-commit": "approved an older commit",
      "no-write-permission": "no write permission on the repository",
      "own-approval": "authors do not approve their own post",
    },
    ignoredIntro: "approvals that do not count",
  },
} as const;

/** The « Publication » section, delimited, from the outcome of the evaluation of one head commit. */
export function renderPublicationSection(outcome: PublicationOutcome, locale: Locale, now: Date): string {
  const texts = TEXTS[locale];
  const lines = [
    PUBLICATION_START,
    `### ${texts.heading}`,
    "",
    ...body(outcome, locale, now),
    PUBLICATION_END,
  ];
  return lines.join("\n");
}

function body(outcome: PublicationOutcome, locale: Locale, now: Date): string[] {
  const texts = TEXTS[locale];
  switch (outcome.kind) {
    case "blocked": {
      const [only, ...others] = outcome.reasons;
      const lines: string[] = [];
      if (
        outcome.scheduledFor !== undefined &&
        only?.code === "publication-date-in-future" &&
        others.length === 0
      ) {
        const date = formatDate(new Date(only.data.date), only.data.timeZone, now, locale);
        lines.push(outcome.isDryRun ? texts.dryRunScheduled(date) : texts.scheduled(date));
      } else {
        lines.push(texts.waiting, "");
        for (const reason of outcome.reasons) {
          lines.push(`- ${describeBlockReason(reason, locale, now)}`);
          if (reason.code === "missing-approvals" && reason.data.ignored.length > 0) {
            const ignored = reason.data.ignored
              .map(({ login, cause }) => `${escapeInline(`@${login}`)} (${texts.ignored[cause]})`)
              .join(", ");
            lines.push(`  - ${texts.ignoredIntro}${locale === "fr" ? "\u00a0: " : ": "}${ignored}`);
          }
        }
      }
      if (outcome.isLabelMissing) lines.push("", texts.labelMissing);
      return lines;
    }
    case "dry-run": {
      const sentence = texts.dryRun(codeSpan(outcome.method), escapeInline(outcome.commitTitle));
      const deletion =
        outcome.wouldDeleteBranch === undefined ? "" : texts.wouldDelete(codeSpan(outcome.wouldDeleteBranch));
      return [sentence + deletion];
    }
    case "merged": {
      let sentence = texts.merged(codeSpan(outcome.method), codeSpan(outcome.sha.slice(0, 7)));
      if (outcome.branch) {
        const name = codeSpan(outcome.branch.name);
        sentence += outcome.branch.isDeleted ? texts.deleted(name) : texts.notDeleted(name);
      }
      return [MERGED_MARK, sentence];
    }
    case "merge-failed": {
      const status = outcome.status === undefined ? "" : ` ${outcome.status}`;
      return [texts.failed(codeSpan(outcome.sha.slice(0, 7)), status, escapeInline(outcome.message))];
    }
    case "unavailable": {
      const status = outcome.status === undefined ? "" : ` ${outcome.status}`;
      return [texts.unavailable(status, escapeInline(outcome.message))];
    }
    case "closed":
      return [outcome.isMerged ? texts.mergedByOther : texts.closed];
  }
}
