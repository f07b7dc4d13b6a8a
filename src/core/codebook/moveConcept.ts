import { message } from '../messages';
import { applySplices } from '../sidecar/splice';
import { Book } from './book';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { Layout } from './layout';

/** Moves a concept with everything below it under another concept, or to the top level. */
export function moveConcept(text: string, id: string, newParentId: string | undefined): EditResult {
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknownConcept(id));
  const parent = newParentId === undefined ? undefined : book.get(newParentId);
  if (newParentId !== undefined && !parent) return fail(unknownConcept(newParentId));
  if (newParentId !== undefined && book.within(newParentId, id))
    return fail(message('"{id}" cannot be moved under itself or a concept below it.', { id }));
  if (at.parent?.id === newParentId) return { ok: true, text };
  const spliced = attempt(() => {
    const layout = new Layout(text, book);
    const item = layout.region(at.seq, at.index);
    const cut = layout.removal(at, item);
    const target = layout.target(parent);
    return applySplices(text, [
      { ...cut, text: '' },
      layout.insert(target, layout.shift(layout.block(item), target.dash - item.dash)),
    ]);
  });
  book.detach(at);
  book.attach([at.map], parent);
  return settle(text, book.doc, spliced);
}
