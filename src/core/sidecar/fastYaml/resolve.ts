import { Document, type ScalarTag } from 'yaml';
import { YAML_OPTIONS } from '../../yaml/yamlFile';

/** The schema and options every sidecar is read with. */
export const SCHEMA_DOCUMENT = new Document(undefined, YAML_OPTIONS);

/** The tags a plain scalar is tested against, in the order composeScalar tries them. */
const PLAIN_TAGS = SCHEMA_DOCUMENT.schema.tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => tag.default === true && !tag.collection && tag.test !== undefined,
);
/**
 * In the YAML 1.2 core schema, only an empty plain scalar, or one that starts with one of these
 * and holds nothing but letters, digits and ". + - ~", can be other than text (null, a boolean, a number).
 */
const MAY_NOT_BE_TEXT = /^(?:[~nNtTfF0-9+.-][0-9A-Za-z.+~-]*)?$/;

/** The tag that resolves a plain scalar with this source, as composeScalar finds it; undefined for text. */
export function plainTag(source: string): ScalarTag | undefined {
  return MAY_NOT_BE_TEXT.test(source) ? PLAIN_TAGS.find((tag) => tag.test.test(source)) : undefined;
}

export const NULL_TAG = 'tag:yaml.org,2002:null';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
