import type { Properties } from "hast";

/**
 * kramdown's attribute lists: `{: .class #id key="value" ref}` (an IAL, which sets attributes) and
 * `{:ref: .class}` (an ALD, which names a list for IALs to refer to). The patterns follow
 * kramdown/parser/kramdown/extensions.rb: values must be quoted.
 */
export interface AttributeList {
  classes: string[];
  id?: string;
  attributes: Record<string, string>;
  /** Bare names: references to ALDs, or `toc`. */
  references: string[];
}

const PAIR = /([A-Za-z0-9_][\w-]*)=("|')((?:\\\}|\\.|(?!\2)[^}])*?)\2/y;
const CLASS = /\.(-?[A-Za-z0-9_][\w-]*)/y;
const ID = /#([A-Za-z][\w:-]*)/y;
const REFERENCE = /([A-Za-z0-9_][\w-]*)/y;

/** One IAL written alone: `{: …}` (with or without the space after the colon). */
export const IAL_ONLY = /^\{:(?![:/])((?:\\\}|[^}])*)\}$/;
/** An ALD: `{:name: …}`. */
export const ALD_ONLY = /^\{:([A-Za-z0-9_][\w-]*):((?:\\\}|[^}])*)\}$/;
/** A block extension kramdown reads and we drop: `{::options … /}`, `{::comment}…{:/comment}`, `{:/}`. */
export const EXTENSION_ONLY = /^\{::[a-z]+[^}]*\/\}$|^\{:\/[a-z]*\}$/;

export function parseAttributeList(text: string): AttributeList {
  const list: AttributeList = { classes: [], attributes: {}, references: [] };
  let index = 0;
  while (index < text.length) {
    if (/\s/.test(text[index] ?? "")) {
      index += 1;
      continue;
    }
    const matched = matchAt(PAIR, text, index) ?? matchAt(CLASS, text, index) ?? matchAt(ID, text, index);
    const reference = matched ? undefined : matchAt(REFERENCE, text, index);
    const match = matched ?? reference;
    if (!match) {
      index += 1; // kramdown warns and skips what it cannot read.
      continue;
    }
    if (match.pattern === PAIR)
      list.attributes[match.groups[1] as string] = (match.groups[3] ?? "").replace(/\\(.)/g, "$1");
    else if (match.pattern === CLASS) list.classes.push(match.groups[1] as string);
    else if (match.pattern === ID) list.id = match.groups[1];
    else list.references.push(match.groups[1] as string);
    index = match.end;
  }
  return list;
}

/** The hast properties an attribute list sets (an `id` in `key="v"` form counts too). */
export function attributeProperties(list: AttributeList): Properties {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(list.attributes)) {
    if (name === "class") list.classes.push(...value.split(/\s+/).filter(Boolean));
    else properties[name] = value;
  }
  if (list.id !== undefined) properties.id = list.id;
  if (list.classes.length > 0) properties.className = [...list.classes];
  return properties;
}

function matchAt(
  pattern: RegExp,
  text: string,
  index: number,
): { pattern: RegExp; groups: RegExpExecArray; end: number } | undefined {
  pattern.lastIndex = index;
  const groups = pattern.exec(text);
  return groups ? { pattern, groups, end: pattern.lastIndex } : undefined;
}
