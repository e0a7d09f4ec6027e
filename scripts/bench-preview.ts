/**
 * A section of `npm run bench:server`: the built-in preview's views through a local GitHub stand-in (the
 * tree and blob routes, and GraphQL's batched blobs, over HTTP on 127.0.0.1), each scenario in a process of its own so that « first »
 * means first: a process just started (the renderer's modules loaded, as the app loads them, but never
 * run), the same after the warm-up the app runs when it starts serving previews, and in both the first view
 * of another commit (a process that has rendered before). A view is the page, then the stylesheets and
 * images it loads, asked at once as a browser does. Goals: first view < 1 s, repeated < 50 ms.
 * Sites: the example site, and the beta.gouv.fr corpus with its remote theme when present.
 * Runs alone too: `node dist/scripts/bench-preview.js <site folder> <post> [theme folder] [--warm-up]`
 * prints one scenario's figures as JSON.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pino } from "pino";
import { ProbotOctokit } from "probot";
import { packageRoot } from "../src/cli/package-root.js";
import { builtInPreviewUrl } from "../src/github/preview-links.js";
import { createPreviewRoute } from "../src/github/preview-route.js";
import { warmUpPreviewRenderer } from "../src/preview/warm-up.js";
import { answerGraphql } from "../test/app/fake-graphql.js";
import { formatMs, percentile } from "./bench/figures.js";

const REPEATED_VIEWS = 50;
const CORPUS = join(packageRoot().path, "..", "shared", "corpus", "beta.gouv.fr-2018");

interface ViewTimes {
  /** Until the page's HTML has arrived. */
  pageMs: number;
  /** Until its stylesheets and images have too. */
  withAssetsMs: number;
  requests: number;
}

interface ScenarioFigures {
  warmUpMs?: number;
  first: ViewTimes;
  /** Another commit's first view in the same process, with nothing of the first one in memory. */
  secondCommit: ViewTimes;
  repeated: number[];
}

export const previewViewsSection = {
  title: "Aperçu intégré (GitHub local)",
  async run(): Promise<string[]> {
    const root = packageRoot().path;
    const sites = [
      {
        name: "site d’exemple",
        folder: join(root, "examples", "site"),
        post: "_posts/2024-03-05-premier-bilan.md",
      },
      ...(existsSync(join(CORPUS, "site"))
        ? [
            {
              name: "corpus beta.gouv.fr, thème distant",
              folder: join(CORPUS, "site"),
              post: "_posts/2017-07-06-cellule-innovation-etat.md",
              theme: join(CORPUS, "remote-theme", "thimy+template-jekyll@a4e431bc"),
            },
          ]
        : []),
    ];
    const lines: string[] = [];
    for (const site of sites) {
      lines.push(`  ${site.name}\u00a0: ${site.post}`);
      for (const warmUp of [false, true]) {
        const figures = await runScenario(site.folder, site.post, site.theme, warmUp);
        const first = figures.first;
        lines.push(
          warmUp
            ? `    processus préchauffé (${formatMs(figures.warmUpMs ?? Number.NaN).trim()} au démarrage)`
            : "    processus neuf, sans préchauffage",
          `      première vue          ${formatMs(first.pageMs)} page, ${formatMs(first.withAssetsMs)} avec styles et images  (${first.requests} requêtes)`,
          `      autre commit          ${formatMs(figures.secondCommit.pageMs)} page, ${formatMs(figures.secondCommit.withAssetsMs)} avec styles et images`,
          `      vue répétée p50 / p99 ${formatMs(percentile(figures.repeated, 50))} / ${formatMs(percentile(figures.repeated, 99)).trim()}`,
        );
      }
    }
    return lines;
  },
};

