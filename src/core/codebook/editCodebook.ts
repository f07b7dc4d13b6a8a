import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { applySplices, lineEndAfter, lineStartOf, type Splice } from '../sidecar/splice';
import { CONFLICT_ADVICE, findConflictMarker } from '../text/conflictMarkers';
import { readBack, rereadsAs } from './verifyCodebook';

/**
 * Edits of codebook.yaml that keep everything they do not change: comments, blank lines, quoting,
 * key order and line endings. Each edit is made twice: on the parsed document (which defines what
 * the result means) and as a small text splice. The splice is used when it parses to the same
 * concepts as the document; otherwise, for unusual layouts such as flow mappings, the whole
 * document is re-serialised, which keeps comments but may reformat. Either is read back as check
 * reads it before it is returned; when neither holds what the edit means, the edit is refused.
 */

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

export interface NewConcept {
  id: string;
  label: string;
  description?: string;
  color?: string;
  guid?: string;
}

const PARSE_OPTIONS = { version: '1.2', uniqueKeys: true, prettyErrors: false } as const;

/** Adds a concept at the end of the parent's children, or of the top level. */
export function addConcept(text: string, parentId: string | undefined, concept: NewConcept): EditResult {
  const fields = {
    id: concept.id.trim(),
    label: concept.label.trim(),
    ...(concept.description?.trim() ? { description: concept.description.trim() } : {}),
    ...(concept.color ? { color: concept.color } : {}),
    ...(concept.guid ? { guid: concept.guid } : {}),
  };
  const invalid = checkId(fields.id) ?? checkLabel(fields.label) ?? checkLine(fields.description, 'definition');
  if (invalid) return fail(invalid);
  const book = Book.open(text);
  if (typeof book === 'string') return fail(book);
  if (book.get(fields.id)) return fail(`The id "${fields.id}" is already used in the codebook. Choose another id.`);
  const parent = parentId === undefined ? undefined : book.get(parentId);
  if (parentId !== undefined && !parent) return fail(unknown(parentId));
  const spliced = attempt(() => {
    const layout = new Layout(text, book);
    const target = layout.target(parent);
    return applySplices(text, [layout.insert(target, layout.render(fields, target.dash))]);
  });
  book.attach([book.doc.createNode(fields) as Node], parent);
  return settle(text, book, spliced);
}

/** Changes the label of a concept; only the label line changes. */
export function renameConcept(text: string, id: string, newLabel: string): EditResult {
  const label = newLabel.trim();
  const invalid = checkLabel(label);
  if (invalid) return fail(invalid);
  const book = Book.open(text);
  if (typeof book === 'string') return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknown(id));
  const spliced = attempt(() => applySplices(text, [new Layout(text, book).relabel(at.map, label)]));
  const pair = keyPair(at.map, 'label');
  if (pair) at.map.set('label', label);
  else at.map.items.splice(at.map.items.findIndex((p) => isKey(p, 'id')) + 1, 0, book.doc.createPair('label', label));
  return settle(text, book, spliced);
}

/** Moves a concept with everything below it under another concept, or to the top level. */
export function moveConcept(text: string, id: string, newParentId: string | undefined): EditResult {
  const book = Book.open(text);
  if (typeof book === 'string') return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknown(id));
  const parent = newParentId === undefined ? undefined : book.get(newParentId);
  if (newParentId !== undefined && !parent) return fail(unknown(newParentId));
  if (newParentId !== undefined && book.within(newParentId, id)) return fail(`"${id}" cannot be moved under itself or a concept below it.`);
  if (at.parent?.id === newParentId) return { ok: true, text };
  const spliced = attempt(() => {
    const layout = new Layout(text, book);
    const item = layout.region(at.seq, at.index);
    const cut = layout.removal(at, item);
    const target = layout.target(parent);
    return applySplices(text, [{ ...cut, text: '' }, layout.insert(target, layout.shift(layout.block(item), target.dash - item.dash))]);
  });
  book.detach(at);
  book.attach([at.map], parent);
  return settle(text, book, spliced);
}

/**
 * Removes a concept. Its children move to `childrenTo`: when that is the concept's own parent
 * (undefined: the top level) they take its place, otherwise they go to the end of that concept's
 * children. Delete passes the parent; merge passes the concept merged into.
 */
