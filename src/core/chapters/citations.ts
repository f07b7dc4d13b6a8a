import { exportSections } from '../export/sections';
import { didYouMean, message, type Message } from '../messages';
import type { ResolvedAnnotation } from '../project/model';
import type { ChapterIndex } from './chapterIndex';
import { citeQuery } from './queryCitation';
import type { ChapterReference, ConceptReference, QueryReference, QuoteReference } from './references';

/** What a reference stands for now: its passages, or why it cannot be rendered. */
export type Citation =
  | { reference: QuoteReference | ConceptReference | QueryReference; quotes: ResolvedAnnotation[]; left?: Trouble }
  | { reference: ChapterReference; trouble: Trouble };

/** Why a reference cannot be rendered (an error), or what a rendered one leaves out (a warning). */
export interface Trouble {
  code:
    | 'unknown-annotation'
    | 'orphaned-citation'
    | 'unknown-concept'
    | 'unknown-attribute'
    | 'malformed-reference'
    | 'orphans-left-out'
    | 'unknown-query'
    | 'broken-query';
  text: Message;
}

export function cite(reference: ChapterReference, index: ChapterIndex): Citation {
  if (reference.kind === 'malformed')
    return { reference, trouble: { code: 'malformed-reference', text: reference.reason } };
  if (reference.kind === 'query') return citeQuery(reference, index);
  return reference.kind === 'quote' ? citeQuote(reference, index) : citeConcept(reference, index);
}

function citeQuote(reference: QuoteReference, index: ChapterIndex): Citation {
  const resolved = index.annotation(reference.id);
  if (!resolved) {
    const text = message(
      'No annotation has the id "{id}".{hint} Copy the id from the passage\'s annotation, or cite another passage.',
      { id: reference.id, hint: didYouMean(similarIds(reference.id, index)) },
    );
    return { reference, trouble: { code: 'unknown-annotation', text } };
  }
  if (resolved.resolution.status === 'orphaned') {
    const text = message(
      'Annotation {id} is orphaned: its passage is no longer in {transcript}. Find the passage and tag it again, then cite the new annotation.',
      { id: reference.id, transcript: resolved.transcript.path },
    );
    return { reference, trouble: { code: 'orphaned-citation', text } };
  }
  return { reference, quotes: [resolved] };
}

function citeConcept(reference: ConceptReference, index: ChapterIndex): Citation {
  const { codebook, settings } = index.project;
  if (!codebook.has(reference.id)) {
    const text = message('The concept "{concept}" is not in {codebook}.{hint} Correct the id.', {
      concept: reference.id,
      codebook: settings.codebook,
      hint: didYouMean(codebook.suggest(reference.id)),
    });
    return { reference, trouble: { code: 'unknown-concept', text } };
  }
  const attributes = new Set([
    'code',
    ...index.project.informants.informants.flatMap((i) => Object.keys(i.attributes)),
  ]);
  const unknown = reference.where.find((clause) => !attributes.has(clause.attribute));
  if (unknown) {
    const text = message('No informant in {registry} has the attribute "{attribute}"; known: {known}.', {
      registry: settings.informants,
      attribute: unknown.attribute,
      known: [...attributes].join(', '),
    });
    return { reference, trouble: { code: 'unknown-attribute', text } };
  }
  const filter = {
    concepts: [reference.id],
    informants: reference.informants,
    where: reference.where,
    keyOnly: reference.keyOnly,
  };
  const all = exportSections(index.quotes, filter, 'concept').flatMap((section) => section.quotes);
  const quotes = all.filter((r) => r.resolution.status !== 'orphaned');
  const orphans = all.length - quotes.length;
  if (orphans === 0) return { reference, quotes };
  const text = message('{count} orphaned passage(s) of "{concept}" are left out; "qcode check" lists them.', {
    count: orphans,
    concept: reference.id,
  });
  return { reference, quotes, left: { code: 'orphans-left-out', text } };
}

/** Ids one character away, for a mistyped id. */
function similarIds(id: string, index: ChapterIndex): string[] {
  if (id.length < 4) return [];
  return index.quotes.all
    .map((r) => r.annotation.id)
    .filter((other) => other.length === id.length && differsOnce(other, id))
    .slice(0, 3);
}

function differsOnce(a: string, b: string): boolean {
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a.charAt(i) !== b.charAt(i)) differences++;
  return differences === 1;
}
