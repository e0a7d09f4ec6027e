import type { ExternalVerdict } from "../types.js";
import { type AddressPolicy, urlRefusal } from "./address-policy.js";
import { parseLink, skippingHost } from "./link-url.js";

/**
 * Where a redirect leads, judged like a link written in the post: redirects are followed by hand so that a
 * public page cannot bounce the checker to `http://127.0.0.1/` or to `file:`. Pure; the host's DNS answers
 * are judged again when connecting.
 */

export interface HopRules {
  policy: AddressPolicy;
  skipHosts: readonly string[];
}

export type HopDecision = { kind: "follow"; url: URL } | { kind: "stop"; verdict: ExternalVerdict };

export function nextHop(
  from: URL,
  location: string | undefined,
  status: number,
  rules: HopRules,
): HopDecision {
  if (location === undefined || location.trim() === "") {
    return stop({ kind: "unverified", status, reason: `redirection sans destination (${status})` });
  }
  const parsed = parseLink(resolve(location, from));
  if (parsed.kind === "malformed") {
    return stop({
      kind: "dead",
      status,
      reason: `redirection vers une adresse mal formée «\u00a0${location}\u00a0»`,
    });
  }
  if (parsed.kind === "other-scheme") {
    return stop({
      kind: "dead",
      status,
      reason: `redirection vers une adresse non HTTP «\u00a0${shorten(location)}\u00a0»`,
    });
  }
  const skipped = skippingHost(parsed.url.hostname, rules.skipHosts);
  if (skipped !== undefined) {
    return stop({
      kind: "skipped",
      reason: `redirection vers un hôte exclu par links.skip («\u00a0${skipped}\u00a0»)`,
    });
  }
  const refusal = urlRefusal(parsed.url, rules.policy);
  if (refusal !== undefined)
    return stop({ kind: "blocked", reason: `redirection refusée\u00a0: ${refusal}` });
  return { kind: "follow", url: parsed.url };
}

function resolve(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function stop(verdict: ExternalVerdict): HopDecision {
  return { kind: "stop", verdict };
}

/** A `javascript:` or `data:` destination can be long; the reason only needs to show what it is. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
