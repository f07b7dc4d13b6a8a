import type { Node } from 'yaml';
import { message } from '../messages';
import { applySplices } from '../sidecar/splice';
import { Book } from './book';
import { checkId, checkLabel, checkLine } from './conceptIds';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { Layout } from './layout';

export interface NewConcept {
  id: string;
  label: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  color?: string;
  guid?: string;
}

/** Adds a concept at the end of the parent's children, or of the top level. */
export function addConcept(text: string, parentId: string | undefined, concept: NewConcept): EditResult {
  const fields = {
    id: concept.id.trim(),
    label: concept.label.trim(),
    ...(concept.description?.trim() ? { description: concept.description.trim() } : {}),
    ...(concept.inclusion?.trim() ? { inclusion: concept.inclusion.trim() } : {}),
    ...(concept.exclusion?.trim() ? { exclusion: concept.exclusion.trim() } : {}),
    ...(concept.color ? { color: concept.color } : {}),
    ...(concept.guid ? { guid: concept.guid } : {}),
  };
  const invalid = checkId(fields.id) ?? checkLabel(fields.label) ?? checkLine(fields.description, 'definition');
  if (invalid) return fail(invalid);
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  if (book.get(fields.id))
    return fail(message('The id "{id}" is already used in the codebook. Choose another id.', { id: fields.id }));
  const parent = parentId === undefined ? undefined : book.get(parentId);
  if (parentId !== undefined && !parent) return fail(unknownConcept(parentId));
  const spliced = attempt(() => {
    const layout = new Layout(text, book);
    const target = layout.target(parent);
    return applySplices(text, [layout.insert(target, layout.render(fields, target.dash))]);
  });
  book.attach([book.doc.createNode(fields) as Node], parent);
  return settle(text, book.doc, spliced);
}
