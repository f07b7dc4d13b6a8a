import { message, type Message } from '../messages';
import type { WhereClause } from '../settings/exportPresets';
import { chapterLines, type ChapterLine } from './chapterLines';

/** Where a reference is written: offsets into the chapter's text, and its line:column (1-based, UTF-16). */
export interface ReferencePlace {
  start: number;
  end: number;
  line: number;
  column: number;
  /** Alone on its line: then `lineStart`..`lineEnd` is the whole line, without its line break. */
  block: boolean;
  lineStart: number;
  lineEnd: number;
}

export interface QuoteReference extends ReferencePlace {
  kind: 'quote';
  id: string;
}

export interface ConceptReference extends ReferencePlace {
  kind: 'concept';
  id: string;
  informants: string[];
  where: WhereClause[];
  /** `key`: only the key quotes. */
  keyOnly: boolean;
}

/** `{{query:NAME}}`: the passages of a query saved in qcode.yaml, alone on its line. */
export interface QueryReference extends ReferencePlace {
  kind: 'query';
  name: string;
}

export interface MalformedReference extends ReferencePlace {
  kind: 'malformed';
  reason: Message;
}

export type ChapterReference = QuoteReference | ConceptReference | QueryReference | MalformedReference;

const OPENING = /^\{\{\s*(q|concept|query)\s*:/;
/** A fence opening; a backtick fence's info string has no backtick (else the line holds a code span). */
const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/**
 * The references of a chapter, in the order written. Code spans, fenced code blocks and
 * escaped openings (`\{{`) are left alone; other `{{...}}` (Quarto shortcodes, say) too.
 */
export function parseReferences(text: string): ChapterReference[] {
  const found: ChapterReference[] = [];
  let fence: { mark: string; length: number } | undefined;
  for (const line of chapterLines(text)) {
    const content = text.slice(line.start, line.end);
    if (fence) {
      if (closesFence(content, fence)) fence = undefined;
      continue;
    }
    const opening = FENCE.exec(content);
    if (opening) {
      const run = opening[1] as string;
      fence = { mark: run.charAt(0), length: run.length };
      continue;
    }
    scanLine(text, line, found);
  }
  return found;
}

function closesFence(content: string, fence: { mark: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(content);
  return !!match && (match[1] as string).charAt(0) === fence.mark && (match[1] as string).length >= fence.length;
}

function scanLine(text: string, line: ChapterLine, found: ChapterReference[]): void {
  let i = line.start;
  while (i < line.end) {
    const ch = text.charAt(i);
    if (ch === '\\') i += 2;
    else if (ch === '`') i = afterCodeSpan(text, i, line.end);
    else if (ch === '{' && text.charAt(i + 1) === '{' && OPENING.test(text.slice(i, i + 40))) {
      const reference = readReference(text, i, line);
      found.push(reference);
      i = reference.end;
    } else i++;
  }
}

/** Past a code span that opens at `at`; past the backticks alone when the span is never closed. */
function afterCodeSpan(text: string, at: number, lineEnd: number): number {
  let run = at;
  while (run < lineEnd && text.charAt(run) === '`') run++;
  const length = run - at;
  for (let i = run; i < lineEnd; i++) {
    if (text.charAt(i) !== '`') continue;
    let close = i;
    while (close < lineEnd && text.charAt(close) === '`') close++;
    if (close - i === length) return close;
    i = close - 1;
  }
  return run;
}

function readReference(text: string, start: number, line: ChapterLine): ChapterReference {
  const close = text.indexOf('}}', start + 2);
  const closed = close >= 0 && close < line.end;
  const end = closed ? close + 2 : line.end;
  const place: ReferencePlace = {
    start,
    end,
    line: line.number,
    column: start - line.start + 1,
    block: isAlone(text, line, start, end),
    lineStart: line.start,
    lineEnd: line.end,
  };
  if (!closed)
    return { ...place, kind: 'malformed', reason: message('The reference is not closed with "}}" on its line.') };
  return parseInner(text.slice(start + 2, close), place);
}

function isAlone(text: string, line: ChapterLine, start: number, end: number): boolean {
  const before = text.slice(line.start, start);
  return /^ {0,3}$/.test(before) && text.slice(end, line.end).trim() === '';
}

function parseInner(inner: string, place: ReferencePlace): ChapterReference {
  const [, kind = '', rest = ''] = /^\s*(q|concept|query)\s*:(.*)$/s.exec(inner) ?? [];
  const words = rest
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const [id, ...options] = words;
  const written = `{{${inner}}}`;
  if (id === undefined)
    return malformed(place, message('The reference {reference} names no id.', { reference: written }));
  if (kind === 'q') {
    if (options.length > 0 || !/^[A-Za-z0-9_-]+$/.test(id))
      return malformed(
        place,
        message("{reference} is not a reference to one annotation: write {{q:ID}} with the annotation's id alone.", {
          reference: written,
        }),
      );
    return { ...place, kind: 'quote', id };
  }
  if (!place.block)
    return malformed(
      place,
      message('{reference} lists passages and must stand alone on its line.', { reference: written }),
    );
  if (kind === 'query') {
    if (options.length > 0)
      return malformed(
        place,
        message('{reference} names one saved query: write {{query:NAME}} with the name alone.', { reference: written }),
      );
    return { ...place, kind: 'query', name: id };
  }
  return conceptReference(place, id, options, written);
}

function conceptReference(place: ReferencePlace, id: string, options: string[], written: string): ChapterReference {
  const reference: ConceptReference = { ...place, kind: 'concept', id, informants: [], where: [], keyOnly: false };
  for (const option of options) {
    if (option === 'key') {
      reference.keyOnly = true;
      continue;
    }
    const [, key, value = ''] = /^([a-z]+)=(.*)$/.exec(option) ?? [];
    const values = value.split(',').filter((v) => v !== '');
    if (key === 'informant' && values.length > 0) reference.informants.push(...values);
    else if (key === 'where' && values.length > 0 && values.every((v) => v.indexOf(':') > 0))
      reference.where.push(...values.map(whereClause));
    else
      return malformed(
        place,
        message('"{option}" in {reference} is not a filter; use informant=K1,K3, where=ATTRIBUTE:VALUE or key.', {
          option,
          reference: written,
        }),
      );
  }
  return reference;
}

function whereClause(text: string): WhereClause {
  const at = text.indexOf(':');
  return { attribute: text.slice(0, at), value: text.slice(at + 1) };
}

function malformed(place: ReferencePlace, reason: Message): MalformedReference {
  return { ...place, kind: 'malformed', reason };
}
