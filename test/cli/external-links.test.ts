import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CLEAN_POST,
  DEFAULT_SITE_FILES,
  type JsonReport,
  makeSite,
  makeTempDir,
  runCli,
  useTempDirs,
  writeFiles,
} from "./temp-site.js";

useTempDirs();

let server: Server;
let origin = "";
const requests: string[] = [];

beforeEach(async () => {
  requests.length = 0;
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(request.url === "/ok" ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function siteWithLinks(config: string) {
  const post = `${CLEAN_POST}\nVoir [la page](${origin}/ok) et [l'autre](${origin}/absente).\n`;
  return makeSite({
    ...DEFAULT_SITE_FILES,
    ".github/relecteur.yml": config,
    "_posts/2024-03-05-liens.md": post,
  });
}

const linkFindings = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).files.flatMap((file) =>
    file.findings
      .filter((finding) => finding.rule === "links/external-link")
      .map((finding) => finding.message),
  );

describe("relecteur check and external links", () => {
  it("checks each external link over HTTP before the review: a 404 is an error", async () => {
    const root = siteWithLinks("links:\n  allowPrivateAddresses: true\n");
    const run = await runCli(["check", "--format", "json"], { cwd: root });
    expect(linkFindings(run.stdout)).toEqual([
      `Lien mort «\u00a0${origin}/absente\u00a0»\u00a0: page introuvable (404)`,
    ]);
    expect(run.status).toBe(1);
    expect(requests.sort()).toEqual(["HEAD /absente", "HEAD /ok"]);
  });

  it("refuses a local address with the default policy, and the server sees nothing", async () => {
    const root = siteWithLinks("");
    const run = await runCli(["check", "--format", "json"], { cwd: root });
    expect(linkFindings(run.stdout)).toHaveLength(2);
    expect(linkFindings(run.stdout)[0]).toMatch(/^Lien vers une adresse privée ou locale/);
    expect(requests).toEqual([]);
  });

  it("honours a .markdown-link-check.json: ignorePatterns are not requested, aliveStatusCodes are alive", async () => {
    const root = siteWithLinks("links:\n  allowPrivateAddresses: true\n");
    writeFiles(root, {
      ".markdown-link-check.json": JSON.stringify({
        ignorePatterns: [{ pattern: "/ok$" }],
        aliveStatusCodes: [200, 404],
      }),
    });
    const run = await runCli(["check", "--format", "json"], { cwd: root });
    expect(linkFindings(run.stdout)).toEqual([]);
    expect(requests).toEqual(["HEAD /absente"]);
    expect(run.status).toBe(0);
  });

  it("makes no request with --offline or links.external: false", async () => {
    const offline = await runCli(["check", "--offline", "--format", "json"], {
      cwd: siteWithLinks("links:\n  allowPrivateAddresses: true\n"),
    });
    const disabled = await runCli(["check", "--format", "json"], {
      cwd: siteWithLinks("links:\n  allowPrivateAddresses: true\n  external: false\n"),
    });
    expect(linkFindings(offline.stdout)).toEqual([]);
    expect(linkFindings(disabled.stdout)).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("keeps verdicts in the cache file: an alive link is not asked again, a dead one always is", async () => {
    const root = siteWithLinks("links:\n  allowPrivateAddresses: true\n");
    const verdictCachePath = join(makeTempDir(), "links.json");
    await runCli(["check", "--format", "json"], { cwd: root, verdictCachePath });
    requests.length = 0;
    const second = await runCli(["check", "--format", "json"], { cwd: root, verdictCachePath });
    expect(requests).toEqual(["HEAD /absente"]);
    expect(linkFindings(second.stdout)).toHaveLength(1);
    requests.length = 0;
    await runCli(["check", "--no-cache", "--format", "json"], { cwd: root, verdictCachePath });
    expect(requests.sort()).toEqual(["HEAD /absente", "HEAD /ok"]);
  });
});
