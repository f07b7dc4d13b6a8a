import type { Node } from 'yaml';
import { message } from '../messages';
import { applySplices } from '../sidecar/splice';
import { Book } from './book';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { Layout } from './layout';

/**
 * Removes a concept. Its children move to `childrenTo`: when that is the concept's own parent
 * (undefined: the top level) they take its place, otherwise they go to the end of that concept's
 * children. Delete passes the parent; merge passes the concept merged into.
 */
export function removeConcept(text: string, id: string, childrenTo: string | undefined): EditResult {
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknownConcept(id));
  const to = childrenTo === undefined ? undefined : book.get(childrenTo);
  if (childrenTo !== undefined && !to) return fail(unknownConcept(childrenTo));
  if (childrenTo !== undefined && book.within(childrenTo, id))
    return fail(
      message('The concepts below "{id}" cannot move under "{target}", which is "{id}" itself or below it.', {
        id,
        target: childrenTo,
      }),
    );
  const children = book.children(at.map)?.items ?? [];
  const inPlace = children.length > 0 && childrenTo === at.parent?.id;
  const spliced = attempt(() =>
    applySplices(text, new Layout(text, book).removeSplices(at, inPlace ? 'in place' : to)),
  );
  if (inPlace) at.seq.items.splice(at.seq.items.indexOf(at.map), 1, ...children);
  else {
    book.detach(at);
    if (children.length > 0) book.attach(children as Node[], to);
  }
  return settle(text, book.doc, spliced);
}
