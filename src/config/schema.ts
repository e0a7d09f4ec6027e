import * as z from "zod";
import { MIN_APPROVALS } from "../publish/publish-policy.js";
import { isValidTimeZone } from "../publish/zoned-time.js";

/**
 * The one schema of `.github/relecteur.yml`: types, defaults and the JSON Schema for editors all come
 * from here. Every key is optional; objects are strict so that a typo in a key is reported, not ignored.
 * Each default is written once, on its key: a section left out is `prefault({})`, read as an empty
 * section whose keys take their own defaults.
 */

const ruleLevel = z.enum(["off", "info", "warning", "error"]);

const lexiconEntry = z
  .object({
    use: z.string().min(1).describe("La graphie de la charte éditoriale."),
    avoid: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Les graphies à signaler (mots entiers, casse respectée). Sans elle\u00a0: toute autre casse de `use`.",
      ),
    message: z.string().optional().describe("Un message propre à ce terme."),
  })
  .strict();

export const configSchema = z
  .object({
    _extends: z
      .string()
      .optional()
      .describe("Configuration à reprendre d’un autre dépôt (Probot `_extends`)."),
    posts: z
      .array(z.string().min(1))
      .default(["_posts/**/*.md", "_posts/**/*.markdown"])
      .describe("Motifs (globs) des fichiers d’articles, depuis la racine du dépôt."),
    locale: z.enum(["fr", "en"]).default("fr").describe("Langue des messages de Relecteur."),
    site: z
      .object({
        url: z
          .url()
          .optional()
          .describe(
            "Adresse du site\u202f; par défaut la clé `url` de `_config.yml`. Les liens vers elle sont internes.",
          ),
      })
      .strict()
      .prefault({}),
    frontmatter: z
      .object({
        required: z.array(z.string().min(1)).default(["title"]).describe("Champs obligatoires de l’en-tête."),
        authorsCollection: z
          .string()
          .min(1)
          .default("_authors")
          .describe("Dossier des auteurs\u00a0: chaque id de `authors` doit nommer `<dossier>/<id>.md`."),
        excerptSeparator: z
          .enum(["required", "optional"])
          .default("optional")
          .describe(
            "`required`\u00a0: chaque article doit contenir le séparateur d’extrait de `_config.yml`.",
          ),
      })
      .strict()
      .prefault({}),
    markdown: z
      .object({
        listMarker: z
          .enum(["-", "*", "+", "consistent"])
          .default("consistent")
          .describe(
            "Puce des listes non ordonnées\u00a0: `-`, `*`, `+` ou `consistent` (la même dans tout l’article).",
          ),
      })
      .strict()
      .prefault({}),
    typography: z
      .object({
        nbsp: z
          .enum(["narrow", "regular", "off"])
          .default("narrow")
          .describe(
            "Espace insécable insérée par les corrections\u00a0: fine (`narrow`), normale (`regular`) ou aucune règle (`off`).",
          ),
        // No default: unset, the apostrophe rule follows what the site's Markdown converter publishes.
        apostrophe: z
          .enum(["typographic", "straight", "any"])
          .optional()
          .describe(
            "Apostrophe attendue dans le texte source\u00a0: typographique `’`, droite `'` ou l’une ou l’autre. Sans elle\u00a0: `’`, sauf quand kramdown (`smart_quotes` par défaut) convertit déjà les apostrophes droites, où la règle se tait.",
          ),
        lang: z
          .enum(["fr", "en"])
          .optional()
          .describe(
            "Langue de tous les articles qui n’indiquent pas la leur (`lang`, `language` ou `locale` du front matter)\u00a0: ni le `lang` du site ni la détection ne jouent alors.",
          ),
      })
      .strict()
      .prefault({}),
    lexicon: z
      .array(lexiconEntry)
      .default([])
      .describe("Charte éditoriale\u00a0: termes à employer et graphies à éviter."),
    links: z
      .object({
        external: z.boolean().default(true).describe("Vérifier les liens externes (requêtes HTTP)."),
        allowPrivateAddresses: z
          .boolean()
          .default(false)
          .describe("Autoriser les requêtes vers des adresses privées ou locales."),
        skip: z
          .array(z.string().min(1))
          .default(["linkedin.com", "x.com", "twitter.com"])
          .describe("Hôtes jamais interrogés."),
        deprecated: z
          .array(z.object({ prefix: z.string().min(1), use: z.string().min(1) }).strict())
          .default([])
          .describe("Préfixes d’adresse à remplacer."),
      })
      .strict()
      .prefault({}),
    rules: z
      .record(z.string(), ruleLevel)
      .default({})
      .describe("Niveau de chaque règle par son id\u00a0: `off`, `info`, `warning` ou `error`."),
    review: z
      .object({
        maxSuggestions: z
          .number()
          .int()
          .min(0)
          .default(25)
          .describe("Nombre maximal de suggestions postées par revue."),
        timeoutSeconds: z
          .number()
          .positive()
          .max(600)
          .default(20)
          .describe(
            "Délai de relecture d’un article, en secondes\u00a0: au-delà, la relecture est interrompue et l’article reçoit `markdown/too-complex`.",
          ),
        scope: z
          .enum(["changed", "file"])
          .default("changed")
          .describe(
            "Dans un article que la pull request modifie, relever ce qu’elle a changé (`changed`) ou tout l’article (`file`).",
          ),
      })
      .strict()
      .prefault({}),
    preview: z
      .object({
        url: z
          .string()
          .optional()
          .describe(
            "Modèle d’adresse de l’aperçu\u00a0: `{number}` (pull request) et `{permalink}` (article).",
          ),
        statusContext: z
          .string()
          .optional()
          .describe(
            "Motif (glob) du contexte des statuts de commit dont l’adresse (`target_url`) est un aperçu déployé, en plus de `*/deploy-preview` (Netlify).",
          ),
        private: z
          .boolean()
          .default(false)
          .describe(
            "Aperçu intégré sur un dépôt privé\u00a0: un lien signé se lit par quiconque le détient, il est donc désactivé par défaut.",
          ),
        expiresDays: z
          .number()
          .int()
          .min(1)
          .max(365)
          .default(30)
          .describe("Durée de validité, en jours, d’un lien d’aperçu intégré signé."),
      })
      .strict()
      .prefault({}),
    publish: z
      .object({
        enabled: z
          .boolean()
          .default(false)
          .describe("Fusionner les articles approuvés à leur date de publication."),
        approvals: z
          .number()
          .int()
          .min(MIN_APPROVALS)
          .default(1)
          .describe("Nombre d’approbations du dernier commit requises (au moins 1)."),
        method: z
          .enum(["squash", "merge", "rebase"])
          .default("squash")
          .describe("Méthode de fusion\u00a0: `squash`, `merge` ou `rebase`."),
        label: z
          .string()
          .min(1)
          .optional()
          .describe("Étiquette que la pull request doit porter pour être publiée."),
        blockingLabels: z
          .array(z.string().min(1))
          .default(["ne pas publier", "do not merge", "wip"])
          .describe("Étiquettes qui empêchent la publication (casse ignorée)."),
        alsoAllow: z
          .array(z.string().min(1))
          .default([])
          .describe("Motifs des fichiers qu’une pull request publiée peut toucher en plus des articles."),
        reviewers: z
          .array(z.string().min(1))
          .default([])
          .describe("Relecteurs dont l’approbation compte sans droit d’écriture sur le dépôt."),
        requiredChecks: z
          .array(z.string().min(1))
          .default([])
          .describe("Vérifications qui doivent avoir réussi\u202f; absentes, elles sont attendues."),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "une heure HH:MM est attendue, comme 09:00")
          .default("09:00")
          .describe("Heure de publication d’un article dont la date n’a pas d’heure (`HH:MM`)."),
        timezone: z
          .string()
          .refine(isValidTimeZone, "fuseau horaire IANA inconnu")
          .default("Europe/Paris")
          .describe("Fuseau horaire de `time` et des dates sans décalage."),
        deleteBranch: z
          .boolean()
          .default(false)
          .describe("Supprimer la branche de la pull request après la fusion, si elle est dans le dépôt."),
        dryRun: z.boolean().default(false).describe("Dire ce que Relecteur ferait, sans fusionner."),
        sweepMinutes: z
          .number()
          .int()
          .min(1)
          .max(1440)
          .default(10)
          .describe("Minutes entre deux recherches des publications programmées arrivées à échéance."),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type RuleLevel = z.output<typeof ruleLevel>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});
