import { describe, expect, it } from "vitest";
import { type PreviewGrant, signPreviewToken, verifyPreviewToken } from "../../src/preview/preview-token.js";

const NOW = new Date("2024-03-10T10:00:00Z");
const GRANT: PreviewGrant = {
  installationId: 7,
  owner: "betagouv",
  repo: "blog",
  pullNumber: 12,
  commit: "9f4e2c7a1b3d5e6f708192a3b4c5d6e7f8091a2b",
  path: "_posts/2024-03-05-l'été.md",
  expires: NOW.getTime() / 1000 + 60,
};

describe("preview tokens", () => {
  it("give back the grant they were signed with, under the current or the previous secret", () => {
    expect(verifyPreviewToken(signPreviewToken(GRANT, "neuf"), ["neuf", "ancien"], NOW)).toEqual({
      ok: true,
      grant: GRANT,
    });
    expect(verifyPreviewToken(signPreviewToken(GRANT, "ancien"), ["neuf", "ancien"], NOW).ok).toBe(true);
    expect(verifyPreviewToken(signPreviewToken(GRANT, "ancien"), ["neuf"], NOW)).toEqual({
      ok: false,
      reason: "signature",
    });
  });

  it("refuse every field changed under the same signature", () => {
    const [, signature] = signPreviewToken(GRANT, "neuf").split(".");
    const changes: Partial<PreviewGrant>[] = [
      { installationId: 8 },
      { owner: "autre" },
      { repo: "autre" },
      { pullNumber: 13 },
      { commit: "a".repeat(40) },
      { path: "_posts/autre.md" },
      { expires: GRANT.expires + 86_400 },
    ];
    for (const change of changes) {
      const [payload] = signPreviewToken({ ...GRANT, ...change }, "neuf").split(".");
      expect(verifyPreviewToken(`${payload}.${signature}`, ["neuf"], NOW), JSON.stringify(change)).toEqual({
        ok: false,
        reason: "signature",
      });
    }
  });

  it("expire at their second", () => {
    const token = signPreviewToken(GRANT, "neuf");
    expect(verifyPreviewToken(token, ["neuf"], new Date((GRANT.expires - 1) * 1000)).ok).toBe(true);
    expect(verifyPreviewToken(token, ["neuf"], new Date(GRANT.expires * 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("call malformed what is not a token", () => {
    for (const token of ["", "abc", "a.b.c", ".sig", "payload."]) {
      expect(verifyPreviewToken(token, ["neuf"], NOW), token).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
