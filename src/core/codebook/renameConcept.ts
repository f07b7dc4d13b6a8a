import { applySplices } from '../sidecar/splice';
import { Book, isKey, keyPair } from './book';
import { checkLabel } from './conceptIds';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { Layout } from './layout';

/** Changes the label of a concept; only the label line changes. */
export function renameConcept(text: string, id: string, newLabel: string): EditResult {
  const label = newLabel.trim();
  const invalid = checkLabel(label);
  if (invalid) return fail(invalid);
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknownConcept(id));
  const spliced = attempt(() => applySplices(text, [new Layout(text, book).relabel(at.map, label)]));
  const pair = keyPair(at.map, 'label');
  if (pair) at.map.set('label', label);
  else at.map.items.splice(at.map.items.findIndex((p) => isKey(p, 'id')) + 1, 0, book.doc.createPair('label', label));
  return settle(text, book.doc, spliced);
}
