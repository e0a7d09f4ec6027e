import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub does not send a payload over 25 MB (https://docs.github.com/webhooks/webhook-events-and-payloads). */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/**
 * Reads a webhook delivery's body before @octokit/webhooks does, which would read any size into memory
 * before checking the signature: a body announced over `maxBytes` is refused (413) without reading a
 * byte of it, and one that turns out longer is refused as soon as it does. The text read is left on
 * `request.body`, where @octokit/webhooks takes it instead of reading the stream. Returns whether the
 * request goes on to the webhooks middleware; other requests (no `x-github-event`) go on untouched.
 */
export async function readWebhookBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes = MAX_WEBHOOK_BYTES,
): Promise<boolean> {
  if (request.method !== "POST" || request.headers["x-github-event"] === undefined) return true;
  const announced = Number(request.headers["content-length"]);
  if (Number.isFinite(announced) && announced > maxBytes) {
    refuse(request, response, maxBytes);
    return false;
  }
  const body = await readUpTo(request, maxBytes);
  if (body === undefined) {
    refuse(request, response, maxBytes);
    return false;
  }
  (request as IncomingMessage & { body?: string }).body = body.toString("utf8");
  return true;
}

/** The body, or `undefined` as soon as it passes `maxBytes` (the rest is not read). */
function readUpTo(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        request.off("data", onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

/** How long a refused sender may go on sending, discarded, before its connection is cut. */
const LINGER_MS = 2_000;

function refuse(request: IncomingMessage, response: ServerResponse, maxBytes: number): void {
  const message = `payload over ${maxBytes} bytes, GitHub's limit`;
  response.writeHead(413, { "content-type": "application/json" });
  // Closing a socket whose sender is still writing makes the kernel send a reset, which can reach the
  // client before our answer and lose it. So, once the answer is out, what still arrives is discarded
  // (never kept) for a short while, as web servers' lingering close does, then the connection is cut.
  response.end(JSON.stringify({ error: message }), () => {
    request.on("data", () => {});
    request.resume();
    setTimeout(() => request.destroy(), LINGER_MS).unref();
  });
}
