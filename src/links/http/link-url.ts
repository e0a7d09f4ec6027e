/**
 * Reading a link's URL: which ones are HTTP, how duplicates are recognised, which hosts the config skips.
 * Pure.
 */

export type ParsedLink =
  | { kind: "http"; url: URL }
  | { kind: "other-scheme"; scheme: string }
  | { kind: "malformed" };

export function parseLink(text: string): ParsedLink {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: "malformed" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { kind: "other-scheme", scheme: url.protocol };
  // `http:/x` parses (WHATWG is lenient) but names no host worth asking.
  if (url.hostname === "") return { kind: "malformed" };
  url.hash = "";
  return { kind: "http", url };
}

/**
 * WHATWG normalisation (case of scheme and host, default port, `.` and `..`, percent-encoding, IPv4
 * spellings), fragment dropped since no server sees it; undefined when the text is not an http(s) URL.
 */
export function normalizeUrl(url: string): string | undefined {
  const parsed = parseLink(url);
  return parsed.kind === "http" ? parsed.url.href : undefined;
}

/** The `links.skip` entry that covers this host (itself or a parent domain), or undefined. */
export function skippingHost(hostname: string, skipHosts: readonly string[]): string | undefined {
  const host = withoutTrailingDot(hostname.toLowerCase());
  return skipHosts.find((entry) => {
    const skipped = skipHostName(entry);
    return skipped !== undefined && (host === skipped || host.endsWith(`.${skipped}`));
  });
}

/** Maintainers write `linkedin.com`, `.linkedin.com`, `*.linkedin.com`, `LinkedIn.com` or a URL: one host. */
function skipHostName(entry: string): string | undefined {
  const trimmed = entry.trim().replace(/^\*?\./, "");
  if (trimmed === "") return undefined;
  try {
    const hostname = new URL(trimmed.includes("://") ? trimmed : `http://${trimmed}`).hostname;
    return hostname === "" ? undefined : withoutTrailingDot(hostname);
  } catch {
    return undefined;
  }
}

function withoutTrailingDot(host: string): string {
  return host.endsWith(".") ? host.slice(0, -1) : host;
}
