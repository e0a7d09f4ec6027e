import type { LookupAddress } from "node:dns";
import { afterEach, describe, expect, it } from "vitest";
import { AddressRefusedError } from "../../../src/links/http/address-policy.js";
import {
  createGuardedConnector,
  createGuardedLookup,
  type ResolveAll,
} from "../../../src/links/http/guarded-connector.js";
import { startServer, type TestServer } from "./test-server.js";

const STRICT = { allowPrivateAddresses: false };

function fakeDns(answers: LookupAddress[]): ResolveAll {
  return async () => answers;
}

function lookupWith(resolveAll: ResolveAll, all: boolean) {
  const lookup = createGuardedLookup(STRICT, resolveAll);
  return new Promise<{ error: Error | null; address: unknown; family: unknown }>((resolve) => {
    lookup("host.example", { all }, (error, address, family) => resolve({ error, address, family }));
  });
}

describe("createGuardedLookup", () => {
  it("passes public answers on, in both shapes net.connect asks for", async () => {
    const answers = [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ];
    expect(await lookupWith(fakeDns(answers), true)).toMatchObject({ error: null, address: answers });
    expect(await lookupWith(fakeDns(answers), false)).toMatchObject({
      error: null,
      address: "93.184.216.34",
      family: 4,
    });
  });

  it.each([
    ["a private answer among public ones", ["93.184.216.34", "10.0.0.1"]],
    ["a loopback answer", ["127.0.0.1"]],
    ["a mapped IPv6 answer", ["93.184.216.34", "::ffff:127.0.0.1"]],
    ["the metadata address", ["169.254.169.254"]],
    ["a link-local IPv6 with its zone", ["fe80::1%eth0"]],
  ])("refuses the host for %s", async (_name, addresses) => {
    const answers = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    const { error } = await lookupWith(fakeDns(answers), true);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error?.message).toContain("«\u00a0host.example\u00a0» pointe vers une adresse");
  });

  it("reports an empty answer as an unknown domain, and passes DNS errors on", async () => {
    expect((await lookupWith(fakeDns([]), true)).error).toMatchObject({ code: "ENOTFOUND" });
    const failing: ResolveAll = async () => {
      throw Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" });
    };
    expect((await lookupWith(failing, true)).error).toMatchObject({ code: "EAI_AGAIN" });
  });
});

describe("createGuardedConnector", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  function connect(policy: { allowPrivateAddresses: boolean }, hostname: string, port: number) {
    const connector = createGuardedConnector({ policy, connectMs: 2_000 });
    return new Promise<Error | null>((resolve) => {
      connector({ hostname, protocol: "http:", port: String(port) }, (error, socket) => {
        socket?.destroy();
        resolve(error);
      });
    });
  }

  it.each(["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])(
    "refuses %s at connect time: the server sees no connection",
    async (hostname) => {
      server = await startServer((_request, response) => response.end());
      const error = await connect(STRICT, hostname, server.port);
      expect(error).toBeInstanceOf(AddressRefusedError);
      expect(server.connections).toBe(0);
    },
  );

  it("connects when private addresses are allowed", async () => {
    server = await startServer((_request, response) => response.end());
    expect(await connect({ allowPrivateAddresses: true }, "localhost", server.port)).toBeNull();
  });
});
