import type { Config } from "../../config/schema.js";
import { languageCode } from "../../site/language-tag.js";
import type { Site } from "../../site/site.js";
import type { ParsedPost } from "../parse-post.js";
import { type LanguageEvidence, languageEvidence } from "./language-evidence.js";
import type { ProseBlock } from "./prose-block.js";

/** The front matter keys that sites write a post's language under, the first one set winning. */
export const FRONT_MATTER_LANGUAGE_KEYS = ["lang", "language", "locale"] as const;

export interface PostLanguage {
  /** A language code: `fr`, `en`, or another (a post in German gets no French rule either). */
  code: string;
  /**
   * What said it: the post's front matter; `typography.lang` in Relecteur's config; the site's `lang` in
   * `_config.yml` or Relecteur's own default (French), both overruled by prose clearly in the other language;
   * or that prose.
   */
  from: "front-matter" | "config" | "site" | "default" | "prose";
}

/**
 * A post's language. A marker in its front matter wins over everything; then `typography.lang`, which
 * a maintainer sets to say that every post is in that language, detection off. The site's `lang` is only a
 * default: real blogs with `lang: fr` publish unmarked English posts, so a post whose prose is clearly in
 * the other language ({@link clearLanguage}) is taken for what it is written in.
 */
export function postLanguage(
  post: ParsedPost,
  prose: readonly ProseBlock[],
  config: Config,
  site: Site,
): PostLanguage {
  const frontMatter = post.frontMatter;
  if (frontMatter.kind === "present") {
    for (const key of FRONT_MATTER_LANGUAGE_KEYS) {
      const code = languageCode(frontMatter.data[key]);
      if (code) return { code, from: "front-matter" };
    }
  }
  if (config.typography.lang) return { code: config.typography.lang, from: "config" };
  const presumed: PostLanguage = site.jekyll.lang
    ? { code: site.jekyll.lang, from: "site" }
    : { code: "fr", from: "default" };
  const evidence = { english: 0, french: 0 };
  for (const block of prose) {
    const { english, french } = languageEvidence(block.text);
    evidence.english += english;
    evidence.french += french;
  }
  const written = clearLanguage(evidence);
  return written && written !== presumed.code ? { code: written, from: "prose" } : presumed;
}

/**
 * The language that a whole post's function words leave no doubt about: at least {@link MINIMUM_WORDS} of
 * its words, and more than three times as many as the other's. A French post that quotes English talks
 * keeps most of its function words French; an English post that names « la Gare de Lyon » barely has any.
 */
export function clearLanguage({ english, french }: LanguageEvidence): "en" | "fr" | undefined {
  if (english >= MINIMUM_WORDS && english > 3 * french) return "en";
  if (french >= MINIMUM_WORDS && french > 3 * english) return "fr";
  return undefined;
}

const MINIMUM_WORDS = 5;
