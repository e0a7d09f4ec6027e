import { createHmac, randomUUID } from "node:crypto";

/** The `x-hub-signature-256` GitHub sends with a delivery of `body`. */
export function signWebhook(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Delivers one webhook as GitHub does, signed with `secret`; the answer's status. */
export async function sendWebhook(
  url: string,
  secret: string,
  event: string,
  payload: unknown,
): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signWebhook(body, secret),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
