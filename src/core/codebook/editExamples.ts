import { isScalar, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { message } from '../messages';
import type { Annotation } from '../sidecar/annotation';
import { renderFlowList } from '../sidecar/render';
import { applySplices, dashBefore, lineEndAfter, lineStartOf, type Splice } from '../sidecar/splice';
import { Book } from './book';
import type { Codebook } from './codebook';
import { attempt, fail, settle, unknownConcept, type EditResult } from './editResult';
import { FieldSplices } from './fieldSplices';
import { NotSpliceable, scalarText } from './layout';
import { setInOrder } from './setConceptField';

type Change = { add: string } | { remove: string };

/**
 * The concepts an annotation can be an anchor example of: those it is tagged with and those above
 * them (an example of a concept below is one of its parent too), not those it already exemplifies.
 */
export function conceptsToExemplify(codebook: Codebook, annotation: Pick<Annotation, 'id' | 'concepts'>): string[] {
  const ids = new Set<string>();
  for (const tagged of annotation.concepts) {
    for (
      let concept = codebook.get(tagged);
      concept;
      concept = concept.parentId === undefined ? undefined : codebook.get(concept.parentId)
    )
      ids.add(concept.id);
  }
  return [...ids].filter((id) => !codebook.get(id)?.examples?.includes(annotation.id));
}

/** Makes an annotation an anchor example of a concept: its id goes at the end of `examples:`. */
export function addConceptExample(text: string, conceptId: string, annotationId: string): EditResult {
  return editExamples(text, conceptId, { add: annotationId.trim() });
}

/** Takes an annotation out of a concept's examples; `examples:` goes when it is left empty. */
export function removeConceptExample(text: string, conceptId: string, annotationId: string): EditResult {
  return editExamples(text, conceptId, { remove: annotationId.trim() });
}

function editExamples(text: string, conceptId: string, change: Change): EditResult {
  const id = 'add' in change ? change.add : change.remove;
  if (id === '' || /\s/.test(id)) return fail(message('"{example}" is not an annotation id.', { example: id }));
  const book = Book.open(text);
  if (!(book instanceof Book)) return fail(book);
  const at = book.get(conceptId);
  if (!at) return fail(unknownConcept(conceptId));
  const node: unknown = at.map.get('examples', true);
  const seq = isSeq(node) ? node : undefined;
  if (!seq && !(node === undefined || (isScalar(node) && node.value === null))) {
    return fail(message('The examples of "{id}" in codebook.yaml are not a list. Fix them first.', { id: conceptId }));
  }
  const current = (seq?.items ?? []).map((item) => itemText(item));
  if ('add' in change && current.includes(id))
    return fail(message('"{example}" is already an example of "{id}".', { example: id, id: conceptId }));
  if ('remove' in change && !current.includes(id))
    return fail(message('"{example}" is not an example of "{id}".', { example: id, id: conceptId }));
  const next = 'add' in change ? [...current, id] : current.filter((x) => x !== id);
  const spliced = attempt(() => applySplices(text, splices(text, at.map, seq, next, change)));
  updateDocument(book, at.map, seq, next);
  return settle(text, book.doc, spliced);
}

/** Only the lines of the list change: a line added or cut in a block list, else the list rewritten on its line. */
function splices(
  text: string,
  map: YAMLMap,
  seq: YAMLSeq | undefined,
  next: readonly string[],
  change: Change,
): Splice[] {
  const fields = new FieldSplices(text);
  if (next.length === 0) return fields.remove(map, 'examples');
  if (seq?.flow) return [{ start: rangeOf(seq)[0], end: rangeOf(seq)[1], text: renderFlowList(next) }];
  if (!seq || seq.items.length === 0) return fields.set(map, 'examples', renderFlowList(next), { kind: 'raw' });
  if ('add' in change) return [addedLine(text, seq, change.add)];
  return seq.items.filter((item) => itemText(item) === change.remove).map((item) => itemLine(text, item));
}

function addedLine(text: string, seq: YAMLSeq, id: string): Splice {
  const last = itemLine(text, seq.items[seq.items.length - 1]);
  const dash = dashBefore(text, rangeOf(seq.items[seq.items.length - 1])[0]) as number;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = last.end === text.length && !text.endsWith('\n') ? nl : '';
  return { start: last.end, end: last.end, text: `${lead}${' '.repeat(dash - last.start)}- ${scalarText(id)}${nl}` };
}

/** The whole line of a block-list item that stands alone on it ("- id", maybe with a comment). */
function itemLine(text: string, item: unknown): Splice {
  const [start, end] = rangeOf(item);
  const dash = dashBefore(text, start);
  if (dash === undefined || text.slice(lineStartOf(text, dash), dash).trim() !== '') throw new NotSpliceable();
  return { start: lineStartOf(text, dash), end: lineEndAfter(text, end), text: '' };
}

function updateDocument(book: Book, map: YAMLMap, seq: YAMLSeq | undefined, next: readonly string[]): void {
  if (next.length === 0) {
    map.delete('examples');
    return;
  }
  const list = seq ?? (book.doc.createNode([]) as YAMLSeq);
  if (!seq) list.flow = true;
  list.items = next.map((id) => book.doc.createNode(id));
  if (!seq) setInOrder(book.doc, map, 'examples', list);
}

function itemText(item: unknown): string {
  if (!isScalar(item)) return '';
  return typeof item.value === 'number' ? (item.source ?? String(item.value)) : String(item.value);
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as Scalar | undefined)?.range;
  if (!range) throw new NotSpliceable();
  return [range[0], range[1]];
}
