import { describe, expect, it } from "vitest";
import { normalizeUrl, parseLink, skippingHost } from "../../../src/links/http/link-url.js";

const normalizeRows: { url: string; expected: string | undefined }[] = [
  { url: "https://example.com", expected: "https://example.com/" },
  { url: "HTTPS://Example.COM:443/a/./b/../c#part", expected: "https://example.com/a/c" },
  { url: "http://example.com:80/?q=1#x", expected: "http://example.com/?q=1" },
  { url: "  https://example.com/a b  ", expected: "https://example.com/a%20b" },
  { url: "https://bücher.example/", expected: "https://xn--bcher-kva.example/" },
  { url: "http://127.1/", expected: "http://127.0.0.1/" },
  { url: "http://[::ffff:127.0.0.1]/", expected: "http://[::ffff:7f00:1]/" },
  { url: "http://[::1", expected: undefined },
  { url: "http://exa mple.com", expected: undefined },
  { url: "/relative/path", expected: undefined },
  { url: "mailto:someone@example.com", expected: undefined },
  { url: "ftp://example.com/file", expected: undefined },
  { url: "javascript:alert(1)", expected: undefined },
  { url: "http://", expected: undefined },
  { url: "", expected: undefined },
];

describe("normalizeUrl", () => {
  it.each(normalizeRows)("$url → $expected", ({ url, expected }) => {
    expect(normalizeUrl(url)).toBe(expected);
  });
});

describe("parseLink", () => {
  it("tells malformed addresses from other schemes", () => {
    expect(parseLink("http://exa mple.com").kind).toBe("malformed");
    expect(parseLink("mailto:a@b.c")).toEqual({ kind: "other-scheme", scheme: "mailto:" });
    expect(parseLink("https://example.com/#a").kind).toBe("http");
  });
});

const skipRows: { host: string; skip: string[]; expected: string | undefined }[] = [
  { host: "linkedin.com", skip: ["linkedin.com"], expected: "linkedin.com" },
  { host: "www.linkedin.com", skip: ["linkedin.com"], expected: "linkedin.com" },
  { host: "fr.m.linkedin.com", skip: ["linkedin.com"], expected: "linkedin.com" },
  { host: "notlinkedin.com", skip: ["linkedin.com"], expected: undefined },
  { host: "linkedin.com.evil.example", skip: ["linkedin.com"], expected: undefined },
  { host: "linkedin.com", skip: ["www.linkedin.com"], expected: undefined },
  { host: "www.linkedin.com", skip: ["LinkedIn.COM"], expected: "LinkedIn.COM" },
  { host: "www.linkedin.com", skip: ["*.linkedin.com"], expected: "*.linkedin.com" },
  { host: "www.linkedin.com", skip: [".linkedin.com"], expected: ".linkedin.com" },
  { host: "www.linkedin.com", skip: ["https://linkedin.com/"], expected: "https://linkedin.com/" },
  { host: "linkedin.com.", skip: ["linkedin.com"], expected: "linkedin.com" },
  { host: "xn--bcher-kva.example", skip: ["bücher.example"], expected: "bücher.example" },
  { host: "x.com", skip: ["", "  ", "x.com"], expected: "x.com" },
  { host: "example.com", skip: [], expected: undefined },
];

describe("skippingHost", () => {
  it.each(skipRows)("$host with $skip → $expected", ({ host, skip, expected }) => {
    expect(skippingHost(host, skip)).toBe(expected);
  });
});
