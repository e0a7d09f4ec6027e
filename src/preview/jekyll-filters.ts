import type { Liquid } from "liquidjs";
import { toZonedDate } from "./jekyll-dates.js";
import type { KramdownOptions } from "./kramdown-options.js";
import { markdownToHtml } from "./markdown-to-html.js";
import { rubyStrftime } from "./ruby-strftime.js";
import { typographize } from "./typography.js";

/** What Jekyll's filters need to know of the site. */
export interface FilterSite {
  /** `url` of `_config.yml`, without trailing slash ("" when unset). */
  url: string;
  /** `baseurl`, normalized: "" or `/blog`. */
  baseurl: string;
  zone: string;
  now: Date;
  kramdown: KramdownOptions;
}

/**
 * Jekyll's own filters (Jekyll::Filters, Jekyll::Filters::URLFilters) over liquidjs's, where liquidjs lacks
 * them or differs: dates use Ruby's strftime in the site's zone; `slugify` follows Jekyll's Utils.slugify.
 * liquidjs already has `where`, `where_exp`, `group_by`, `sort`, `xml_escape`, `cgi_escape`, `uri_escape`,
 * `number_of_words`, `array_to_sentence_string`, `normalize_whitespace` and `jsonify` as Jekyll has them.
 */
export function registerJekyllFilters(liquid: Liquid, site: FilterSite): void {
  const date = (value: unknown) => toZonedDate(value, site.zone, site.now);
  const format = (value: unknown, pattern: string) => {
    const parsed = date(value);
    return parsed === undefined ? value : rubyStrftime(parsed, pattern, parsed.zone);
  };
  liquid.registerFilter("relative_url", (input: unknown) => relativeUrl(input, site.baseurl));
  liquid.registerFilter("absolute_url", (input: unknown) => absoluteUrl(input, site));
  liquid.registerFilter("markdownify", (input: unknown) =>
    markdownToHtml(String(input ?? ""), site.kramdown),
  );
  liquid.registerFilter("smartify", (input: unknown) => typographize(String(input ?? ""), "", site.kramdown));
  liquid.registerFilter("slugify", (input: unknown, mode?: unknown) =>
    input === undefined || input === null
      ? input
      : jekyllSlugify(String(input), typeof mode === "string" ? mode : "default"),
  );
  liquid.registerFilter("date", (input: unknown, pattern?: unknown) =>
    typeof pattern !== "string" || pattern === "" ? input : format(input, pattern),
  );
  liquid.registerFilter("date_to_xmlschema", (input: unknown) => format(input, "%Y-%m-%dT%H:%M:%S%:z"));
  liquid.registerFilter("date_to_rfc822", (input: unknown) => format(input, "%a, %d %b %Y %H:%M:%S %z"));
  liquid.registerFilter("date_to_string", (input: unknown, type?: unknown, style?: unknown) =>
    stringifyDate(input, "%b", type, style, format),
  );
  liquid.registerFilter("date_to_long_string", (input: unknown, type?: unknown, style?: unknown) =>
    stringifyDate(input, "%B", type, style, format),
  );
  liquid.registerFilter("normalize_whitespace", (input: unknown) =>
    String(input ?? "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  liquid.registerFilter("group_by", (input: unknown, property: unknown) =>
    groupBy(input, String(property ?? "")),
  );
  // dart-sass is large: loaded only when a template uses these filters.
  const sassify = (syntax: "indented" | "scss") => async (input: unknown) =>
    (await import("sass")).compileString(String(input ?? ""), { syntax, style: "expanded" }).css;
  liquid.registerFilter("sassify", sassify("indented"));
  liquid.registerFilter("scssify", sassify("scss"));
}

/** Jekyll's `group_by`: `{name, items, size}` for each value of the property, as a string, in order of appearance. */
function groupBy(input: unknown, property: string): { name: string; items: unknown[]; size: number }[] {
  const items = Array.isArray(input) ? input : [];
  const groups = new Map<string, unknown[]>();
  for (const item of items) {
    let value: unknown = item;
    for (const key of property.split(".")) {
      value =
        value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    }
    const name = value === undefined || value === null ? "" : String(value);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return [...groups].map(([name, members]) => ({ name, items: members, size: members.length }));
}

export function relativeUrl(input: unknown, baseurl: string): unknown {
  if (input === undefined || input === null) return input;
  const text = String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//")) return text;
  const joined = `${baseurl}/${text.replace(/^\/+/, "")}`;
  return encodeURI(safeDecode(joined.startsWith("/") ? joined : `/${joined}`));
}

function absoluteUrl(input: unknown, site: FilterSite): unknown {
  if (input === undefined || input === null) return input;
  const text = String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return `${site.url}${relativeUrl(text, site.baseurl)}`;
}

/** Jekyll's `stringify_date`: `%d %b %Y`, or with `ordinal` `6th Jul 2017` (US: `Jul 6th, 2017`). */
function stringifyDate(
  input: unknown,
  month: string,
  type: unknown,
  style: unknown,
  format: (value: unknown, pattern: string) => unknown,
): unknown {
  if (input === undefined || input === null || input === "") return input;
  if (type !== "ordinal") return format(input, `%d ${month} %Y`);
  const day = Number(format(input, "%-d"));
  if (!Number.isFinite(day)) return input;
  const ordinal = `${day}${ordinalSuffix(day)}`;
  return format(input, style === "US" ? `${month} ${ordinal}, %Y` : `${ordinal} ${month} %Y`);
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return "th";
  return ["th", "st", "nd", "rd"][day % 10] ?? "th";
}

/** Jekyll's Utils.slugify (not cased): `default`, `raw`, `pretty`, `ascii`, `latin`, `none`. */
export function jekyllSlugify(text: string, mode: string): string {
  if (mode === "none") return text;
  const replaceable: Record<string, RegExp> = {
    raw: /\s+/g,
    default: /[^\p{M}\p{L}\p{Nd}]+/gu,
    pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
    ascii: /[^a-zA-Z0-9]+/g,
    latin: /[^a-zA-Z0-9]+/g,
  };
  const source = mode === "latin" ? text.normalize("NFD").replace(/\p{M}/gu, "") : text;
  const pattern = replaceable[mode] ?? (replaceable.default as RegExp);
  return source
    .replace(pattern, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
