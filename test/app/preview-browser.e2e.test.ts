import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startAppServer } from "./http-servers.js";
import { PREVIEW_SECRET, previewFake, tokenFor } from "./preview-blog.js";

/**
 * The built-in preview in a real browser: Debian's Chromium (installed by `npm test`'s pretest, see
 * scripts/ensure-test-services.sh) driven by playwright-core, on the page the app serves. The screenshot
 * is written to test-results/ for a person to look at.
 */

const SCREENSHOT = join(process.cwd(), "test-results", "preview-browser.png");

let app: RunningApp;
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  app = await startAppServer(previewFake(), "secret de webhook", (origin) => ({
    builtInPreview: { publicUrl: origin, secrets: [PREVIEW_SECRET] },
  }));
  profile = mkdtempSync(join(tmpdir(), "relecteur-chromium-"));
  // A fresh profile each run (`--user-data-dir`, which playwright takes as this parameter).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("the built-in preview in headless Chromium", () => {
  it("shows the title and loaded images, runs no script, logs no error, and is saved as a screenshot", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (answer) => {
      if (answer.status() >= 400) problems.push(`${answer.status()} ${answer.url()}`);
    });
    page.on("requestfailed", (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));

    const response = await page.goto(`${app.origin}/relecteur/apercu/${tokenFor()}/?relecture=1`, {
      waitUntil: "load",
    });
    expect(response?.status()).toBe(200);

    expect(await page.title()).toBe("Bilan de l’atelier · Le blog");
    expect(await page.locator("h1").textContent()).toBe("Bilan de l’atelier");
    expect(await page.locator("[data-relecteur=banner]").textContent()).toContain("Aperçu Relecteur");
    // Evaluated in the page: strings, as this project's TypeScript has no DOM types.
    const images = await page.evaluate(
      "[...document.querySelectorAll('main img')].map((image) => ({ complete: image.complete, width: image.naturalWidth }))",
    );
    expect(images).toEqual([
      { complete: true, width: 1 },
      { complete: true, width: 1 },
    ]);
    // The stylesheet compiled from Sass applied: its colour is the body's.
    expect(await page.evaluate("getComputedStyle(document.body).color")).toBe("rgb(18, 52, 86)");
    // The post's `<script>` and `onerror` did not run.
    expect(await page.evaluate("typeof window.relecteurPwned")).toBe("undefined");
    expect(await page.title()).not.toContain("piraté");
    expect(await page.locator("mark").count()).toBe(2);
    expect(problems).toEqual([]);

    mkdirSync(join(process.cwd(), "test-results"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(1000);
    await page.close();
  });
});
