import { afterAll, describe, expect, it } from "vitest";
import { type Config, configSchema } from "../../../src/config/schema.js";
import {
  createReviewPool,
  type PostOutcome,
  sharedReviewPool,
} from "../../../src/review/pool/review-pool.js";
import { buildSite } from "../../../src/site/site.js";
import type { Probe } from "./misbehaving-worker.js";

const config = (timeoutSeconds: number): Config => configSchema.parse({ review: { timeoutSeconds } });
const site = buildSite({
  files: ["_config.yml", "_authors/jdupont.md", "_posts/2024-03-05-bilan.md"],
  configText: "url: https://blog.exemple.fr\n",
  postGlobs: config(20).posts,
  texts: new Map([["_posts/2024-03-05-bilan.md", "---\ntitle: Bilan\n---\n\n## Suite\n"]]),
}).site;
const post = (name: string, text: string) => ({
  path: `_posts/2024-03-05-${name}.md`,
  bytes: Buffer.from(text),
});
const GOOD = "---\ntitle: Un article\nauthors: [jdupont]\n---\n\nNous avons appris : merci.\n";
const rules = (outcome: PostOutcome | undefined) =>
  outcome?.ok ? outcome.review.findings.map((finding) => finding.ruleId) : outcome?.error;

const misbehaving = createReviewPool({
  threads: 2,
  memoryMegabytes: 64,
  workerUrl: new URL("./misbehaving-worker.ts", import.meta.url),
});
afterAll(() => misbehaving.close());

describe("the review pool", () => {
  it("reviews posts in workers as the engine would, with the site and the config of the run", async () => {
    const outcomes = await sharedReviewPool().reviewPosts({ site, config: config(20), today: "2024-06-01" }, [
      post("a", GOOD),
      post(
        "b",
        "---\ntitle: Lien\nauthors: [inconnu]\n---\n\nVoir [la suite](/2024/03/05/bilan.html#absente).\n",
      ),
    ]);
    expect(rules(outcomes[0])).toEqual(["typo/nbsp-before-colon"]);
    // The author and the anchor are checked against the site: it reached the worker whole.
    expect(rules(outcomes[1])).toEqual(["frontmatter/unknown-author", "links/missing-anchor"]);
  });

  it("fixes a post when asked, and gives the fixed text's findings", async () => {
    const [outcome] = await sharedReviewPool().reviewPosts(
      { site, config: config(20), today: "2024-06-01" },
      [{ ...post("a", GOOD), fix: "safe" }],
    );
    expect(outcome).toMatchObject({ ok: true, review: { findings: [] } });
    const fixed = outcome?.ok ? outcome.review.fixed : undefined;
    expect(fixed).toBe(GOOD.replace(" :", "\u00a0:"));
  });

  it("answers a hostile post of 1 MiB at once with markdown/too-complex", async () => {
    const hostile = `---\ntitle: a\n---\n${"[a](".repeat(250_000)}`;
    const [outcome] = await sharedReviewPool().reviewPosts(
      { site, config: config(20), today: "2024-06-01" },
      [post("hostile", hostile)],
    );
    expect(rules(outcome)).toEqual(["markdown/too-complex"]);
  });

  it("stops a review past its deadline, replaces the worker and reviews the other posts", async () => {
    const outcomes = await misbehaving.reviewPosts({ site, config: config(2), today: "2024-06-01" }, [
      post("a", GOOD),
      post("boucle", `${GOOD}BOUCLE\n`),
      post("c", GOOD),
    ]);
    expect(rules(outcomes[0])).toEqual(["typo/nbsp-before-colon"]);
    expect(outcomes[1]).toMatchObject({
      ok: true,
      review: {
        findings: [
          {
            ruleId: "markdown/too-complex",
            severity: "error",
            message:
              "Article trop complexe pour être relu\u00a0: relecture interrompue après 2 s\u202f; il n’a pas été relu",
            range: { start: { line: 1, column: 1 } },
          },
        ],
      },
    });
    expect(rules(outcomes[2])).toEqual(["typo/nbsp-before-colon"]);
    const [after] = await misbehaving.reviewPosts({ site, config: config(2), today: "2024-06-01" }, [
      post("d", GOOD),
    ]);
    expect(rules(after)).toEqual(["typo/nbsp-before-colon"]);
  });

  it("stops a review past its memory, in French and in English", async () => {
    const [french] = await misbehaving.reviewPosts({ site, config: config(120), today: "2024-06-01" }, [
      post("memoire", `${GOOD}MÉMOIRE\n`),
    ]);
    expect(french).toMatchObject({
      ok: true,
      review: {
        findings: [
          {
            ruleId: "markdown/too-complex",
            message:
              "Article trop complexe pour être relu\u00a0: relecture interrompue, mémoire dépassée (plus de 64 Mo)\u202f; il n’a pas été relu",
          },
        ],
      },
    });
    const english = configSchema.parse({ locale: "en", review: { timeoutSeconds: 120 } });
    const [outcome] = await misbehaving.reviewPosts({ site, config: english, today: "2024-06-01" }, [
      post("memoire", `${GOOD}MÉMOIRE\n`),
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      review: {
        findings: [
          {
            message:
              "Post too complex to be reviewed: review stopped, memory exceeded (over 64 MB); it was not reviewed",
          },
        ],
      },
    });
  });

  it("gives a review that throws as a failed outcome, and reviews the others", async () => {
    const [failed, good] = await misbehaving.reviewPosts({ site, config: config(20), today: "2024-06-01" }, [
      post("panne", `${GOOD}PANNE\n`),
      post("a", GOOD),
    ]);
    expect(failed).toMatchObject({ ok: false, error: { message: "panne de test" } });
    expect(rules(good)).toEqual(["typo/nbsp-before-colon"]);
  });

  it("sends a worker each post's own bytes and the run's site once, shared", async () => {
    // Posts read as views on a larger buffer, as a read capped at the size limit gives them.
    const asView = (text: string) => {
      const large = Buffer.alloc(1024 * 1024);
      return large.subarray(0, large.write(text));
    };
    const probed = async () => {
      const outcomes = await misbehaving.reviewPosts(
        { site, config: config(20), today: "2024-06-01" },
        ["a", "b", "c"].map((name) => ({ ...post(name, ""), bytes: asView(`${GOOD}SONDE\n`) })),
      );
      return outcomes.map((outcome) => JSON.parse(outcome.ok ? (outcome.review.source ?? "") : "") as Probe);
    };
    const first = await probed();
    for (const probe of first) {
      expect(probe.bytesBufferLength).toBe(Buffer.byteLength(`${GOOD}SONDE\n`));
      expect(probe.isContextShared).toBe(true);
    }
    expect(new Set(first.map((probe) => probe.contextKey)).size).toBe(1);
    const second = await probed();
    expect(second[0]?.contextKey).not.toBe(first[0]?.contextKey);
  });

  it("keeps a few runs' sites in a worker, however many runs it reviewed", async () => {
    const kept: number[] = [];
    for (let run = 0; run < 10; run++) {
      const [outcome] = await misbehaving.reviewPosts({ site, config: config(20), today: "2024-06-01" }, [
        post("a", `${GOOD}SONDE\n`),
      ]);
      kept.push((JSON.parse(outcome?.ok ? (outcome.review.source ?? "") : "") as Probe).keptContexts);
    }
    // Two workers shared ten runs: one of them reviewed at least five, and holds four sites at most.
    expect(Math.max(...kept)).toBe(4);
  });
});
