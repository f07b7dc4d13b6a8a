import type { Codebook } from '../codebook/codebook';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../project/model';
import { informantCodeRegExp } from '../settings/settings';
import { informantAt } from '../speakers/turns';
import type { TextRange } from '../text/position';
import { evaluate, type QueryOptions } from './evaluate';
import type { Run } from './runs';
import type { QueryExpression } from './syntax';

/** One passage a query found. */
export interface QueryPassage {
  transcript: TranscriptFile;
  /** Offsets into the transcript's text (`transcript.doc.text`), end exclusive. */
  start: number;
  end: number;
  /** Where it is in the file, as sidecars write it. */
  range: TextRange;
  /** The text of the passage as it reads now. */
  quote: string;
  /** The informant of the annotation the passage starts in, else the speaker of its turn when an informant. */
  informant?: string;
  /** The annotations that brought the passage into the result, in text order. */
  annotations: ResolvedAnnotation[];
  /** Their concepts, each once, in codebook order. */
  concepts: string[];
}

export interface QueryResult {
  /** In transcript (path) and text order. */
  passages: QueryPassage[];
  /** Orphaned annotations that the query's operands name: they have no place in the text and are left out. */
  orphans: ResolvedAnnotation[];
}

/** The passages of the project that the query finds. */
export function runQuery(expression: QueryExpression, project: Project, options: QueryOptions = {}): QueryResult {
  const { runs, orphans } = evaluate(expression, project, options);
  const isInformant = informantTest(project);
  const order = conceptOrder(project.codebook);
  const passages: QueryPassage[] = [];
  const transcripts = [...runs.keys()].sort((a, b) => compareText(a.path, b.path));
  for (const transcript of transcripts) {
    for (const run of runs.get(transcript) ?? []) {
      const passage = passageOf(transcript, run, isInformant, order);
      if (passage) passages.push(passage);
    }
  }
  return { passages, orphans };
}

/** The run as a passage, without white space at either end; none when it is white space only. */
function passageOf(
  transcript: TranscriptFile,
  run: Run,
  isInformant: (code: string) => boolean,
  order: ConceptOrder,
): QueryPassage | undefined {
  const doc = transcript.doc;
  if (!doc) return undefined;
  let { start, end } = run;
  while (start < end && isSpace(doc.text.charCodeAt(start))) start++;
  while (end > start && isSpace(doc.text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  const annotations = run.annotations.length > 1 ? [...run.annotations].sort(textOrder) : [...run.annotations];
  const startsIn = annotations.find((r) => startOf(r) <= start && endOf(r) > start);
  const informant = startsIn?.informant ?? informantAt(transcript.turns, start, isInformant);
  const concepts =
    annotations.length === 1
      ? [...(annotations[0] as ResolvedAnnotation).annotation.concepts]
      : annotations.flatMap((r) => r.annotation.concepts);
  const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
  const passage: QueryPassage = {
    transcript,
    start,
    end,
    range,
    quote: doc.text.slice(start, end),
    annotations,
    concepts: order(concepts),
  };
  if (informant !== undefined) passage.informant = informant;
  return passage;
}

/** White space as String.prototype.trim takes it off. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** The ids, each once, in codebook order. */
type ConceptOrder = (ids: string[]) => string[];

/** Sorts concept ids as the codebook lists them; ids not in it follow, alphabetically. */
function conceptOrder(codebook: Codebook): ConceptOrder {
  const place = new Map<string, number>();
  for (const concept of codebook.all()) place.set(concept.id, place.size);
  const rank = (id: string) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (ids) => (ids.length < 2 ? ids : [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || compareText(a, b)));
}

function informantTest(project: Project): (code: string) => boolean {
  const pattern = informantCodeRegExp(project.settings);
  return (code) => pattern.test(code);
}

function textOrder(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  return startOf(a) - startOf(b) || endOf(a) - endOf(b) || compareText(a.annotation.id, b.annotation.id);
}

function startOf({ resolution }: ResolvedAnnotation): number {
  return resolution.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : resolution.start;
}

function endOf({ resolution }: ResolvedAnnotation): number {
  return resolution.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : resolution.end;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