export function removeConcept(text: string, id: string, childrenTo: string | undefined): EditResult {
  const book = Book.open(text);
  if (typeof book === 'string') return fail(book);
  const at = book.get(id);
  if (!at) return fail(unknown(id));
  const to = childrenTo === undefined ? undefined : book.get(childrenTo);
  if (childrenTo !== undefined && !to) return fail(unknown(childrenTo));
  if (childrenTo !== undefined && book.within(childrenTo, id)) return fail(`The concepts below "${id}" cannot move under "${childrenTo}", which is "${id}" itself or below it.`);
  const children = book.children(at.map)?.items ?? [];
  const inPlace = children.length > 0 && childrenTo === at.parent?.id;
  const spliced = attempt(() => applySplices(text, new Layout(text, book).removeSplices(at, inPlace ? 'in place' : to)));
  if (inPlace) at.seq.items.splice(at.seq.items.indexOf(at.map), 1, ...children);
  else {
    book.detach(at);
    if (children.length > 0) book.attach(children as Node[], to);
  }
  return settle(text, book, spliced);
}

/**
 * An id made from a label: lowercase ASCII words joined by hyphens, so a label of several words
 * stays one level; a dot joins it to the parent's id. Never an id already taken.
 */
export function suggestConceptId(label: string, parentId?: string, taken: (id: string) => boolean = () => false): string {
  const folded = label.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa').replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'concept';
  const base = parentId ? `${parentId}.${slug}` : slug;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Why a concept id is not acceptable, or undefined. */
export function checkId(id: string): string | undefined {
  if (id === '') return 'A concept needs an id.';
  if (/\s/.test(id)) return `The id "${id}" contains spaces. Use letters, digits, hyphens and dots, e.g. "samordning.formell".`;
  return undefined;
}

/** Why a label is not acceptable, or undefined. */
export function checkLabel(label: string): string | undefined {
  return label === '' ? 'A concept needs a label.' : checkLine(label, 'label');
}

function checkLine(value: string | undefined, what: string): string | undefined {
  return value !== undefined && /[\r\n]/.test(value) ? `The ${what} must be a single line.` : undefined;
}

interface Located {
  id: string;
  map: YAMLMap;
  seq: YAMLSeq;
  index: number;
  parent?: Located;
}

/** The parsed codebook with every concept located in it. */
class Book {
  private readonly byId = new Map<string, Located>();

  private constructor(readonly doc: Document) {
    const top = this.top();
    if (top) this.walk(top, undefined);
  }

  static open(text: string): Book | string {
    if (findConflictMarker(text) !== undefined) return `codebook.yaml: ${CONFLICT_ADVICE}`;
    const doc = parseDocument(text, PARSE_OPTIONS);
    const error = doc.errors[0];
    if (error) return `codebook.yaml is not valid YAML (${error.message.split('\n')[0] ?? ''}). Fix it first.`;
    const contents = doc.contents;
    if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) return 'codebook.yaml must be a mapping with a "concepts:" list. Fix it first.';
    const concepts = isMap(contents) ? contents.get('concepts', true) : undefined;
    if (concepts !== undefined && !isSeq(concepts) && !(isScalar(concepts) && concepts.value === null)) return 'The "concepts:" of codebook.yaml must be a list. Fix it first.';
    return new Book(doc);
  }

  get(id: string): Located | undefined {
    return this.byId.get(id);
  }

  /** Whether `id` is `ancestorId` or below it. */
  within(id: string, ancestorId: string): boolean {
    for (let at = this.byId.get(id); at; at = at.parent) if (at.id === ancestorId) return true;
    return false;
  }

  top(): YAMLSeq | undefined {
    const concepts = isMap(this.doc.contents) ? this.doc.contents.get('concepts', true) : undefined;
    return isSeq(concepts) ? concepts : undefined;
  }

  children(map: YAMLMap): YAMLSeq | undefined {
    const children = map.get('children', true);
    return isSeq(children) ? children : undefined;
  }

  /** Takes a concept out of its list; a `children:` left empty goes too. */
  detach(at: Located): void {
    at.seq.items.splice(at.seq.items.indexOf(at.map), 1);
    if (at.parent && at.seq.items.length === 0) at.parent.map.delete('children');
  }

  attach(nodes: Node[], parent: Located | undefined): void {
    if (!parent && !isMap(this.doc.contents)) this.doc.contents = this.doc.createNode({});
    const map = parent ? parent.map : (this.doc.contents as unknown as YAMLMap);
    const key = parent ? 'children' : 'concepts';
    const existing: unknown = map.get(key, true);
    const seq = isSeq(existing) ? existing : (this.doc.createNode([]) as YAMLSeq);
    if (seq !== existing) map.set(key, seq);
    seq.items.push(...nodes);
  }

  private walk(seq: YAMLSeq, parent: Located | undefined): void {
    seq.items.forEach((map, index) => {
      if (!isMap(map)) return;
      const id = idOf(map);
      if (id === undefined || this.byId.has(id)) return;
      const at: Located = { id, map, seq, index, ...(parent ? { parent } : {}) };
      this.byId.set(id, at);
      const children = this.children(map);
      if (children) this.walk(children, at);
    });
  }
}

