import type { Locale } from "../review/types.js";

/** Where a post's preview link comes from, best first. */
export type PreviewKind = "deployment" | "template" | "builtin";

export interface PostPreview {
  /** Absent with `url`: no link yet, but a place for a deployment's. */
  kind?: PreviewKind;
  url?: string;
  /** The built-in preview with the review's findings marked in the text (`?relecture=1`). */
  annotatedUrl?: string;
  /** The commit the link belongs to: a deployment of another commit never replaces it. */
  commit: string;
  /** The post's URL path without baseurl, for a deployment's deep link. */
  permalink?: string;
  baseurl: string;
}

const LABELS = {
  fr: {
    deployment: "aperçu",
    template: "aperçu",
    builtin: "aperçu Relecteur",
    annotated: "avec les remarques",
  },
  en: {
    deployment: "preview",
    template: "preview",
    builtin: "Relecteur preview",
    annotated: "with the findings",
  },
} as const;

const START = "<!-- relecteur:preview ";
const END = "<!-- /relecteur:preview -->";
/** One post's preview part of its links line, with what a deployment needs to replace it. */
const BLOCK = /<!-- relecteur:preview ([^>]*?) -->(.*?)<!-- \/relecteur:preview -->/g;

/**
 * The end of a post's links line in the summary comment: ` · [aperçu](…)`, between two hidden markers that
 * carry the commit, baseurl and permalink, so that a deployment reported later can put its own link there
 * without the review being run again.
 */
export function renderPreviewLinks(preview: PostPreview, locale: Locale): string {
  const labels = LABELS[locale];
  const fields = {
    commit: preview.commit,
    baseurl: preview.baseurl,
    permalink: preview.permalink ?? "",
    lang: locale,
  };
  const meta = Object.entries(fields)
    .map(([key, value]) => `${key}=${encodeField(value)}`)
    .join(" ");
  let links =
    preview.url === undefined
      ? ""
      : ` · [${labels[preview.kind ?? "template"]}](${linkDestination(preview.url)})`;
  if (preview.annotatedUrl) links += ` ([${labels.annotated}](${linkDestination(preview.annotatedUrl)}))`;
  return `${START}${meta} -->${links}${END}`;
}

/**
 * The summary comment with the links of the posts reviewed at `commit` pointing at a deployment of that
 * commit (`deploymentUrl`): each post at its permalink there. Posts of another commit (the pull request
 * moved on since) keep their links; the body is returned unchanged when nothing is to change.
 */
export function withDeploymentLinks(body: string, commit: string, deploymentUrl: string): string {
  return body.replace(BLOCK, (whole, meta: string) => {
    const fields = parseFields(meta);
    if (fields.commit !== commit || fields.permalink === undefined || fields.permalink === "") return whole;
    const locale: Locale = fields.lang === "en" ? "en" : "fr";
    return renderPreviewLinks(
      {
        kind: "deployment",
        url: deepLink(deploymentUrl, fields.baseurl ?? "", fields.permalink),
        commit,
        permalink: fields.permalink,
        baseurl: fields.baseurl ?? "",
      },
      locale,
    );
  });
}

/**
 * A post's address on a deployment: its permalink under the deployment's address, `baseurl` included,
 * unless the address already ends with it (GitHub Pages reports `https://owner.github.io/repo/`).
 */
export function deepLink(deploymentUrl: string, baseurl: string, permalink: string): string {
  const url = new URL(deploymentUrl);
  const base = url.pathname.replace(/\/+$/, "");
  const trimmedBaseurl = baseurl.replace(/\/+$/, "");
  const prefix = trimmedBaseurl !== "" && base.endsWith(trimmedBaseurl) ? base : `${base}${trimmedBaseurl}`;
  return `${url.origin}${prefix}${encodeURI(permalink).replace(/%25([0-9A-F]{2})/gi, "%$1")}`;
}

function parseFields(meta: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of meta.split(" ")) {
    const equals = pair.indexOf("=");
    if (equals === -1) continue;
    try {
      fields[pair.slice(0, equals)] = decodeURIComponent(pair.slice(equals + 1));
    } catch {
      // A marker edited by hand: that field is ignored.
    }
  }
  return fields;
}

/** Inside an HTML comment, `--` and `>` would end it early: both are escaped. */
function encodeField(value: string): string {
  return encodeURIComponent(value).replace(/-/g, "%2D");
}

function linkDestination(url: string): string {
  const safe = url.replace(/[<>\s]/g, (character) => encodeURIComponent(character));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}
