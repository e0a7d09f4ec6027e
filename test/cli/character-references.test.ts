import { describe, expect, it } from "vitest";
import { hasStackTrace, makeSite, parseJson, runCli, useTempDirs } from "./temp-site.js";

useTempDirs();

const HUGE = "&#99999999;";

/**
 * A character reference beyond Unicode made `String.fromCodePoint` throw: exit 2 online, « trop imbriqué »
 * offline. Wherever it stands, the post is now reviewed: in a link, the address reads as a browser reads
 * it (U+FFFD) and is reported dead; elsewhere it is text.
 */
const places = [
  { name: "an HTML href", title: "Bonjour", body: `<a href="/a${HUGE}">lien</a>`, deadLink: true },
  { name: "an HTML src", title: "Bonjour", body: `<img src="/img${HUGE}.png" alt="Logo">`, deadLink: true },
  {
    name: "a hexadecimal one in an href",
    title: "Bonjour",
    body: `<a href="/a&#x110000;">lien</a>`,
    deadLink: true,
  },
  { name: "a Markdown link", title: "Bonjour", body: `[lien](/a${HUGE})`, deadLink: true },
  { name: "a link title", title: "Bonjour", body: `[lien](/ "titre ${HUGE}")`, deadLink: false },
  { name: "prose", title: "Bonjour", body: `Un texte ${HUGE} simple.`, deadLink: false },
  {
    name: "prose, seven digits (a reference to Markdown)",
    title: "Bonjour",
    body: "Un &#9999999; simple.",
    deadLink: false,
  },
  { name: "the title", title: `"Titre ${HUGE}"`, body: "Un texte simple.", deadLink: false },
];

describe("a character reference beyond Unicode", () => {
  for (const { name, title, body, deadLink } of places) {
    for (const mode of [["--offline"], []]) {
      it(`in ${name} is reviewed, not a crash (${mode.join("") || "online"})`, async () => {
        const root = makeSite({
          "_posts/2024-03-01-reference.md": `---\ntitle: ${title}\nauthors: [jdupont]\n---\n\n${body}\n`,
        });
        const run = await runCli(["check", "--format", "json", ...mode, "_posts"], { cwd: root });
        expect(run.stderr).toBe("");
        expect(hasStackTrace(run.stdout)).toBe(false);
        const rules = parseJson(run.stdout).files.flatMap((file) =>
          file.findings.map((finding) => finding.rule),
        );
        expect(rules).not.toContain("markdown/unreadable-file");
        expect(rules.includes("links/dead-internal-link")).toBe(deadLink);
        // 1 when an error is found (the dead link, a missing space before `;`), never 2, a failure.
        expect([0, 1]).toContain(run.status);
      });
    }
  }
});
