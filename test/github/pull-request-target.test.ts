import { describe, expect, it } from "vitest";
import { queueKey, targetOfPullRequest, targetsOfCheckEvent } from "../../src/github/pull-request-target.js";

const repository = { id: 101, name: "blog", owner: { login: "betagouv" } };
const pull = (number: number, baseRepoId: number) => ({
  number,
  head: { sha: `sha${number}` },
  base: { repo: { id: baseRepoId } },
});

describe("pull request targets", () => {
  it("come from a pull request event", () => {
    expect(targetOfPullRequest(repository, pull(12, 101))).toEqual({
      owner: "betagouv",
      repo: "blog",
      number: 12,
      headSha: "sha12",
    });
  });

  it("of a re-run are the pull requests of this repository only", () => {
    expect(
      targetsOfCheckEvent(repository, [pull(12, 101), pull(3, 999)]).map((target) => target.number),
    ).toEqual([12]);
  });

  it("share a queue key per pull request, whatever the head", () => {
    const first = targetOfPullRequest(repository, pull(12, 101));
    const later = { ...first, headSha: "other" };
    expect(queueKey(first)).toBe(queueKey(later));
    expect(queueKey(first)).toBe("betagouv/blog#12");
  });
});
