/**
 * What a run of prose says about its language: how many words only English uses and how many only French
 * uses. Function words, not vocabulary, so that « startup », « product owner », « design » or « le cloud »
 * in French prose give no English evidence. Words both languages write (`a`, `on`, `or`, `but`, `me`,
 * `son`, `plus`, `an`) count for neither, nor do those that French borrows in set phrases (`in` of « in
 * fine » and of a citation « in *Le Monde* », `no` of « le no code », `us` of « les us et coutumes »).
 */
const ENGLISH = new Set(
  [
    "the and of to is are was were with for from into about this that these those",
    "you we they it its he she his her him them our ours your yours their my",
    "be been being have has had do does did done will would can could should shall may might must",
    "not at by which what who whom whose how why when where there here than then",
    "just only also very more most less some any every each other such same own all both",
    "yourself ourselves themselves itself yet still never always often again because while",
    "during through without within against between upon if make makes made get gets got",
    "know want need think said says say going",
  ]
    .join(" ")
    .split(" "),
);
const FRENCH = new Set(
  [
    "le la les un une des du de et est sont au aux ce cet cette ces il ils elle elles en y",
    "pour par sur dans avec sans sous chez vers entre depuis pendant avant après que qui quoi dont où",
    "ne pas mais ou donc car ni se sa ses leur leurs notre nos votre vos mon ma mes ton ta tes",
    "je tu nous vous lui eux moi toi te être avoir ont fait faire peut faut très aussi bien",
    "comme quand si tout tous toute toutes rien chaque quel quelle quels quelles comment pourquoi",
    "oui non voici voilà déjà encore",
  ]
    .join(" ")
    .split(" "),
);
/** `l'API`, `d'État`, `qu'il`, `jusqu'à`: French elisions. */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/;
/** `don't`, `it's`, `we're`, `I've`, `you'll`, `I'm`, `I'd`: English contractions. */
const CONTRACTION = /.['’](?:s|t|re|ve|ll|m|d)$/;
/** Letters that English words almost never carry. */
const FRENCH_LETTER = /[àâçéèêëîïôùûüÿœæ]/;
const WORD = /[\p{L}'’]+/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;

export interface LanguageEvidence {
  english: number;
  french: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  let english = 0;
  let french = 0;
  for (const [written] of text.matchAll(WORD)) {
    // `IT`, `US`, `UN`: acronyms, not the words they spell.
    if (ACRONYM.test(written)) continue;
    const word = written.toLowerCase();
    if (ELISION.test(word) || FRENCH.has(word) || FRENCH_LETTER.test(word)) french++;
    else if (ENGLISH.has(word) || CONTRACTION.test(word)) english++;
  }
  return { english, french };
}

/**
 * A unit of prose (a sentence, a heading, a list item, a quotation, a link's text) is English when it has
 * English words and no French one (a short heading « Building a design system at scale » has one English
 * word, `at`, and nothing French), or when it is {@link isStronglyEnglish}.
 */
export function isEnglishEvidence(evidence: LanguageEvidence): boolean {
  return (evidence.english > 0 && evidence.french === 0) || isStronglyEnglish(evidence);
}

/** More French than English: a French name or title in an English sentence (« in *L’art de se lancer* »). */
export function isFrenchEvidence({ english, french }: LanguageEvidence): boolean {
  return french > english;
}

/** Enough English to outweigh a few French words: « We met at the Café de la Gare » stays English. */
export function isStronglyEnglish({ english, french }: LanguageEvidence): boolean {
  return english >= 3 && english > french;
}

/** Evidence with nothing in it: a unit such as « Docker Compose » or « Introduction », of no language. */
export function isSilent({ english, french }: LanguageEvidence): boolean {
  return english === 0 && french === 0;
}
