import { describe, expect, it } from "vitest";
import {
  type AddressClass,
  addressRefusal,
  classifyAddress,
  urlRefusal,
} from "../../../src/links/http/address-policy.js";

const STRICT = { allowPrivateAddresses: false };
const PERMISSIVE = { allowPrivateAddresses: true };

interface AddressRow {
  address: string;
  /** undefined: a public address. */
  expected?: AddressClass;
  embedded?: string;
}

const addressRows: AddressRow[] = [
  { address: "8.8.8.8" },
  { address: "1.1.1.1" },
  { address: "93.184.216.34" },
  { address: "127.0.0.1", expected: "loopback" },
  { address: "127.255.255.254", expected: "loopback" },
  { address: "10.1.2.3", expected: "private" },
  { address: "172.16.0.1", expected: "private" },
  { address: "172.31.255.255", expected: "private" },
  { address: "172.32.0.1" },
  { address: "192.168.1.1", expected: "private" },
  { address: "169.254.1.1", expected: "link-local" },
  { address: "169.254.169.254", expected: "metadata" },
  { address: "100.100.100.200", expected: "metadata" },
  { address: "100.64.0.1", expected: "carrier-grade-nat" },
  { address: "100.127.255.255", expected: "carrier-grade-nat" },
  { address: "100.128.0.1" },
  { address: "224.0.0.1", expected: "multicast" },
  { address: "239.255.255.250", expected: "multicast" },
  { address: "0.0.0.0", expected: "unspecified" },
  { address: "0.1.2.3", expected: "unspecified" },
  { address: "255.255.255.255", expected: "broadcast" },
  { address: "240.0.0.1", expected: "reserved" },
  { address: "192.0.2.10", expected: "reserved" },
  { address: "198.18.0.1", expected: "reserved" },
  { address: "2001:4860:4860::8888" },
  { address: "2606:4700:4700::1111" },
  { address: "::1", expected: "loopback" },
  { address: "[::1]", expected: "loopback" },
  { address: "0:0:0:0:0:0:0:1", expected: "loopback" },
  { address: "::", expected: "unspecified" },
  { address: "fe80::1", expected: "link-local" },
  { address: "fe80::1%eth0", expected: "link-local" },
  { address: "febf::1", expected: "link-local" },
  { address: "fc00::1", expected: "unique-local" },
  { address: "fd12:3456::1", expected: "unique-local" },
  { address: "fd00:ec2::254", expected: "metadata" },
  { address: "ff02::1", expected: "multicast" },
  { address: "2001:db8::1", expected: "reserved" },
  { address: "64:ff9b:1::1", expected: "private" },
  // IPv6 forms that reach an IPv4 host: judged by the IPv4 address inside.
  { address: "::ffff:127.0.0.1", expected: "loopback", embedded: "127.0.0.1" },
  { address: "::ffff:7f00:1", expected: "loopback", embedded: "127.0.0.1" },
  { address: "[::ffff:7f00:1]", expected: "loopback", embedded: "127.0.0.1" },
  { address: "::ffff:169.254.169.254", expected: "metadata", embedded: "169.254.169.254" },
  { address: "::ffff:a00:1", expected: "private", embedded: "10.0.0.1" },
  { address: "::ffff:8.8.8.8" },
  { address: "::127.0.0.1", expected: "loopback", embedded: "127.0.0.1" },
  { address: "::ffff:0:10.0.0.1", expected: "private", embedded: "10.0.0.1" },
  { address: "64:ff9b::a00:1", expected: "private", embedded: "10.0.0.1" },
  { address: "64:ff9b::127.0.0.1", expected: "loopback", embedded: "127.0.0.1" },
  { address: "64:ff9b::808:808" },
  { address: "2002:7f00:1::", expected: "loopback", embedded: "127.0.0.1" },
  { address: "2002:a9fe:a9fe::1", expected: "metadata", embedded: "169.254.169.254" },
  { address: "2002:808:808::1" },
  { address: "2001:0:4136:e378:8000:63bf:80ff:fffe", expected: "loopback", embedded: "127.0.0.1" },
  { address: "example.com" },
  { address: "" },
];

describe("classifyAddress", () => {
  it.each(addressRows)("$address → $expected", ({ address, expected, embedded }) => {
    const found = classifyAddress(address);
    expect(found?.class).toBe(expected);
    expect(found?.embedded).toBe(embedded);
  });
});

