import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../src/config/schema.js";
import { postFactOf } from "../../src/publish/post-facts.js";

const PATH = "_posts/2024-12-10-noel.md";

describe("postFactOf", () => {
  it("keeps the title, trimmed, and the date exactly as written", () => {
    const source = '---\ntitle: "  Noël au bureau  "\ndate: 2024-12-10 10:30:00 +0100\n---\nCorps.\n';
    expect(postFactOf(PATH, source)).toStrictEqual({
      path: PATH,
      title: "Noël au bureau",
      date: "2024-12-10 10:30:00 +0100",
    });
  });

  it("unquotes a quoted date", () => {
    expect(postFactOf(PATH, '---\ntitle: Noël\ndate: "2024-12-10"\n---\n')).toStrictEqual({
      path: PATH,
      title: "Noël",
      date: "2024-12-10",
    });
    expect(postFactOf(PATH, "---\ntitle: Noël\ndate: '2024-12-10 10:30'\n---\n")).toStrictEqual({
      path: PATH,
      title: "Noël",
      date: "2024-12-10 10:30",
    });
  });

  it("leaves a YAML comment after the date out", () => {
    expect(postFactOf(PATH, "---\ntitle: Noël\ndate: 2024-12-10 # à confirmer\n---\n")).toStrictEqual({
      path: PATH,
      title: "Noël",
      date: "2024-12-10",
    });
  });

  it("gives only the path without a front matter", () => {
    expect(postFactOf(PATH, "Pas d'en-tête.\n")).toStrictEqual({ path: PATH });
    expect(postFactOf(PATH, "---\ntitle: Noël\ndate: 2024-12-10\n")).toStrictEqual({ path: PATH });
  });

  it("gives only the path when the front matter does not parse", () => {
    expect(postFactOf(PATH, "---\ntitle: [Noël\ndate: 2024-12-10\n---\n")).toStrictEqual({ path: PATH });
    expect(postFactOf(PATH, "---\ntitle: Noël\ntitle: Noël encore\ndate: 2024-12-10\n---\n")).toStrictEqual({
      path: PATH,
    });
    expect(postFactOf(PATH, "---\n- Noël\n- 2024-12-10\n---\n")).toStrictEqual({ path: PATH });
  });

  it("ignores an empty or blank title, and keeps the date", () => {
    expect(postFactOf(PATH, '---\ntitle: ""\ndate: 2024-12-10\n---\n')).toStrictEqual({
      path: PATH,
      date: "2024-12-10",
    });
    expect(postFactOf(PATH, '---\ntitle: "   "\ndate: 2024-12-10\n---\n')).toStrictEqual({
      path: PATH,
      date: "2024-12-10",
    });
  });

  it("gives no date when the field is missing or empty", () => {
    expect(postFactOf(PATH, "---\ntitle: Noël\n---\n")).toStrictEqual({ path: PATH, title: "Noël" });
    expect(postFactOf(PATH, "---\ntitle: Noël\ndate:\n---\n")).toStrictEqual({ path: PATH, title: "Noël" });
    expect(postFactOf(PATH, '---\ntitle: Noël\ndate: ""\n---\n')).toStrictEqual({
      path: PATH,
      title: "Noël",
    });
  });

  it("reads a front matter with CRLF line ends", () => {
    expect(postFactOf(PATH, "---\r\ntitle: Noël\r\ndate: 2024-12-10\r\n---\r\nCorps.\r\n")).toStrictEqual({
      path: PATH,
      title: "Noël",
      date: "2024-12-10",
    });
  });
});

describe("publish defaults, written once in the schema", () => {
  it("fill a section left out", () => {
    expect(DEFAULT_CONFIG.publish).toStrictEqual({
      enabled: false,
      approvals: 1,
      method: "squash",
      blockingLabels: ["ne pas publier", "do not merge", "wip"],
      alsoAllow: [],
      reviewers: [],
      requiredChecks: [],
      time: "09:00",
      timezone: "Europe/Paris",
      deleteBranch: false,
      dryRun: false,
      sweepMinutes: 10,
    });
  });

  it("fill the keys a section leaves out, as for a section left out", () => {
    const publish = configSchema.parse({ publish: { enabled: true } }).publish;
    expect(publish).toStrictEqual({ ...DEFAULT_CONFIG.publish, enabled: true });
  });
});