/** One scenario in a new process: this file, run with the scenario's arguments. */
async function runScenario(
  folder: string,
  post: string,
  theme: string | undefined,
  warmUp: boolean,
): Promise<ScenarioFigures> {
  const args = [
    fileURLToPath(import.meta.url),
    folder,
    post,
    ...(theme ? [theme] : []),
    ...(warmUp ? ["--warm-up"] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as ScenarioFigures;
}

async function measureScenario(argv: readonly string[]): Promise<ScenarioFigures> {
  const [folder = "", post = "", theme] = argv.filter((arg) => !arg.startsWith("--"));
  let warmUpMs: number | undefined;
  if (argv.includes("--warm-up")) {
    const started = performance.now();
    await warmUpPreviewRenderer();
    warmUpMs = performance.now() - started;
  }
  const stand = await startPreviewStandIn({
    "banc/site": folder,
    ...(theme === undefined ? {} : { "thimy/template-jekyll": theme }),
  });
  const settings = { publicUrl: "http://127.0.0.1", secrets: ["banc"] };
  const newRoute = () =>
    createPreviewRoute({
      settings,
      installationClient: async () => new ProbotOctokit({ auth: { token: "banc" }, baseUrl: stand.baseUrl }),
      now: () => new Date(),
      log: pino({ level: "silent" }),
    });
  let route = newRoute();
  const server = createServer((request, response) => {
    void route(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urlOf = (commit: string) =>
    builtInPreviewUrl(settings, {
      installationId: 1,
      owner: "banc",
      repo: "site",
      pullNumber: 1,
      commit,
      path: post,
      expires: Math.floor(Date.now() / 1000) + 3600,
    }).replace(settings.publicUrl, origin);
  const view = async (commit: string): Promise<ViewTimes> => {
    const requestsBefore = stand.requests();
    const started = performance.now();
    const page = await fetchOk(urlOf(commit));
    const pageMs = performance.now() - started;
    const loaded = [...page.matchAll(/<(?:link rel="stylesheet"|img)[^>]* (?:href|src)="(\/[^"]+)"/g)];
    await Promise.all(
      loaded.map((match) => fetch(`${origin}${match[1]}`).then((answer) => answer.arrayBuffer())),
    );
    return { pageMs, withAssetsMs: performance.now() - started, requests: stand.requests() - requestsBefore };
  };
  try {
    const first = await view(stand.commits[0]);
    // A new route: nothing of the first commit kept (blobs included), only the process's warmth.
    route = newRoute();
    const secondCommit = await view(stand.commits[1]);
    const repeated: number[] = [];
    for (let index = 0; index < REPEATED_VIEWS; index++) {
      const started = performance.now();
      await fetchOk(urlOf(stand.commits[1]));
      repeated.push(performance.now() - started);
    }
    return { ...(warmUpMs === undefined ? {} : { warmUpMs }), first, secondCommit, repeated };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await stand.stop();
  }
}

async function fetchOk(url: string): Promise<string> {
  const answer = await fetch(url);
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`${url}\u00a0: ${answer.status}\n${body}`);
  return body;
}

/**
 * The few GitHub routes the preview reads, serving each folder as a public repository whose files are
 * the same at two commits (and at `HEAD`, the ref a remote theme without `@ref` names).
 */
async function startPreviewStandIn(repositories: Record<string, string>) {
  const commits = ["b".repeat(40), "c".repeat(40)] as const;
  const shaOf = (bytes: Buffer) =>
    createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
  const trees = new Map<string, { path: string; type: string; sha: string; size: number }[]>();
  const blobs = new Map<string, Buffer>();
  for (const [name, root] of Object.entries(repositories)) {
    const tree: { path: string; type: string; sha: string; size: number }[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
        const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else {
          const bytes = readFileSync(join(root, path));
          blobs.set(shaOf(bytes), bytes);
          tree.push({ path, type: "blob", sha: shaOf(bytes), size: bytes.byteLength });
        }
      }
    };
    walk("");
    trees.set(name, tree);
  }
  let requests = 0;
  const graphqlStore = {
    blobsOf: (owner: string, name: string) =>
      trees.has(`${owner}/${name}`) ? (sha: string) => blobs.get(sha) : undefined,
  };
  const server = createServer((request, response) => {
    requests++;
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "POST" && path === "/graphql") {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const answer = answerGraphql(JSON.parse(Buffer.concat(chunks).toString("utf8")), graphqlStore);
        json(answer.status, answer.body);
      });
      return;
    }
    const repository = /^\/repos\/([^/]+\/[^/]+)(\/.*)?$/.exec(path);
    const tree = repository ? trees.get(repository[1] ?? "") : undefined;
    if (!repository || !tree) return json(404, { message: "Not Found" });
    const rest = repository[2] ?? "";
    if (rest === "") return json(200, { private: false, html_url: `https://github.com/${repository[1]}` });
    const ref = /^\/git\/trees\/(\w+)$/.exec(rest)?.[1];
    if (ref !== undefined && (ref === "HEAD" || (commits as readonly string[]).includes(ref)))
      return json(200, { sha: ref, tree, truncated: false });
    const bytes = blobs.get(/^\/git\/blobs\/(\w+)$/.exec(rest)?.[1] ?? "");
    if (bytes) return json(200, { encoding: "base64", content: bytes.toString("base64") });
    return json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    commits,
    requests: () => requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await measureScenario(process.argv.slice(2)))}\n`);
}
