import { describe, expect, it } from "vitest";
import { AddressRefusedError } from "../../../src/links/http/address-policy.js";
import { errorOutcome } from "../../../src/links/http/error-outcome.js";
import { isRedirect, responseOutcome, shouldRetryWithGet } from "../../../src/links/http/response-verdict.js";
import { retryAfterMs } from "../../../src/links/http/retry-after.js";

const URL_TEXT = "https://example.com/a";

interface StatusRow {
  status: number;
  headers?: Record<string, string>;
  kind: string;
  reason?: string;
}

const statusRows: StatusRow[] = [
  { status: 200, kind: "alive" },
  { status: 204, kind: "alive" },
  { status: 206, kind: "alive" },
  { status: 404, kind: "dead", reason: "page introuvable (404)" },
  { status: 410, kind: "dead", reason: "page supprimée (410)" },
  { status: 400, kind: "unverified", reason: "réponse inattendue (400)" },
  { status: 401, kind: "unverified", reason: "accès réservé (401)" },
  { status: 403, kind: "unverified", reason: "accès refusé au vérificateur (403)" },
  { status: 429, kind: "unverified", reason: "(429)" },
  { status: 451, kind: "unverified", reason: "réponse inattendue (451)" },
  { status: 999, kind: "unverified", reason: "refuse les robots (999)" },
  { status: 500, kind: "unverified", reason: "erreur du serveur (500)" },
  { status: 503, kind: "unverified", reason: "erreur du serveur (503)" },
  { status: 302, kind: "unverified", reason: "redirection sans destination utilisable (302)" },
  {
    status: 403,
    headers: { "cf-mitigated": "challenge" },
    kind: "unverified",
    reason: "anti-robots du site (403)",
  },
  {
    status: 503,
    headers: { "x-amzn-waf-action": "captcha" },
    kind: "unverified",
    reason: "anti-robots du site (503)",
  },
];

describe("responseOutcome", () => {
  it.each(statusRows)("$status $headers → $kind", ({ status, headers, kind, reason }) => {
    const { verdict, isKept } = responseOutcome({ status, url: URL_TEXT, headers: headers ?? {} });
    expect(verdict.kind).toBe(kind);
    expect(verdict).toMatchObject({ status });
    if (reason !== undefined) expect(verdict).toMatchObject({ reason: expect.stringContaining(reason) });
    expect(isKept).toBe(true);
  });

  it("gives the URL that answered for a live link", () => {
    expect(responseOutcome({ status: 200, url: URL_TEXT, headers: {} }).verdict).toEqual({
      kind: "alive",
      status: 200,
      finalUrl: URL_TEXT,
    });
  });
});

describe("HEAD and redirects", () => {
  it.each([
    [405, true],
    [501, true],
    [400, true],
    [403, true],
    [404, false],
    [410, false],
    [429, false],
    [500, false],
    [200, false],
  ])("HEAD answered %i: retry with GET is %s", (status, expected) => {
    expect(shouldRetryWithGet(status)).toBe(expected);
  });

  it.each([
    [301, true],
    [302, true],
    [303, true],
    [307, true],
    [308, true],
    [300, false],
    [304, false],
    [200, false],
  ])("%i is a redirect to follow: %s", (status, expected) => {
    expect(isRedirect(status)).toBe(expected);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it.each([
    { value: "1", expected: 1_000 },
    { value: " 30 ", expected: 30_000 },
    { value: "0", expected: 0 },
    { value: ["2", "5"], expected: 2_000 },
    { value: "Wed, 01 Jan 2025 00:00:10 GMT", expected: 10_000 },
    { value: "Tue, 31 Dec 2024 23:00:00 GMT", expected: 0 },
    { value: "-1", expected: undefined },
    { value: "1.5", expected: undefined },
    { value: "soon", expected: undefined },
    { value: "2025-01-01T00:00:10Z", expected: undefined },
    { value: "", expected: undefined },
    { value: undefined, expected: undefined },
  ])("$value → $expected", ({ value, expected }) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

function codeError(code: string, cause?: Error): Error {
  return Object.assign(new Error(code, cause ? { cause } : {}), { code });
}

describe("errorOutcome", () => {
  it.each([
    {
      error: codeError("ENOTFOUND"),
      kind: "dead",
      isKept: true,
      reason: "domaine inconnu «\u00a0example.com\u00a0»",
    },
    { error: codeError("EAI_AGAIN"), kind: "unverified", isKept: false, reason: "DNS" },
    { error: codeError("ECONNREFUSED"), kind: "unverified", isKept: false, reason: "connexion refusée" },
    { error: codeError("ECONNRESET"), kind: "unverified", isKept: false, reason: "interrompue" },
    { error: codeError("UND_ERR_SOCKET"), kind: "unverified", isKept: false, reason: "interrompue" },
    { error: codeError("UND_ERR_CONNECT_TIMEOUT"), kind: "unverified", isKept: false, reason: "à temps" },
    { error: codeError("UND_ERR_HEADERS_TIMEOUT"), kind: "unverified", isKept: false, reason: "à temps" },
    { error: codeError("EHOSTUNREACH"), kind: "unverified", isKept: false, reason: "injoignable" },
    { error: codeError("CERT_HAS_EXPIRED"), kind: "unverified", isKept: true, reason: "certificat" },
    {
      error: codeError("ERR_TLS_CERT_ALTNAME_INVALID"),
      kind: "unverified",
      isKept: true,
      reason: "certificat",
    },
    { error: codeError("HPE_INVALID_CONSTANT"), kind: "unverified", isKept: false, reason: "illisible" },
    { error: new Error("wrapped", { cause: codeError("ECONNRESET") }), kind: "unverified", isKept: false },
    { error: new AddressRefusedError("adresse refusée"), kind: "blocked", isKept: false, reason: "refusée" },
    { error: new Error("x", { cause: new AddressRefusedError("refusée") }), kind: "blocked", isKept: false },
    { error: new TypeError("odd"), kind: "unverified", isKept: false, reason: "erreur réseau (TypeError)" },
    { error: "not even an error", kind: "unverified", isKept: false },
  ])("$error.message → $kind", ({ error, kind, isKept, reason }) => {
    const outcome = errorOutcome(error, "example.com");
    expect(outcome.verdict.kind).toBe(kind);
    expect(outcome.isKept).toBe(isKept);
    if (reason !== undefined)
      expect(outcome.verdict).toMatchObject({ reason: expect.stringContaining(reason) });
  });
});
