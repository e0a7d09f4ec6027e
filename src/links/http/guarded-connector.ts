import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { type AddressPolicy, AddressRefusedError, addressRefusal } from "./address-policy.js";

/**
 * The only way the checker reaches the network: an undici Agent whose connector judges the address it is
 * about to connect to. Judging the URL is not enough, since a host name can resolve to 127.0.0.1 and a
 * DNS answer can change between a check and the connection (DNS rebinding): the check runs inside the
 * connection's own lookup, on every address returned, and the socket connects to those very addresses.
 * Our own Agent, never the global dispatcher nor an EnvHttpProxyAgent: HTTP_PROXY and friends are ignored.
 */

/** Resolves every address of a host name; replaceable in tests. */
export type ResolveAll = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

const systemResolveAll: ResolveAll = (hostname, options) => dnsLookup(hostname, { ...options, all: true });

/** A `lookup` for `net.connect` that fails unless every answer is allowed. */
export function createGuardedLookup(
  policy: AddressPolicy,
  resolveAll: ResolveAll = systemResolveAll,
): LookupFunction {
  return (hostname, options, callback) => {
    const reply = callback as (
      error: Error | null,
      address?: string | LookupAddress[],
      family?: number,
    ) => void;
    resolveAll(hostname, options).then(
      (addresses) => {
        const first = addresses[0];
        if (first === undefined) {
          reply(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
          return;
        }
        // One bad answer refuses the host: otherwise a round-robin record could smuggle 10.0.0.1 in.
        for (const { address } of addresses) {
          const refusal = addressRefusal(address, policy);
          if (refusal !== undefined) {
            reply(new AddressRefusedError(`«\u00a0${hostname}\u00a0» pointe vers une ${refusal}`));
            return;
          }
        }
        if (options.all) reply(null, addresses);
        else reply(null, first.address, first.family);
      },
      (error: Error) => reply(error),
    );
  };
}

export interface ConnectorOptions {
  policy: AddressPolicy;
  connectMs: number;
  resolveAll?: ResolveAll;
}

/** undici's connector, with literal IPs judged here (net.connect skips `lookup` for them). */
export function createGuardedConnector({
  policy,
  connectMs,
  resolveAll,
}: ConnectorOptions): buildConnector.connector {
  const connect = buildConnector({ timeout: connectMs, lookup: createGuardedLookup(policy, resolveAll) });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[(.*)\]$/, "$1");
    const refusal = isIP(host) === 0 ? undefined : addressRefusal(host, policy);
    if (refusal !== undefined) {
      callback(new AddressRefusedError(refusal), null);
      return;
    }
    connect(options, callback);
  };
}

export interface AgentOptions extends ConnectorOptions {
  headersMs: number;
}

export function createGuardedAgent({ headersMs, ...connector }: AgentOptions): Agent {
  return new Agent({
    connect: createGuardedConnector(connector),
    headersTimeout: headersMs,
    // Bodies are never read; this only bounds a body undici drains while closing.
    bodyTimeout: headersMs,
    keepAliveTimeout: 4_000,
    // Some sites send large cookies; Node's 16 KiB default would fail them as « réponse HTTP illisible ».
    maxHeaderSize: 64 * 1024,
  });
}
