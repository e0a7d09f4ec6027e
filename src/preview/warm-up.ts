import { memoryFileSource } from "./file-source.js";
import { PreviewSite } from "./preview-site.js";

/**
 * A small site that goes through every stage of a preview: layouts and an include, Liquid with dates in a
 * time zone, kramdown's header ids, smart quotes, a footnote and an attribute list, a code block, and a
 * Sass stylesheet with an import.
 */
const WARM_UP_SITE = new Map<string, string>([
  ["_config.yml", "title: Préchauffage\ntimezone: Europe/Paris\n"],
  [
    "_layouts/default.html",
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="{{ "/css/main.css" | relative_url }}"></head><body>{{ content }}</body></html>',
  ],
  [
    "_layouts/post.html",
    '---\nlayout: default\n---\n<h1>{{ page.title | escape }}</h1>{% include date.html date=page.date %}<img src="/img/a.png" alt="">{{ content }}',
  ],
  ["_includes/date.html", '<time>{{ include.date | date: "%-d %B %Y à %R" }}</time>'],
  [
    "_posts/2024-05-01-essai.md",
    '---\ntitle: "Un essai"\nlayout: post\n---\n## L\'été -- « ici »\n\nTexte[^1] *mis en valeur*.\n{: .note}\n\n```ruby\nputs 1\n```\n\n[^1]: Une note.\n',
  ],
  ["_sass/_base.scss", "$couleur: #123456;\n"],
  ["css/main.scss", '---\n---\n@import "base";\nbody { color: $couleur; }\n'],
  ["img/a.png", ""],
]);

/**
 * Renders the small site above once, so that the process's first real preview does not pay for what only
 * a first render does: loading dart-sass (several megabytes of JavaScript) and compiling the renderer's
 * code paths, setting up `Intl`'s time zones. The app runs it in the background when it starts serving
 * previews; it gives back what it rendered, for its test.
 */
export async function warmUpPreviewRenderer(): Promise<{ html: string; css: string }> {
  const site = await PreviewSite.open(memoryFileSource(WARM_UP_SITE), {
    postGlobs: ["_posts/**/*.md"],
    now: new Date("2024-06-01T10:00:00Z"),
  });
  const page = await site.renderPost("_posts/2024-05-01-essai.md", { commit: "0".repeat(40) });
  const css = await site.renderAsset("/css/main.css");
  return { html: page.html, css: new TextDecoder().decode(css?.bytes) };
}
