import type { SiteFacts } from "./infer-config.js";

const NNBSP = "\u202f";
/** French punctuation of the comments written, as Relecteur's own rules ask: `: ; ! ?` after a narrow space. */
const fr = (text: string) => text.replace(/ ([:;!?])(?=\s|$)/g, `${NNBSP}$1`).replace(/'/g, "’");

const percent = (share: number) => `${Math.round(share * 100)}${NNBSP}%`;

/**
 * The `.github/relecteur.yml` that `relecteur init` writes: the keys the site's facts justify, each with a
 * French comment saying why, and the defaults left out (every key is optional).
 */
export function renderInitialConfig(facts: SiteFacts): string {
  const lines = [
    fr(
      `# Configuration de Relecteur, écrite par «\u00a0relecteur init\u00a0» d’après le site (${facts.postCount} articles).`,
    ),
    fr("# Chaque clé est facultative\u00a0: ce qui n’est pas écrit ici prend sa valeur par défaut."),
    fr(
      "# Référence\u00a0: la section «\u00a0Configuration\u00a0» du README de Relecteur\u202f; «\u00a0relecteur explain RÈGLE\u00a0» explique une règle.",
    ),
    "",
  ];
  const frontmatter: string[] = [];
  // The title first, always: Relecteur's own default, and what every post needs.
  const required = ["title", ...facts.commonFields.map(({ key }) => key).filter((key) => key !== "title")];
  const counts = facts.commonFields.map(({ key, count }) => `${key} ${count}/${facts.postCount}`).join(", ");
  frontmatter.push(
    fr(
      `  # Champs présents dans au moins 90${NNBSP}% des articles${counts ? ` (${counts})` : ""}\u00a0: obligatoires.`,
    ),
    `  required: [${required.map(yamlScalar).join(", ")}]`,
  );
  if (facts.authorsCollection) {
    const { folder, key, known, used } = facts.authorsCollection;
    frontmatter.push(
      fr(
        `  # Les auteurs nommés par «\u00a0${key}\u00a0» ont leur fiche dans ${folder}/ (${known} mentions connues sur ${used}).`,
      ),
      `  authorsCollection: ${yamlScalar(folder)}`,
    );
  }
  if (
    facts.excerptSeparator &&
    facts.postCount > 0 &&
    facts.excerptSeparator.count >= 0.9 * facts.postCount
  ) {
    frontmatter.push(
      fr(
        `  # Le séparateur d’extrait de _config.yml figure dans ${facts.excerptSeparator.count} articles sur ${facts.postCount}.`,
      ),
      "  excerptSeparator: required",
    );
  }
  lines.push("frontmatter:", ...frontmatter, "");
  if (facts.listMarker) {
    const { marker, share, total, dominant } = facts.listMarker;
    lines.push(
      "markdown:",
      dominant
        ? fr(
            `  # Puce la plus employée\u00a0: «\u00a0${marker}\u00a0» (${percent(share)} des ${total} éléments de liste).`,
          )
        : fr(
            `  # Aucune puce ne domine («\u00a0${marker}\u00a0»\u00a0: ${percent(share)} de ${total})\u00a0: la même dans tout l’article.`,
          ),
      `  listMarker: ${dominant ? JSON.stringify(marker) : "consistent"}`,
      "",
    );
  }
  lines.push(...typographyLines(facts), "");
  lines.push(...siteComments(facts));
  lines.push(
    fr("# Niveau d’une règle\u00a0: off, info, warning ou error. Par exemple\u00a0:"),
    "# rules:",
    '#   "typo/apostrophe": off',
    "",
    fr("# Publication des articles approuvés à leur date (désactivée par défaut)\u00a0:"),
    "# publish:",
    "#   enabled: true",
    "#   approvals: 1",
    "",
  );
  return `${lines.join("\n")}`;
}

function typographyLines(facts: SiteFacts): string[] {
  const lines = [
    "typography:",
    fr("  # Espace insécable des corrections\u00a0: fine (narrow), normale (regular) ou aucune (off)."),
    "  nbsp: narrow",
  ];
  if (facts.siteLang) {
    // Relecteur reads the site's `lang` itself; `typography.lang` would also turn off the detection of each
    // post's language, so it is only mentioned.
    lines.push(
      fr(
        `  # Langue du site (lang de _config.yml)\u00a0: ${facts.siteLang}\u202f; la langue d’un article se lit dans son en-tête, sinon dans son texte.`,
      ),
    );
  }
  if (facts.languageKey) {
    const values = Object.entries(facts.languageKey.values)
      .map(([value, count]) => `${value}\u00a0: ${count}`)
      .join(", ");
    lines.push(
      fr(
        `  # Les articles indiquent leur langue par «\u00a0${facts.languageKey.key}\u00a0» (${values})\u202f; un article en anglais ne reçoit pas les règles de typographie française.`,
      ),
    );
  }
  return lines;
}

function siteComments(facts: SiteFacts): string[] {
  const lines: string[] = [];
  if (facts.url) {
    lines.push(
      fr(
        `# Adresse du site lue dans _config.yml\u00a0: ${facts.url}${facts.baseurl ? ` (baseurl ${facts.baseurl})` : ""}\u202f; les liens vers elle sont internes.`,
      ),
    );
  }
  if (facts.plugins.length > 0) {
    lines.push(
      fr(
        `# Plugins de _config.yml\u00a0: ${facts.plugins.join(", ")}\u202f; les pages qu’ils produisent comptent comme existantes.`,
      ),
    );
  }
  return lines.length > 0 ? [...lines, ""] : [];
}

/** A YAML scalar, quoted only when it must be. */
function yamlScalar(value: string): string {
  return /^[\w./-]+$/.test(value) && !/^(true|false|null|yes|no|~|\d)/i.test(value)
    ? value
    : JSON.stringify(value);
}
