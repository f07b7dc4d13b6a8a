import type { Project } from '../project/model';
import { informantCodeRegExp, speakerRegExp } from '../settings/settings';
import { hitAt, type ReadableTranscript, type SearchHit } from './hit';
import { compileQuery, type QueryError, type SearchQuery } from './query';
import { passageOf, UnitText } from './units';

/** More hits than anybody reviews in a list; the search stops there and says so. */
export const MAX_HITS = 2000;

export type SearchResult = { ok: true; hits: SearchHit[]; capped: boolean } | QueryError;

/**
 * Every non-empty match of the query in the project's readable transcripts, in file and text order,
 * as passages of the query's unit (whole words at least); matches in one passage give one hit.
 */
export function searchTranscripts(project: Project, query: SearchQuery, maxHits = MAX_HITS): SearchResult {
  const compiled = compileQuery(query);
  if (!compiled.ok) return compiled;
  const isInformant = informantTest(project);
  const wanted = query.informants && new Set(query.informants);
  const hits: SearchHit[] = [];
  for (const transcript of readable(project)) {
    const source = unitText(project, transcript);
    let previous: SearchHit | undefined;
    for (const found of transcript.doc.text.matchAll(compiled.pattern)) {
      const match = { start: found.index, end: found.index + found[0].length };
      if (match.start === match.end || (previous && previous.start <= match.start && match.end <= previous.end))
        continue;
      const passage = passageOf(source, query.unit ?? 'match', match);
      if (!passage || (previous && previous.start === passage.start && previous.end === passage.end)) continue;
      const hit = hitAt(transcript, source, passage, passageOf(source, 'match', match) ?? passage, isInformant);
      if (wanted && !wanted.has(hit.informant ?? '')) continue;
      if (hits.length === maxHits) return { ok: true, hits, capped: true };
      hits.push(hit);
      previous = hit;
    }
  }
  return { ok: true, hits, capped: false };
}

/** The turns of a speaker as hits: the text after each speaker label, without the white space around it. */
export function informantTurns(project: Project, informant: string): SearchHit[] {
  const isInformant = informantTest(project);
  return readable(project).flatMap((transcript) => {
    const source = unitText(project, transcript);
    return transcript.turns.flatMap((turn) => {
      if (turn.speaker !== informant) return [];
      const content = source.turnContent(turn);
      return content.start < content.end ? [hitAt(transcript, source, content, content, isInformant)] : [];
    });
  });
}

/** Whether a hit is ticked to begin with: when it lies in an informant's turn, not the interviewer's. */
export function tickedByDefault(hit: SearchHit): boolean {
  return hit.informant !== undefined;
}

function readable(project: Project): ReadableTranscript[] {
  return project.transcripts.filter((t): t is ReadableTranscript => t.doc !== undefined);
}

function unitText(project: Project, transcript: ReadableTranscript): UnitText {
  return new UnitText(transcript.doc.text, transcript.turns, speakerRegExp(project.settings));
}

/** An informant is a speaker whose code has the form of an informant code or who is in the registry. */
function informantTest(project: Project): (code: string) => boolean {
  const code = informantCodeRegExp(project.settings);
  return (speaker) => code.test(speaker) || project.informants.has(speaker);
}