interface Region {
  start: number;
  end: number;
  /** Column of the item's "-". */
  dash: number;
}

interface Target {
  at: number;
  dash: number;
  /** A "children:" line to write before the items, when the parent has none yet. */
  header: string;
}

class NotSpliceable extends Error {}

/** Where concepts are in the text, for edits by splicing. Throws NotSpliceable on layouts it does not handle. */
class Layout {
  private readonly nl: string;

  constructor(private readonly text: string, private readonly book: Book) {
    this.nl = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** The lines of a block-list item, with the comment lines just above it (except above a list's first item). */
  region(seq: YAMLSeq, index: number): Region {
    const map = seq.items[index];
    if (seq.flow || !isMap(map) || map.flow || !map.range) throw new NotSpliceable();
    let start = lineStartOf(this.text, map.range[0]);
    const dash = this.indentAt(start);
    if (this.text[start + dash] !== '-') throw new NotSpliceable();
    while (index > 0 && start > 0) {
      const previous = lineStartOf(this.text, start - 1);
      if (this.indentAt(previous) !== dash || this.text[previous + dash] !== '#') break;
      start = previous;
    }
    return { start, end: lineEndAfter(this.text, map.range[1]), dash };
  }

  /** What to cut to remove an item: the item, and its parent's "children:" line when it was the only child. */
  removal(at: Located, item: Region): { start: number; end: number } {
    const key = at.parent && at.seq.items.length === 1 ? keyPair(at.parent.map, 'children')?.key : undefined;
    if (!at.parent || !key) return item;
    const range = (key as Scalar).range;
    if (!range) throw new NotSpliceable();
    const start = lineStartOf(this.text, range[0]);
    if (start + this.indentAt(start) !== range[0]) throw new NotSpliceable();
    return { start, end: item.end };
  }

  removeSplices(at: Located, childrenTo: Located | 'in place' | undefined): Splice[] {
    const item = this.region(at.seq, at.index);
    const seq = this.book.children(at.map);
    const count = seq?.items.length ?? 0;
    if (!seq || count === 0) return [{ ...this.removal(at, item), text: '' }];
    const first = this.region(seq, 0);
    const children = this.block({ start: first.start, end: this.region(seq, count - 1).end });
    if (childrenTo === 'in place') return [{ ...item, text: this.shift(children, item.dash - first.dash) }];
    const target = this.target(childrenTo);
    return [{ ...this.removal(at, item), text: '' }, this.insert(target, this.shift(children, target.dash - first.dash))];
  }

  /** Where items go at the end of a parent's children (undefined: the top level). */
  target(parent: Located | undefined): Target {
    const seq = parent ? this.book.children(parent.map) : this.book.top();
    if (seq && seq.items.length > 0) return { at: this.region(seq, seq.items.length - 1).end, dash: this.region(seq, 0).dash, header: '' };
    if (!parent || keyPair(parent.map, 'children') || !parent.map.range) throw new NotSpliceable();
    const column = parent.map.range[0] - lineStartOf(this.text, parent.map.range[0]);
    const end = this.region(parent.seq, parent.index).end;
    return { at: end, dash: column + this.listIndent(), header: `${' '.repeat(column)}children:${this.nl}` };
  }

  insert(target: Target, block: string): Splice {
    const needsBreak = target.at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n');
    return { start: target.at, end: target.at, text: `${needsBreak ? this.nl : ''}${target.header}${block}` };
  }

  render(fields: NewConcept, dash: number): string {
    const lines = Object.entries(fields).map(([key, value], i) => `${' '.repeat(dash)}${i === 0 ? '- ' : '  '}${key}: ${scalarText(String(value))}`);
    return lines.map((line) => line + this.nl).join('');
  }

  /** The splice that sets a concept's label: its value, or a new line after the id. */
  relabel(map: YAMLMap, label: string): Splice {
    if (map.flow) throw new NotSpliceable();
    const value = keyPair(map, 'label')?.value;
    if (isScalar(value) && value.range && value.type !== 'BLOCK_FOLDED' && value.type !== 'BLOCK_LITERAL') {
      return { start: value.range[0], end: value.range[1], text: scalarText(label, value.type) };
    }
    const id = keyPair(map, 'id');
    if (value !== undefined || !isScalar(id?.key) || !isScalar(id.value) || !id.key.range || !id.value.range) throw new NotSpliceable();
    const column = id.key.range[0] - lineStartOf(this.text, id.key.range[0]);
    const at = lineEndAfter(this.text, id.value.range[1]);
    return this.insert({ at, dash: column, header: '' }, `${' '.repeat(column)}label: ${scalarText(label)}${this.nl}`);
  }

  block(region: { start: number; end: number }): string {
    const text = this.text.slice(region.start, region.end);
    return text.endsWith('\n') ? text : text + this.nl;
  }

  /** Indents (delta > 0) or dedents every line of a block. */
  shift(block: string, delta: number): string {
    if (delta === 0) return block;
    const pad = ' '.repeat(Math.abs(delta));
    const lines = block.split('\n').map((line, i, all) => {
      if (i === all.length - 1 || line.trim() === '') return line;
      if (delta > 0) return pad + line;
      if (!line.startsWith(pad)) throw new NotSpliceable();
      return line.slice(pad.length);
    });
    return lines.join('\n');
  }

  /** How far this file indents a list under its key ("concepts:" then "  - id:"); 2 when it cannot tell. */
  private listIndent(): number {
    const root = this.book.doc.contents;
    const key = isMap(root) ? keyPair(root, 'concepts')?.key : undefined;
    const top = this.book.top();
    if (!isScalar(key) || !key.range || !top?.items.length) return 2;
    const keyColumn = key.range[0] - lineStartOf(this.text, key.range[0]);
    return Math.max(0, this.region(top, 0).dash - keyColumn);
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text[i] === ' ') i++;
    return i - lineStart;
  }
}

function idOf(map: YAMLMap): string | undefined {
  const id = map.get('id', true);
  if (!isScalar(id)) return undefined;
  if (typeof id.value === 'string') return id.value;
  // A number as written (1.10), as readCodebook reads it.
  if (typeof id.value === 'number') return id.source ?? String(id.value);
  return undefined;
}

function isKey(pair: Pair, key: string): boolean {
  return isScalar(pair.key) && pair.key.value === key;
}

function keyPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isKey(pair, key));
}