describe("addressRefusal", () => {
  it("refuses every non-public address by default, with a French reason", () => {
    expect(addressRefusal("10.0.0.1", STRICT)).toBe("adresse «\u00a010.0.0.1\u00a0» refusée (réseau privé)");
    expect(addressRefusal("[::ffff:7f00:1]", STRICT)).toBe(
      "adresse «\u00a0::ffff:7f00:1\u00a0» refusée (boucle locale, IPv4 127.0.0.1 incluse)",
    );
    expect(addressRefusal("8.8.8.8", STRICT)).toBeUndefined();
  });

  it("allows private addresses when asked, but never the cloud's metadata service", () => {
    expect(addressRefusal("127.0.0.1", PERMISSIVE)).toBeUndefined();
    expect(addressRefusal("10.0.0.1", PERMISSIVE)).toBeUndefined();
    expect(addressRefusal("169.254.169.254", PERMISSIVE)).toMatch(/métadonnées/);
    expect(addressRefusal("::ffff:169.254.169.254", PERMISSIVE)).toMatch(/métadonnées/);
    expect(addressRefusal("fd00:ec2::254", PERMISSIVE)).toMatch(/métadonnées/);
  });
});

interface UrlRow {
  url: string;
  allowPrivateAddresses?: boolean;
  /** A fragment of the reason; undefined when the URL may be requested. */
  refused?: string;
}

const urlRows: UrlRow[] = [
  { url: "https://example.com/" },
  { url: "http://example.com:80/" },
  { url: "http://example.com:443/" },
  { url: "https://example.com:80/" },
  { url: "http://93.184.216.34/" },
  // Every spelling WHATWG URL normalises to a loopback address.
  { url: "http://127.0.0.1/", refused: "boucle locale" },
  { url: "http://127.1/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://2130706433/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://0x7f.1/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://0x7f000001/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://0177.0.0.1/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://127.0.0.1.:80/", refused: "«\u00a0127.0.0.1\u00a0»" },
  { url: "http://0/", refused: "non spécifiée" },
  { url: "http://[::1]/", refused: "boucle locale" },
  { url: "http://[::ffff:127.0.0.1]/", refused: "boucle locale" },
  { url: "http://[0:0:0:0:0:ffff:7f00:1]/", refused: "boucle locale" },
  { url: "http://[::127.0.0.1]/", refused: "boucle locale" },
  { url: "http://[64:ff9b::127.0.0.1]/", refused: "boucle locale" },
  { url: "http://169.254.169.254/latest/meta-data/", refused: "métadonnées" },
  { url: "http://[fd00:ec2::254]/", refused: "métadonnées" },
  { url: "http://10.0.0.1/", refused: "réseau privé" },
  { url: "http://192.168.0.1/", refused: "réseau privé" },
  { url: "http://100.64.1.1/", refused: "NAT d’opérateur" },
  { url: "http://[fe80::1]/", refused: "lien local" },
  { url: "http://[fc00::1]/", refused: "locale unique" },
  { url: "http://224.0.0.1/", refused: "multidiffusion" },
  { url: "http://255.255.255.255/", refused: "diffusion générale" },
  // Credentials, whatever the policy.
  { url: "http://user:pass@example.com/", refused: "identifiants" },
  { url: "http://user@example.com/", refused: "identifiants" },
  { url: "https://:secret@example.com/", refused: "identifiants" },
  { url: "http://user:pass@127.0.0.1:8080/", allowPrivateAddresses: true, refused: "identifiants" },
  // Ports.
  { url: "http://example.com:8080/", refused: "port 8080" },
  { url: "https://example.com:6379/", refused: "port 6379" },
  { url: "http://example.com:8080/", allowPrivateAddresses: true },
  { url: "http://127.0.0.1:3000/", allowPrivateAddresses: true },
  { url: "http://169.254.169.254/", allowPrivateAddresses: true, refused: "métadonnées" },
];

describe("urlRefusal", () => {
  it.each(urlRows)("$url (private allowed: $allowPrivateAddresses) → $refused", (row) => {
    const refusal = urlRefusal(new URL(row.url), {
      allowPrivateAddresses: row.allowPrivateAddresses ?? false,
    });
    if (row.refused === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toContain(row.refused);
  });
});
