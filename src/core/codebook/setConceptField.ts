import type { Document, YAMLMap } from 'yaml';
import { applySplices } from '../sidecar/splice';
import { Book, isKey } from './book';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { FieldSplices, KEY_ORDER, type Rendering } from './fieldSplices';

/** The fields of a concept that hold a paragraph or several of text. */
export type ConceptTextField = 'description' | 'inclusion' | 'exclusion' | 'memo';

/**
 * Sets one scalar field of a concept (undefined: removes it); only that field's lines change.
 * Each rendering is tried in turn, the first that reads back as meant is kept.
 */
export function setConceptField(
  text: string,
  id: string,
  key: ConceptTextField | 'color',
  value: string | undefined,
  renderings: readonly Rendering[] = [{ kind: 'line' }],
): EditResult {
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknownConcept(id));
  const splices = new FieldSplices(text);
  const spliced =
    value === undefined
      ? [attempt(() => applySplices(text, splices.remove(at.map, key)))]
      : renderings.map((rendering) => attempt(() => applySplices(text, splices.set(at.map, key, value, rendering))));
  if (value === undefined) at.map.delete(key);
  else setInOrder(book.doc, at.map, key, value);
  return settle(text, book.doc, ...spliced);
}

/** Sets a key's value; a new key goes where qcode writes it, so a re-serialised file reads in order. */
export function setInOrder(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  if (map.items.some((p) => isKey(p, key))) {
    map.set(key, value);
    return;
  }
  const earlier = KEY_ORDER.slice(0, KEY_ORDER.indexOf(key));
  const after = map.items.reduce((last, p, i) => (earlier.some((k) => isKey(p, k)) ? i : last), -1);
  map.items.splice(after + 1, 0, doc.createPair(key, value));
}
