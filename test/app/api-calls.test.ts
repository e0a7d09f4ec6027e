import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { blogRepository, postPath } from "./blog.js";
import { FakeGitHub } from "./fake-github.js";
import { createTestApp, interceptGitHub, loadPayload, reviewLogLines } from "./probot-harness.js";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A post with one safe fix (an ordinary space before « ! »), so every post gets a suggestion. */
function postWithOneFix(index: number): string {
  return ["---", `title: Article ${index}`, "authors:", "  - jdupont", "---", "", "Merci à tous !", ""].join(
    "\n",
  );
}

/**
 * Every HTTP request of one first review of k new posts, the installation token included: the list of
 * files, the config, the check run (create and complete), Relecteur's runs on the head (to complete one
 * an interrupted review left in progress), the tree, k + 1 blobs, the pull request read again, the review
 * comments, one review, the comments and the summary comment. One more request per 50
 * annotations beyond the first 50, and one when the config falls back to the owner's `.github` repository.
 */
async function requestsForPosts(
  k: number,
  configText?: string,
): Promise<{ requests: number; logged: unknown }> {
  const posts = Object.fromEntries(
    Array.from({ length: k }, (_, index) => [postPath(index), postWithOneFix(index)]),
  );
  const fake = new FakeGitHub(blogRepository(posts, configText === undefined ? {} : { configText }));
  interceptGitHub(fake);
  const app = await createTestApp();
  await app.deliver("pull_request", loadPayload("pull_request.opened"));
  expect(fake.unexpected).toEqual([]);
  expect(fake.reviews).toMatchObject([{ commentCount: k }]);
  expect(fake.checkRuns[0]?.annotations).toHaveLength(k);
  return { requests: fake.requests.length, logged: reviewLogLines(app.logs)[0]?.apiCalls };
}

describe("API requests of one review", () => {
  it.each([1, 20])("stay within k + 13 for k = %i changed posts", async (k) => {
    const { requests, logged } = await requestsForPosts(k);
    console.info(`API requests for k = ${k}: ${requests} (bound k + 13 = ${k + 13})`);
    expect(requests).toBeLessThanOrEqual(k + 13);
    expect(logged).toBe(requests);
  });
});

/**
 * With publishing on, the evaluation after the review adds six requests: the pull request, its files,
 * its reviews, the check runs, check suites and statuses of the head (the posts' texts are the review's). No
 * approval here, so no permission is asked, no label and no merge.
 */
describe("API requests of one review with publishing on", () => {
  it.each([1, 20])("stay within k + 19 for k = %i changed posts", async (k) => {
    const { requests, logged } = await requestsForPosts(k, "publish:\n  enabled: true\n");
    console.info(`API requests with publishing for k = ${k}: ${requests} (bound k + 19 = ${k + 19})`);
    expect(requests).toBeLessThanOrEqual(k + 19);
    expect(logged).toBe(requests);
  });
});
