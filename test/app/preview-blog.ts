import { signPreviewToken } from "../../src/preview/preview-token.js";
import { blogRepository, HEAD_SHA } from "./blog.js";
import { FakeGitHub, INSTALLATION_ID } from "./fake-github.js";
import { NOW } from "./probot-harness.js";

/** A 1×1 PNG: a real image, which a browser decodes. */
export const PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export const PREVIEW_SECRET = "secret d'aperçu de test";
export const PREVIOUS_SECRET = "ancien secret d'aperçu";
export const PREVIEW_POST = "_posts/2024-03-05-bilan-atelier.md";

/**
 * A post with an image, a stylesheet compiled from Sass with an image in it, a `<script>` and an event
 * handler written by its author (which must not run), and two typography findings (spaces before « : »
 * and « ! ») to be marked in the text.
 */
export function previewPost(): string {
  return [
    "---",
    "title: Bilan de l’atelier",
    "layout: post",
    "authors:",
    "  - jdupont",
    "---",
    "",
    "Nous avons appris beaucoup de choses : merci à tous !",
    "",
    "![Une photo de l'atelier]({{ '/assets/photo.png' | relative_url }})",
    "",
    '<script>document.title = "piraté"; window.relecteurPwned = true;</script>',
    "",
    '<img src="{{ \'/assets/photo.png\' | relative_url }}" alt="encore" onerror="window.relecteurPwned = true">',
    "",
  ].join("\n");
}

export const PREVIEW_SITE_FILES: Record<string, string | Uint8Array> = {
  "_config.yml":
    "title: Le blog\nurl: https://blog.exemple.fr\nbaseurl: /blog\ncollections:\n  authors:\n    output: false\n",
  "_layouts/post.html": [
    "<!doctype html>",
    '<html lang="fr"><head><title>{{ page.title }} · {{ site.title }}</title>',
    '<link rel="stylesheet" href="{{ "/css/main.css" | relative_url }}">',
    "</head><body><main><h1>{{ page.title }}</h1>{{ content }}</main></body></html>",
    "",
  ].join("\n"),
  "css/main.scss":
    "---\n---\n$ink: #123456;\nbody { color: $ink; background: url(../assets/photo.png) no-repeat; }\n",
  "assets/photo.png": PIXEL_PNG,
  Gemfile: "source 'https://rubygems.org'\n",
};

export function previewFake(): FakeGitHub {
  return new FakeGitHub(
    blogRepository({ [PREVIEW_POST]: previewPost() }, { extraFiles: PREVIEW_SITE_FILES }),
  );
}

/** A link's token as the app signs it, for this pull request's head, valid `days` after NOW. */
export function tokenFor(
  overrides: Partial<{ commit: string; path: string; expires: number; secret: string; repo: string }> = {},
): string {
  return signPreviewToken(
    {
      installationId: INSTALLATION_ID,
      owner: "betagouv",
      repo: overrides.repo ?? "blog",
      pullNumber: 12,
      commit: overrides.commit ?? HEAD_SHA,
      path: overrides.path ?? PREVIEW_POST,
      expires: overrides.expires ?? Math.floor(NOW.getTime() / 1000) + 30 * 86_400,
    },
    overrides.secret ?? PREVIEW_SECRET,
  );
}
