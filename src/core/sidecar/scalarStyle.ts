import type { Schema } from 'yaml';

// How the yaml library writes one string value with the options sidecars are written with (no
// line folding, no block scalars, values with a line break always "double-quoted"), done here
// step by step as yaml does it, since asking yaml (a document and a context per value) is most
// of the time it takes to write a sidecar. Tests hold it to yaml's own output.

/** yaml writes these "double-quoted" whatever else they hold: control characters, lone surrogates. */
// eslint-disable-next-line no-control-regex
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** The same, surrogate pairs (emoji) included: the quick test that comes first. */
// eslint-disable-next-line no-control-regex
const MAYBE_FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;
/** yaml's rule for what cannot be a plain scalar: an indicator first, ": ", " #", a space or colon last ... */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Multiline as yaml's: a line or paragraph separator (U+2028, U+2029) starts a line too. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;
/** The first characters of what the YAML 1.2 core schema reads as null, a boolean or a number. */
const OTHER_TYPE_START = /^[~nNtTfF0-9+.-]/;
const FLOW_INDICATOR = /[[\]{},]/;

/**
 * The value as yaml writes it in a block mapping (`inFlow` false) or a flow list; `schema` is
 * that of the document, whose types (numbers, booleans, null) a plain scalar must not look like.
 */
export function styleScalar(value: string, inFlow: boolean, schema: Schema): string {
  if (value.includes('\n') || (MAYBE_FORCE_DOUBLE.test(value) && FORCE_DOUBLE.test(value))) return doubleQuoted(value);
  if (value === '' || NOT_PLAIN.test(value)) return quoted(value);
  // In a list, items are indented, so a document marker (---) is no danger to them.
  if (inFlow ? FLOW_INDICATOR.test(value) : DOCUMENT_MARKER.test(value)) return quoted(value);
  return OTHER_TYPE_START.test(value) && looksLikeOtherType(value, schema) ? quoted(value) : value;
}

/** The tests of the schema's types other than strings, by schema. */
const typeTests = new WeakMap<Schema, RegExp[]>();

function looksLikeOtherType(value: string, schema: Schema): boolean {
  let tests = typeTests.get(schema);
  if (!tests) {
    const tags = [...schema.tags, ...(schema.compat ?? [])].filter(
      (tag) => Boolean(tag.default) && tag.tag !== 'tag:yaml.org,2002:str',
    );
    tests = tags.flatMap((tag) => ('test' in tag && tag.test ? [tag.test] : []));
    typeTests.set(schema, tests);
  }
  return tests.some((test) => test.test(value));
}

/** Single quotes for a value with a double quote and no single one; double quotes otherwise. */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : doubleQuoted(value);
}

const SHORT_ESCAPES: Record<string, string> = { '00': '\\0', '07': '\\a', '0b': '\\v', '1b': '\\e' };

/** JSON's escapes, with yaml's short forms for some control characters and a space before \n escaped. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/\\(?:u00([0-9a-f]{2})|.)| (?=\\n)/g, (match, hex: string | undefined) => {
    if (match === ' ') return '\\ ';
    if (hex === undefined) return match;
    return SHORT_ESCAPES[hex] ?? `\\x${hex}`;
  });
}
