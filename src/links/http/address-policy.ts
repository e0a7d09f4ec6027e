import { BlockList, isIP } from "node:net";

/**
 * Which addresses the link checker may connect to. A blog post is written by anyone who can open a pull
 * request, and the checker runs next to a GitHub App's secrets or inside CI: a link to
 * `http://169.254.169.254/` or `http://127.1:6379/` must never become a request from our machine. Pure: the
 * same rules judge a literal IP in a URL, every DNS answer at connect time, and every redirect hop.
 */

export interface AddressPolicy {
  /** `links.allowPrivateAddresses`: intranets and tests; also allows any port. Metadata stays refused. */
  allowPrivateAddresses: boolean;
}

export type AddressClass =
  | "metadata"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "carrier-grade-nat"
  | "unique-local"
  | "multicast"
  | "broadcast"
  | "reserved";

const CLASS_NAMES: Record<AddressClass, string> = {
  metadata: "service de métadonnées du nuage",
  unspecified: "adresse non spécifiée",
  loopback: "boucle locale",
  private: "réseau privé",
  "link-local": "lien local",
  "carrier-grade-nat": "NAT d’opérateur",
  "unique-local": "adresse locale unique",
  multicast: "multidiffusion",
  broadcast: "diffusion générale",
  reserved: "plage réservée",
};

/** Ports a public web page is served on; any other port of a public host is how internal services get probed. */
const WEB_PORTS = new Set(["", "80", "443"]);

type Range = readonly [AddressClass, string, number];

/** Order matters: the first match names the class (metadata before link-local, broadcast before reserved). */
const IPV4_RANGES: readonly Range[] = [
  ["metadata", "169.254.169.254", 32],
  ["metadata", "100.100.100.200", 32], // Alibaba Cloud
  ["unspecified", "0.0.0.0", 8],
  ["loopback", "127.0.0.0", 8],
  ["private", "10.0.0.0", 8],
  ["private", "172.16.0.0", 12],
  ["private", "192.168.0.0", 16],
  ["link-local", "169.254.0.0", 16],
  ["carrier-grade-nat", "100.64.0.0", 10],
  ["multicast", "224.0.0.0", 4],
  ["broadcast", "255.255.255.255", 32],
  ["reserved", "240.0.0.0", 4],
  ["reserved", "192.0.0.0", 24], // IETF protocol assignments
  ["reserved", "192.0.2.0", 24], // documentation
  ["reserved", "192.88.99.0", 24], // 6to4 relays, deprecated
  ["reserved", "198.18.0.0", 15], // benchmarking
  ["reserved", "198.51.100.0", 24],
  ["reserved", "203.0.113.0", 24],
];

const IPV6_RANGES: readonly Range[] = [
  ["metadata", "fd00:ec2::254", 128], // AWS over IPv6
  ["unspecified", "::", 128],
  ["loopback", "::1", 128],
  ["link-local", "fe80::", 10],
  ["unique-local", "fc00::", 7],
  ["multicast", "ff00::", 8],
  ["private", "fec0::", 10], // site-local, deprecated but still routed by some networks
  ["private", "64:ff9b:1::", 48], // local-use NAT64
  ["reserved", "100::", 64], // discard-only
  ["reserved", "2001:db8::", 32], // documentation
];

const LISTS = buildLists();

function buildLists(): { ipv4: [AddressClass, BlockList][]; ipv6: [AddressClass, BlockList][] } {
  const toLists = (ranges: readonly Range[], family: "ipv4" | "ipv6") =>
    ranges.map(([name, network, prefix]): [AddressClass, BlockList] => {
      const list = new BlockList();
      list.addSubnet(network, prefix, family);
      return [name, list];
    });
  return { ipv4: toLists(IPV4_RANGES, "ipv4"), ipv6: toLists(IPV6_RANGES, "ipv6") };
}

export interface AddressClassification {
  class: AddressClass;
  /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo), when that one decided. */
  embedded?: string;
}