/** A string as a one-line YAML scalar, in the given quoting style when it has one. */
function scalarText(value: string, style?: Scalar.Type): string {
  const doc = new Document(value);
  if ((style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') && isScalar(doc.contents)) doc.contents.type = style;
  const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(value) : text;
}

function attempt(splice: () => string): string | undefined {
  try {
    return splice();
  } catch {
    return undefined; // an unusual layout: the re-serialised document is used instead
  }
}

/**
 * The spliced text when it reads as the edited document means, else the serialised document when
 * that does; else nothing is written. Read as check reads it: no error the text did not have before.
 */
function settle(text: string, book: Book, spliced: string | undefined): EditResult {
  const errorsBefore = readBack(text)?.errors ?? 0;
  if (spliced !== undefined && rereadsAs(spliced, book.doc, errorsBefore)) return { ok: true, text: spliced };
  const serialised = book.doc.toString({ lineWidth: 0 });
  const written = text.includes('\r\n') ? serialised.replace(/\r?\n/g, '\r\n') : serialised;
  if (rereadsAs(written, book.doc, errorsBefore)) return { ok: true, text: written };
  return fail('codebook.yaml could not be written so that it reads back as this change means, so it was left as it is. Make the change by hand, or write the codebook in block style ("- id: ..." items under "concepts:") and try again.');
}

function unknown(id: string): string {
  return `There is no concept "${id}" in the codebook.`;
}

function fail(message: string): EditResult {
  return { ok: false, message };
}
