import { isScalar, Scalar, type ScalarTag } from 'yaml';
import { decline } from './decline';
import { scalarNode, SCHEMA_DOCUMENT } from './nodes';

/** The tags a plain scalar is tested against, in the order composeScalar tries them. */
const PLAIN_TAGS = SCHEMA_DOCUMENT.schema.tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && !tag.collection && tag.test !== undefined);
/** In the YAML 1.2 core schema, only a plain scalar starting so (or empty) can be other than text. */
const MAY_NOT_BE_TEXT = /^(?:[~nNtTfF0-9+\-.]|$)/;

export type Range = [number, number, number];

/** A plain scalar as composeScalar makes it: the first default tag whose test it passes resolves it. */
export function plainScalar(source: string, range: Range): Scalar {
  const tag = MAY_NOT_BE_TEXT.test(source) ? PLAIN_TAGS.find((t) => t.test.test(source)) : undefined;
  const scalar = tag ? resolved(tag, source) : scalarNode(source);
  scalar.range = range;
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}

function resolved(tag: ScalarTag, source: string): Scalar {
  let failed = false;
  let value: unknown;
  try {
    value = tag.resolve(source, () => (failed = true), SCHEMA_DOCUMENT.options);
  } catch {
    decline();
  }
  if (failed) decline();
  const scalar = isScalar(value) ? value : scalarNode(value);
  if (tag.format) scalar.format = tag.format;
  return scalar;
}

/** A quoted scalar: always text. */
export function quotedScalar(value: string, type: Scalar.Type, range: Range): Scalar {
  const scalar = scalarNode(value);
  scalar.range = range;
  scalar.source = value;
  scalar.type = type;
  return scalar;
}

const SPACE = 32;
const TAB = 9;

/** Where the text before `end` stops, without the spaces and tabs it ends with. */
export function trimEnd(line: string, start: number, end: number): number {
  let at = end;
  while (at > start && (line.charCodeAt(at - 1) === SPACE || line.charCodeAt(at - 1) === TAB)) at--;
  return at;
}

/** Where a comment starts in the line at or after `from` ("#" after a space or tab), else the line's length. */
export function commentStart(line: string, from: number): number {
  for (let hash = line.indexOf('#', from); hash >= 0; hash = line.indexOf('#', hash + 1)) {
    const before = line.charCodeAt(hash - 1);
    if (hash > from && (before === SPACE || before === TAB)) return hash;
  }
  return line.length;
}

/** The end of a plain scalar in block context that starts at `start` and runs to the end of its line or a comment. */
export function blockPlainEnd(line: string, start: number): number {
  const end = trimEnd(line, start, commentStart(line, start));
  // "a: b" or "a:" would be a mapping.
  for (let colon = line.indexOf(':', start); colon >= 0 && colon < end; colon = line.indexOf(':', colon + 1)) {
    const next = line.charCodeAt(colon + 1);
    if (colon === end - 1 || next === SPACE || next === TAB) decline();
  }
  return end;
}
