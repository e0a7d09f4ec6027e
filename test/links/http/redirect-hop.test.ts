import { describe, expect, it } from "vitest";
import { nextHop } from "../../../src/links/http/redirect-hop.js";

const FROM = new URL("https://public.example/old/page");
const RULES = { policy: { allowPrivateAddresses: false }, skipHosts: ["linkedin.com"] };

interface HopRow {
  name: string;
  location: string | undefined;
  /** The URL followed, or the verdict's kind and a fragment of its reason. */
  follow?: string;
  stop?: { kind: string; reason: string };
}

const rows: HopRow[] = [
  { name: "relative path", location: "new", follow: "https://public.example/old/new" },
  { name: "root-relative path", location: "/new", follow: "https://public.example/new" },
  { name: "scheme-relative", location: "//other.example/x", follow: "https://other.example/x" },
  { name: "http downgrade", location: "http://public.example/", follow: "http://public.example/" },
  { name: "fragment dropped", location: "/a#b", follow: "https://public.example/a" },
  { name: "no Location", location: undefined, stop: { kind: "unverified", reason: "sans destination" } },
  { name: "empty Location", location: " ", stop: { kind: "unverified", reason: "sans destination" } },
  {
    name: "ftp",
    location: "ftp://files.example/a",
    stop: { kind: "dead", reason: "non HTTP «\u00a0ftp://" },
  },
  { name: "javascript", location: "javascript:alert(1)", stop: { kind: "dead", reason: "non HTTP" } },
  { name: "file", location: "file:///etc/passwd", stop: { kind: "dead", reason: "non HTTP" } },
  { name: "data", location: "data:text/html,hello", stop: { kind: "dead", reason: "non HTTP" } },
  { name: "malformed", location: "http://exa mple.com/", stop: { kind: "dead", reason: "mal formée" } },
  {
    name: "skipped host",
    location: "https://www.linkedin.com/in/x",
    stop: { kind: "skipped", reason: "linkedin" },
  },
  // A public page must not bounce the checker into the machine's network.
  {
    name: "loopback",
    location: "http://127.0.0.1/admin",
    stop: { kind: "blocked", reason: "boucle locale" },
  },
  {
    name: "loopback spelled 127.1",
    location: "http://127.1/",
    stop: { kind: "blocked", reason: "boucle locale" },
  },
  {
    name: "decimal loopback",
    location: "http://2130706433/",
    stop: { kind: "blocked", reason: "boucle locale" },
  },
  {
    name: "mapped IPv6",
    location: "http://[::ffff:127.0.0.1]/",
    stop: { kind: "blocked", reason: "boucle locale" },
  },
  {
    name: "metadata",
    location: "http://169.254.169.254/latest/meta-data/",
    stop: { kind: "blocked", reason: "métadonnées" },
  },
  { name: "private", location: "http://10.0.0.1/", stop: { kind: "blocked", reason: "réseau privé" } },
  {
    name: "credentials",
    location: "https://u:p@public.example/",
    stop: { kind: "blocked", reason: "identifiants" },
  },
  {
    name: "other port",
    location: "https://public.example:8443/",
    stop: { kind: "blocked", reason: "port 8443" },
  },
];

describe("nextHop", () => {
  it.each(rows)("$name", ({ location, follow, stop }) => {
    const hop = nextHop(FROM, location, 302, RULES);
    if (follow !== undefined) {
      expect(hop.kind).toBe("follow");
      if (hop.kind === "follow") expect(hop.url.href).toBe(follow);
      return;
    }
    expect(hop).toMatchObject({
      kind: "stop",
      verdict: { kind: stop?.kind, reason: expect.stringContaining(stop?.reason ?? "") },
    });
  });

  it("lets an intranet redirect to a private address when allowed", () => {
    const hop = nextHop(FROM, "http://10.0.0.1:8080/", 301, {
      ...RULES,
      policy: { allowPrivateAddresses: true },
    });
    expect(hop.kind).toBe("follow");
  });
});