/**
 * The class of a non-public address, or undefined for a public one. Accepts an IP as a URL's hostname
 * gives it (`[::1]`) or as DNS gives it (`fe80::1%eth0`); anything that is not an IP is undefined.
 */
export function classifyAddress(address: string): AddressClassification | undefined {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 4) return classifyIpv4(ip);
  if (family !== 6) return undefined;
  for (const [name, list] of LISTS.ipv6) if (list.check(ip, "ipv6")) return { class: name };
  const embedded = embeddedIpv4(ipv6Groups(ip));
  if (embedded === undefined) return undefined;
  const inner = classifyIpv4(embedded);
  return inner && { class: inner.class, embedded };
}

function classifyIpv4(ip: string): AddressClassification | undefined {
  for (const [name, list] of LISTS.ipv4) if (list.check(ip, "ipv4")) return { class: name };
  return undefined;
}

/** Why connecting to this address is refused, in French, or undefined when it is allowed. */
export function addressRefusal(address: string, policy: AddressPolicy): string | undefined {
  const found = classifyAddress(address);
  if (found === undefined) return undefined;
  // Even an intranet has no business linking to the cloud's metadata service: it hands out credentials.
  if (policy.allowPrivateAddresses && found.class !== "metadata") return undefined;
  const inside = found.embedded ? `, IPv4 ${found.embedded} incluse` : "";
  return `adresse «\u00a0${bareAddress(address)}\u00a0» refusée (${CLASS_NAMES[found.class]}${inside})`;
}

/**
 * Why a URL may not be requested before any connection: credentials, a port other than 80 and 443, or a
 * literal IP that is refused. Host names are judged later, on every address DNS gives for them.
 */
export function urlRefusal(url: URL, policy: AddressPolicy): string | undefined {
  if (url.username !== "" || url.password !== "") {
    return "identifiants dans l’adresse\u00a0: un lien public n’en contient jamais";
  }
  const refusal = addressRefusal(url.hostname, policy);
  if (refusal !== undefined) return refusal;
  if (!policy.allowPrivateAddresses && !WEB_PORTS.has(url.port)) {
    return `port ${url.port} refusé\u00a0: seuls les ports 80 et 443 sont vérifiés`;
  }
  return undefined;
}

/** `[::1]` → `::1`, `fe80::1%eth0` → `fe80::1`. */
function bareAddress(address: string): string {
  const unbracketed = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const zone = unbracketed.indexOf("%");
  return zone === -1 ? unbracketed : unbracketed.slice(0, zone);
}

/** The eight 16-bit groups of a valid IPv6 address (checked by isIP beforehand). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(zeros).fill("0"), ...tailGroups].map((group) =>
    Number.parseInt(group, 16),
  );
}

/** The IPv4 address an IPv6 address routes to, for the forms that reach an IPv4 host. */
function embeddedIpv4(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const fromGroups = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const isZero = (...values: (number | undefined)[]) => values.every((value) => value === 0);
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated), ::a.b.c.d (compatible, deprecated).
  if (isZero(g0, g1, g2, g3) && ((g4 === 0 && (g5 === 0xffff || g5 === 0)) || (g4 === 0xffff && g5 === 0))) {
    return fromGroups(g6, g7);
  }
  if (g0 === 0x64 && g1 === 0xff9b && isZero(g2, g3, g4, g5)) return fromGroups(g6, g7); // NAT64
  if (g0 === 0x2002 && g1 !== undefined && g2 !== undefined) return fromGroups(g1, g2); // 6to4
  if (g0 === 0x2001 && g1 === 0) return fromGroups(g6 ^ 0xffff, g7 ^ 0xffff); // Teredo client, obfuscated
  return undefined;
}

/** A refusal raised at connect time (DNS answer or literal IP), so that undici fails the request with it. */
export class AddressRefusedError extends Error {
  readonly code = "ERELECTEUR_ADDRESS_REFUSED";
}
