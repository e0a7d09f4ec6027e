import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { githubFailureOf } from "../../src/github/request-policy.js";
import { RelecteurOctokit } from "../../src/github/resilient-octokit.js";

/**
 * The production client as `npm start` builds it, Probot's throttling on, against a local server: the
 * throttling hands a secondary rate limit back to the policy instead of waiting for it forever.
 */

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function serve(answers: { status: number; headers?: Record<string, string>; body: unknown }[]) {
  const seen: string[] = [];
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const answer = answers.shift() ?? { status: 200, body: { ok: true } };
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, seen };
}

function client(baseUrl: string, waits: number[]) {
  return new RelecteurOctokit({
    baseUrl,
    auth: "ghs_test",
    authStrategy: undefined,
    requestPolicy: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    },
  });
}

const SECONDARY = {
  status: 403,
  headers: { "retry-after": "3" },
  body: { message: "You have exceeded a secondary rate limit." },
};

describe("RelecteurOctokit", () => {
  it("retries a secondary rate limit after retry-after, through Probot's throttling", async () => {
    const { baseUrl, seen } = await serve([SECONDARY, { status: 200, body: { id: 7 } }]);
    const waits: number[] = [];
    const { data } = await client(baseUrl, waits).request("GET /repos/{owner}/{repo}", {
      owner: "o",
      repo: "r",
    });
    expect(data).toEqual({ id: 7 });
    expect(waits).toEqual([3000]);
    expect(seen).toEqual(["GET /repos/o/r", "GET /repos/o/r"]);
  });

  it("gives up after three retries and says so on the error", async () => {
    const { baseUrl, seen } = await serve([SECONDARY, SECONDARY, SECONDARY, SECONDARY, SECONDARY]);
    const waits: number[] = [];
    const error = await client(baseUrl, waits)
      .request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })
      .catch((caught: unknown) => caught);
    expect(githubFailureOf(error)).toEqual({
      failure: { kind: "rate-limit", waitMs: 3000, status: 403 },
      attempts: 4,
    });
    expect(seen).toHaveLength(4);
  });
});
