/**
 * Link checking benchmark, run by `npm run bench`: 200 links spread over ten hosts (127.0.0.1 to
 * 127.0.0.10) that answer in 50 ms, checked by markdown-link-check and by Relecteur's checker in the same
 * run; then the same links again with a warm cache, which must reach no server.
 */
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { checkExternalLinks } from "../src/links/http/check-links.js";
import { createMemoryVerdictCache } from "../src/links/http/verdict-cache.js";

const HOSTS = 10;
const LINKS = 200;
const LATENCY_MS = 50;

interface Host {
  server: Server;
  origin: string;
}

let requests = 0;

async function startHost(index: number): Promise<Host> {
  const server = createServer((request, response) => {
    requests++;
    setTimeout(() => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(request.method === "HEAD" ? undefined : "<html>ok</html>");
    }, LATENCY_MS);
  });
  const address = `127.0.0.${index + 1}`;
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return { server, origin: `http://${address}:${(server.address() as AddressInfo).port}` };
}

type MarkdownLinkCheck = (
  markdown: string,
  options: Record<string, unknown>,
  callback: (error: Error | null, results: { status: string }[]) => void,
) => void;

function runMarkdownLinkCheck(markdown: string): Promise<{ status: string }[]> {
  const markdownLinkCheck = createRequire(import.meta.url)("markdown-link-check") as MarkdownLinkCheck;
  return new Promise((resolve, reject) =>
    markdownLinkCheck(markdown, { timeout: "15s", retryOn429: false }, (error, results) =>
      error ? reject(error) : resolve(results),
    ),
  );
}

export async function benchLinks(write: (line: string) => void): Promise<void> {
  const hosts = await Promise.all(Array.from({ length: HOSTS }, (_, index) => startHost(index)));
  try {
    const urls = Array.from({ length: LINKS }, (_, index) => `${hosts[index % HOSTS]?.origin}/page-${index}`);
    const markdown = urls.map((url, index) => `- [lien ${index}](${url})`).join("\n");

    requests = 0;
    let started = performance.now();
    const theirs = await runMarkdownLinkCheck(markdown);
    const theirMs = performance.now() - started;
    const theirAlive = theirs.filter((result) => result.status === "alive").length;

    const cache = createMemoryVerdictCache();
    const options = { allowPrivateAddresses: true, skipHosts: [], userAgent: "Relecteur-bench", cache };
    requests = 0;
    started = performance.now();
    const ours = await checkExternalLinks(urls, options);
    const ourMs = performance.now() - started;
    const ourAlive = [...ours.values()].filter((verdict) => verdict.kind === "alive").length;
    const coldRequests = requests;

    requests = 0;
    started = performance.now();
    await checkExternalLinks(urls, options);
    const warmMs = performance.now() - started;

    write(
      `\nLiens\u00a0: ${LINKS} liens sur ${HOSTS} hôtes (127.0.0.1 à 127.0.0.${HOSTS}) qui répondent en ${LATENCY_MS} ms`,
    );
    write(`markdown-link-check 3.15        ${theirMs.toFixed(0).padStart(7)} ms   ${theirAlive} vivants`);
    write(
      `Relecteur                       ${ourMs.toFixed(0).padStart(7)} ms   ${ourAlive} vivants, ${coldRequests} requêtes`,
    );
    write(`rapport markdown-link-check / Relecteur ${(theirMs / ourMs).toFixed(2)} ×`);
    write(
      `Relecteur, cache chaud          ${warmMs.toFixed(0).padStart(7)} ms   ${requests} requête(s) reçue(s) par les serveurs`,
    );
  } finally {
    await Promise.all(hosts.map((host) => new Promise((resolve) => host.server.close(resolve))));
  }
}
