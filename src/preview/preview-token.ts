import { createHmac, timingSafeEqual } from "node:crypto";

/** What a built-in preview link gives access to: one post of one pull request at one commit, for a while. */
export interface PreviewGrant {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the post is rendered at. */
  commit: string;
  /** The post's path in the repository. */
  path: string;
  /** Seconds since the epoch after which the link is refused. */
  expires: number;
}

export type TokenCheck =
  | { ok: true; grant: PreviewGrant }
  | { ok: false; reason: "malformed" | "signature" | "expired" };

/**
 * The token of a built-in preview link: the grant as base64url JSON, a dot, and its HMAC-SHA-256 under the
 * preview secret. Nothing is stored on the server: whoever holds the link may read that post at that commit
 * until it expires, and nothing else (the path, commit and repository are signed, so a changed one is refused).
 */
export function signPreviewToken(grant: PreviewGrant, secret: string): string {
  const fields = [
    grant.installationId,
    grant.owner,
    grant.repo,
    grant.pullNumber,
    grant.commit,
    grant.path,
    grant.expires,
  ];
  const payload = Buffer.from(JSON.stringify(fields)).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * The grant of a token signed by one of `secrets` (the current one, then the previous one during a
 * rotation) that has not expired at `now`.
 */
export function verifyPreviewToken(token: string, secrets: readonly string[], now: Date): TokenCheck {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const isSigned = secrets.some((secret) => {
    const expected = Buffer.from(mac(payload, secret), "base64url");
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!isSigned) return { ok: false, reason: "signature" };
  const grant = parseGrant(payload);
  if (grant === undefined) return { ok: false, reason: "malformed" };
  if (grant.expires * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, grant };
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`relecteur-preview:${payload}`).digest("base64url");
}

function parseGrant(payload: string): PreviewGrant | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 7) return undefined;
  const [installationId, owner, repo, pullNumber, commit, path, expires] = fields as unknown[];
  if (
    !Number.isInteger(installationId) ||
    typeof owner !== "string" ||
    typeof repo !== "string" ||
    !Number.isInteger(pullNumber) ||
    typeof commit !== "string" ||
    !/^[0-9a-f]{40}$/i.test(commit) ||
    typeof path !== "string" ||
    !Number.isInteger(expires)
  )
    return undefined;
  return {
    installationId: installationId as number,
    owner,
    repo,
    pullNumber: pullNumber as number,
    commit,
    path,
    expires: expires as number,
  };
}
