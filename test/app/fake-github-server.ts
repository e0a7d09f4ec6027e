import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { FakeGitHub } from "./fake-github.js";

/**
 * Fake GitHubs served over HTTP on 127.0.0.1, as a GitHub Enterprise Server serves its API under
 * `/api/v3`: for app instances running in other processes. Each fake is one repository; a request is
 * routed by its `/repos/<owner>/<repo>/` path, and the app's own routes (`/app`, tokens) go to the first.
 * A request a fake leaves hanging is never answered, until its client goes away.
 */
export interface FakeGitHubServer {
  /** `host:port`, for `GHE_HOST`. */
  host: string;
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveFakeGitHub(
  fakes: readonly FakeGitHub[],
  options: { onRequest?: (url: string) => void } = {},
): Promise<FakeGitHubServer> {
  const byRepository = new Map(
    fakes.map((fake) => [`${fake.repository.owner}/${fake.repository.repo}`, fake] as const),
  );
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    options.onRequest?.(request.url ?? "/");
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = request.url ?? "/";
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? JSON.parse(text) : undefined;
      // A GraphQL query names its repository in its variables, not in its path.
      const named =
        /^\/api\/v3\/repos\/([^/]+)\/([^/?]+)/.exec(url)?.slice(1) ??
        (url === "/api/graphql" ? [body?.variables?.owner, body?.variables?.name] : []);
      const fake = byRepository.get(named.join("/") as `${string}/${string}`) ?? fakes[0];
      if (!fake) return void response.writeHead(500).end();
      const answer = fake.handle(request.method ?? "GET", url, body);
      if (answer.hang) return;
      respond(response, answer);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    baseUrl: `http://${host}/api/v3`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function respond(
  response: ServerResponse,
  answer: { status: number; body?: unknown; headers?: Record<string, string> },
): void {
  const isText = typeof answer.body === "string";
  response.writeHead(answer.status, {
    "content-type": isText ? "text/plain" : "application/json; charset=utf-8",
    ...answer.headers,
  });
  response.end(answer.body === undefined ? undefined : isText ? answer.body : JSON.stringify(answer.body));
}
