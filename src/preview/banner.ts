import type { Element, ElementContent } from "hast";

export interface BannerOptions {
  /** The commit the page was rendered at (shown as its first 7 characters). */
  commit?: string;
  /** Where « Aperçu Relecteur » leads: the pull request, in the app. */
  pullRequestUrl?: string;
  /** What the preview could not reproduce. */
  omissions: readonly string[];
}

const BOX =
  "all:initial;display:block;box-sizing:border-box;width:100%;position:relative;z-index:2147483647;" +
  "margin:0;padding:8px 16px;background:#1d2b44;color:#fff;font:14px/1.5 system-ui,-apple-system,sans-serif;";
const TEXT = "all:initial;color:inherit;font:inherit;";
const LINK = "all:initial;color:#fff;font:inherit;font-weight:bold;text-decoration:underline;cursor:pointer;";

/**
 * The banner on top of a preview: « Aperçu Relecteur · commit abc1234 · rendu proche de Jekyll », then
 * what was left out, folded (a `<details>`, which needs no script). Its styles are inline and reset, so
 * that the site's stylesheet does not restyle it.
 */
export function previewBanner(options: BannerOptions): Element {
  const title: ElementContent = options.pullRequestUrl
    ? {
        type: "element",
        tagName: "a",
        properties: { href: options.pullRequestUrl, style: LINK },
        children: [text("Aperçu Relecteur")],
      }
    : {
        type: "element",
        tagName: "strong",
        properties: { style: `${TEXT}font-weight:bold;` },
        children: [text("Aperçu Relecteur")],
      };
  const parts: ElementContent[] = [title];
  if (options.commit) parts.push(text(` · commit ${options.commit.slice(0, 7)}`));
  parts.push(text(" · rendu proche de Jekyll"));
  const children: ElementContent[] = [
    { type: "element", tagName: "span", properties: { style: TEXT }, children: parts },
  ];
  if (options.omissions.length > 0) {
    children.push({
      type: "element",
      tagName: "details",
      properties: { style: `${TEXT}display:block;margin-top:4px;` },
      children: [
        {
          type: "element",
          tagName: "summary",
          properties: { style: `${TEXT}display:list-item;cursor:pointer;` },
          children: [text(`Non reproduit (${options.omissions.length})`)],
        },
        {
          type: "element",
          tagName: "ul",
          properties: { style: `${TEXT}display:block;margin:4px 0 0 20px;padding:0;` },
          children: options.omissions.map(
            (item): ElementContent => ({
              type: "element",
              tagName: "li",
              properties: { style: `${TEXT}display:list-item;list-style:disc;` },
              children: [text(item)],
            }),
          ),
        },
      ],
    });
  }
  return {
    type: "element",
    tagName: "div",
    properties: { dataRelecteur: "banner", role: "note", lang: "fr", style: BOX },
    children,
  };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
