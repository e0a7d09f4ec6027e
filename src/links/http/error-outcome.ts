import { AddressRefusedError } from "./address-policy.js";
import type { LinkOutcome } from "./link-outcome.js";
import { kept, notKept } from "./link-outcome.js";

/**
 * What a failed request means for a link. Pure. Only an unknown domain is dead: a refused, reset or slow
 * connection says more about the network right now than about the link, so it is « non vérifié » and
 * not cached.
 */

const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"]);
const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

export function errorOutcome(error: unknown, hostname: string): LinkOutcome {
  const refusal = causes(error).find((cause) => cause instanceof AddressRefusedError);
  if (refusal !== undefined) return notKept({ kind: "blocked", reason: refusal.message });
  const code = causes(error)
    .map((cause) => (cause as { code?: unknown }).code)
    .find((value): value is string => typeof value === "string");
  if (code === "ENOTFOUND" || code === "ENODATA") {
    return kept({ kind: "dead", reason: `domaine inconnu «\u00a0${hostname}\u00a0»` });
  }
  if (code === "EAI_AGAIN") {
    return notKept({
      kind: "unverified",
      reason: `nom «\u00a0${hostname}\u00a0» introuvable pour l’instant (DNS)`,
    });
  }
  if (code === "ECONNREFUSED")
    return notKept({ kind: "unverified", reason: "connexion refusée par le serveur" });
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return notKept({ kind: "unverified", reason: "pas de réponse à temps" });
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return notKept({ kind: "unverified", reason: "connexion interrompue par le serveur" });
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return notKept({ kind: "unverified", reason: "serveur injoignable" });
  }
  // A broken certificate lasts longer than a reset connection: worth remembering for half an hour.
  if (code !== undefined && TLS_CODE.test(code)) {
    return kept({ kind: "unverified", reason: `certificat TLS refusé (${code})` });
  }
  if (code?.startsWith("HPE_")) return notKept({ kind: "unverified", reason: "réponse HTTP illisible" });
  return notKept({ kind: "unverified", reason: `erreur réseau (${code ?? describe(error)})` });
}

/** The error and its causes: undici sometimes wraps the socket's error. */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 5; current = current.cause) {
    chain.push(current);
  }
  return chain;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : "inconnue";
}
