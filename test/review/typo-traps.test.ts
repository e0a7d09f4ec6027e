import { describe, expect, it } from "vitest";
import { runRuleExample } from "../../src/review/examples.js";
import { RULES } from "../../src/review/registry.js";

/**
 * What is never prose, and correct French: every typography and house-style rule must stay silent on each.
 * A bot that cries wolf on URLs, times or code is muted within a week.
 */
const TRAPS: Record<string, string> = {
  "front matter keys and non-text values":
    "---\ntitle: Bilan\nlayout: post\ndate: 2024-03-05 10:30:00 +0100\nauthors: [jean.dupont]\nredirect_from: /ancien:chemin\n---\n",
  "a code span": 'Lancez `npm run build -- --watch ; echo "ok" ... 2ème` maintenant.\n',
  "a fenced code block": 'Avant.\n\n```js\nconst a = { b: "c" }; // Mr, Etat, 87%, 14h30 - ...\n```\n',
  "an indented code block": "Avant.\n\n    x = 'y' ; z = \"w\" ...\n",
  "HTML tags and attributes":
    'Un <span title="Titre : x ; y !">mot</span> et <img alt="x" src="a.png?b=1;c=2">.\n',
  "an HTML block": '<div class="encart">\n  <p style="color: red;">Note</p>\n</div>\n',
  "HTML entities, &nbsp; as a no-break space":
    "Oui&nbsp;: non&#8239;; peut-être&#x202F;! «&nbsp;bien&nbsp;».\n",
  "Liquid tags and outputs": 'Voir {% post_url 2024-01-02-a %} et {{ site.title | append: " : " }} ici.\n',
  "a raw Liquid block": '{% raw %}{{ a : b }} ; {% if x %}"y"{% endif %}{% endraw %}\n',
  "link and image destinations":
    '[Le site](https://exemple.fr/a:b;c?d=1&e="f"...) et ![Une photo](img/2ème-photo.png).\n',
  autolinks: "Écrivez à <contact@exemple.fr> ou voyez <https://exemple.fr/x;y>.\n",
  "bare URLs and e-mail addresses":
    "Voir https://exemple.fr/Etat?x=1;y=2 et www.exemple.fr/a:b, ou contact@exemple.fr.\n",
  "a mailto: address left as text": "Écrivez à mailto:contact@exemple.fr pour nous joindre.\n",
  "footnote labels": "Un fait[^note:1].\n\n[^note:1]: Une source.\n",
  "kramdown attribute lists": '## Un titre {#mon:titre}\n\nUn paragraphe.\n{: .classe style="a:b"}\n',
  emoticons: "Bravo :) et :-( ou ;) et :D.\n",
  "times and ratios": "Rendez-vous à 10:30, écran 16:9, score 3:2.\n",
  "dotted names, domains, versions and abbreviations":
    "Node.Js, Vue.Js, Ember.Data, ASP.NET et D3.Js\u00a0; e.g. gov.uk, i.e. beta.gouv.fr, en v1.2 puis 1.2.3 (etc.).\n",
  "emoji shortcodes": "Bravo :tada: et merci :+1: à toute l’équipe :white_check_mark:\n",
  "a shebang": "Un script commence par #! puis le chemin de l’interpréteur.\n",
  "lone punctuation quoted in a transcript":
    "Le public\u00a0: «\u00a0?\u00a0» Lui\u00a0: «\u00a0!\u00a0» puis “?” et (?) ou (!) et [:].\n",
  "a colon or a question mark that is not prose":
    "À 10:30, std::vector et ::before, la page ?lang=fr et le port :8080/api.\n",
  "an arithmetic minus": "L’année N - 2 (année - 2), soit x - y = 3 et n - 1.\n",
  "a Markdown hard break": "Une ligne  \nune autre ligne.\n",
  "correct French":
    "L’État et l’École\u00a0: «\u00a0une équipe\u202f!\u00a0» Le 2e atelier, le 1er mai, 87\u202f% à 14\u00a0h\u00a030 – enfin… cf. M. Dupont.\n",
  "an English post":
    '---\ntitle: Our team\nlang: en\n---\n\nHello: this is "our" team! Isn\'t it great? Mr Smith, 2nd edition...\n',
  "an English sentence in a French post":
    'Leur devise\u00a0: «\u00a0Done is better than perfect\u00a0». They said: "we are the ones who ship it, and we will do it again".\n',
  "a front matter closed by ...": "---\ntitle: Bilan\nauthors: [a]\n...\n\nTexte.\n",
  "a title quoted over two lines": '---\ntitle: "Un titre\n  long"\n---\n\nTexte.\n',
  "a definition": '[ref]: https://exemple.fr/a;b "Un titre : x"\n',
};

const rules = RULES.filter((rule) => rule.category === "typo" || rule.category === "lexicon");
const config = { lexicon: [{ use: "Pôle emploi", avoid: ["Pôle Emploi"] }, { use: "DevOps" }] };

describe("typography and house style stay silent on what is never prose", () => {
  for (const [name, source] of Object.entries(TRAPS)) {
    it(name, () => {
      const findings = rules.flatMap((rule) => runRuleExample(rule, { source, config }).findings);
      expect(
        findings.map(
          (finding) =>
            `${finding.ruleId} ${finding.range.start.line}:${finding.range.start.column} ${finding.message}`,
        ),
      ).toEqual([]);
    });
  }
});
