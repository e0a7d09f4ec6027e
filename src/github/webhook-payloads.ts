import * as z from "zod";

/**
 * The fields of each webhook payload the app's handlers read, checked before they are read. A payload
 * signed with the app's secret but lacking one of them (a replay tool, a proxy that trims bodies, a
 * GitHub change) is then answered 400 with one log line naming what is missing, instead of a `TypeError`
 * and a 500 that GitHub would count as the app's failure. Other fields are dropped.
 */

const repository = z.object({ id: z.number(), name: z.string(), owner: z.object({ login: z.string() }) });
const installation = z.object({ id: z.number() });
const pullOfCheck = z.object({
  number: z.number(),
  head: z.object({ sha: z.string() }),
  base: z.object({ repo: z.object({ id: z.number() }) }),
});
const app = z.object({ slug: z.string().optional() }).nullish();

export const pullRequestPayload = z.object({
  installation,
  repository,
  pull_request: pullOfCheck,
  label: z.object({ name: z.string() }).optional(),
  sender: z.object({ login: z.string() }).optional(),
});

export const pullRequestReviewPayload = z.object({
  installation,
  repository,
  pull_request: z.object({ number: z.number() }),
});

export const checkRunPayload = z.object({
  installation,
  repository,
  check_run: z.object({
    name: z.string(),
    head_sha: z.string(),
    pull_requests: z.array(pullOfCheck),
    app,
  }),
});

export const checkSuitePayload = z.object({
  installation,
  repository,
  check_suite: z.object({
    head_sha: z.string().nullish(),
    pull_requests: z.array(pullOfCheck),
    app,
  }),
});

export const statusPayload = z.object({
  installation,
  repository,
  sha: z.string(),
  state: z.string(),
  context: z.string().optional(),
  target_url: z.string().nullish(),
});

export const deploymentStatusPayload = z.object({
  installation,
  repository,
  deployment_status: z.object({
    state: z.string(),
    environment_url: z.string().nullish(),
    target_url: z.string().nullish(),
  }),
  deployment: z.object({ sha: z.string() }),
});

/** A signed payload a handler cannot use: answered 400 by @octokit/webhooks, which reads `status`. */
export class WebhookPayloadError extends Error {
  override name = "WebhookPayloadError";
  readonly status = 400;
}

/** The payload's fields `schema` names, or a `WebhookPayloadError` naming each missing or mistyped one. */
export function payloadOf<T>(schema: z.ZodType<T>, context: { name: string; payload: unknown }): T {
  const result = schema.safeParse(context.payload);
  if (result.success) return result.data;
  const action = (context.payload as { action?: unknown } | null)?.action;
  const event = typeof action === "string" ? `${context.name}.${action}` : context.name;
  const fields = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "(payload)"} (${issue.message})`,
  );
  return fail(`${event}: the payload lacks what Relecteur needs: ${fields.join(", ")}`);
}

function fail(message: string): never {
  throw new WebhookPayloadError(message);
}

/** Whether an error @octokit/webhooks reports is only such payloads, which were already logged once. */
export function isOnlyPayloadErrors(error: unknown): boolean {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.length > 0 && errors.every((item) => item instanceof WebhookPayloadError);
}
