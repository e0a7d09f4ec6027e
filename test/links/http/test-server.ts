import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Real HTTP servers on loopback for the checker's tests: ephemeral ports, every request recorded. */

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when it arrived. */
  at: number;
}

/** Requests being answered at once, across every server that shares it. */
export class ConcurrencyMeter {
  active = 0;
  max = 0;
  enter(): void {
    this.active++;
    this.max = Math.max(this.max, this.active);
  }
  leave(): void {
    this.active--;
  }
}

export interface TestServer {
  origin: string;
  port: number;
  requests: SeenRequest[];
  connections: number;
  /** This server's own concurrency. */
  meter: ConcurrencyMeter;
  url(path: string): string;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startServer(
  handler: Handler,
  options: { host?: string; sharedMeter?: ConcurrencyMeter } = {},
): Promise<TestServer> {
  const host = options.host ?? "127.0.0.1";
  const meter = new ConcurrencyMeter();
  const meters = options.sharedMeter ? [meter, options.sharedMeter] : [meter];
  const requests: SeenRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      at: performance.now(),
    });
    for (const each of meters) each.enter();
    response.once("close", () => {
      for (const each of meters) each.leave();
    });
    handler(request, response);
  });
  const state = { connections: 0 };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    port,
    requests,
    meter,
    get connections() {
      return state.connections;
    },
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.port;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
