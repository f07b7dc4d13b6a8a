import type { Project, TranscriptFile } from '../project/model';
import { informantCodeRegExp, speakerRegExp } from '../settings/settings';
import { hitAt, type SearchHit } from './hit';
import { compileQuery, type QueryError, type SearchQuery } from './query';

/** More hits than anybody reviews in a list; the search stops there and says so. */
export const MAX_HITS = 2000;

export type SearchResult = { ok: true; hits: SearchHit[]; capped: boolean } | QueryError;

type ReadableTranscript = TranscriptFile & { doc: NonNullable<TranscriptFile['doc']> };

/** Every non-empty match of the query in the project's readable transcripts, in file and text order. */
export function searchTranscripts(project: Project, query: SearchQuery, maxHits = MAX_HITS): SearchResult {
  const compiled = compileQuery(query);
  if (!compiled.ok) return compiled;
  const isInformant = informantTest(project);
  const wanted = query.informants && new Set(query.informants);
  const hits: SearchHit[] = [];
  for (const transcript of readable(project)) {
    for (const match of transcript.doc.text.matchAll(compiled.pattern)) {
      if (match[0] === '') continue;
      const hit = hitAt(transcript, match.index, match.index + match[0].length, isInformant);
      if (wanted && !wanted.has(hit.informant ?? '')) continue;
      if (hits.length === maxHits) return { ok: true, hits, capped: true };
      hits.push(hit);
    }
  }
  return { ok: true, hits, capped: false };
}

/** The turns of a speaker as hits: the text after each speaker label, without the white space around it. */
export function informantTurns(project: Project, informant: string): SearchHit[] {
  const isInformant = informantTest(project);
  const label = speakerRegExp(project.settings);
  return readable(project).flatMap((transcript) =>
    transcript.turns.flatMap((turn) => {
      if (turn.speaker !== informant) return [];
      const [from, to] = trimmed(transcript.doc.text, afterLabel(transcript.doc.text, label, turn.start), turn.end);
      return from < to ? [hitAt(transcript, from, to, isInformant)] : [];
    }),
  );
}

function readable(project: Project): ReadableTranscript[] {
  return project.transcripts.filter((t): t is ReadableTranscript => t.doc !== undefined);
}

function informantTest(project: Project): (code: string) => boolean {
  const code = informantCodeRegExp(project.settings);
  return (speaker) => code.test(speaker);
}

/** Where the text of a turn begins: after the speaker label that starts it. */
function afterLabel(text: string, label: RegExp, turnStart: number): number {
  label.lastIndex = turnStart;
  const match = label.exec(text);
  return match?.index === turnStart ? turnStart + match[0].length : turnStart;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return [from, to];
}
