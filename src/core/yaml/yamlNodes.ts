import { isScalar, parseDocument, type Document } from 'yaml';

const PARSE_OPTIONS = { version: '1.2', prettyErrors: false } as const;

/** A YAML text as a document, leniently (a repeated key is an error of the document, not a refusal): for merging. */
export function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

/** The text of a scalar: a string, or a number as written (1.10 stays 1.10). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean') return node.source ?? String(node.value);
  return undefined;
}
