/**
 * Language names that sites write instead of a code (`language: English`), and the three-letter codes of
 * ISO 639-2, by their two-letter code. Only the
 * languages a French tech blog is likely to mark; an unknown name is no marker at all.
 */
const NAMES: Record<string, string> = {
  eng: "en",
  fra: "fr",
  fre: "fr",
  deu: "de",
  ger: "de",
  english: "en",
  anglais: "en",
  french: "fr",
  français: "fr",
  francais: "fr",
  german: "de",
  deutsch: "de",
  allemand: "de",
  spanish: "es",
  español: "es",
  espanol: "es",
  espagnol: "es",
  italian: "it",
  italiano: "it",
  italien: "it",
};

/**
 * The language code (`en`, `fr`…) of a language marker as sites write it: a BCP 47 tag (`en`, `en-US`,
 * `fr-FR`), a POSIX locale (`en_GB`, `fr_FR.UTF-8`) or a name (`English`, `français`). Undefined when the
 * value says nothing readable (a list, a number, `klingon`): the next source of the language decides.
 */
export function languageCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const written = value.trim().toLowerCase();
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*(?:\.[\w-]+)?$/.exec(written);
  if (tag && !(written in NAMES)) return tag[1];
  return NAMES[written];
}
