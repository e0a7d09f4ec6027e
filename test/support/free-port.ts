import { createServer } from "node:net";

/**
 * A port of 127.0.0.1 nobody listens on now, for servers that cannot listen on port 0 themselves (Probot's
 * Server takes 0 for « the default, 3000 ») or that another process starts (redis-server, an app instance).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
