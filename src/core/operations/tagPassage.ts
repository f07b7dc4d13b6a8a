import { captureAnchor } from '../anchoring/capture';
import { newAnnotationId } from '../ids';
import type { ProjectFiles, RandomBytes } from '../port';
import type { Project } from '../project/model';
import { informantCodeRegExp } from '../settings/settings';
import type { Annotation } from '../sidecar/annotation';
import { updateSidecar } from '../sidecar/updateSidecar';
import { informantAt, type SpeakerTurn } from '../speakers/turns';
import { formatRange, type TextRange } from '../text/position';
import type { TranscriptText } from '../text/transcriptText';

export interface TagRequest {
  transcript: string;
  range: TextRange;
  concepts: string[];
  memo?: string;
  coder?: string;
  /** ISO 8601 time of tagging. */
  created: string;
}

export type TagResult = { ok: true; annotation: Annotation } | { ok: false; message: string };

/** Adds an annotation for a passage, anchored by its quote and context, to the transcript's sidecar. */
export async function tagPassage(files: ProjectFiles, project: Project, request: TagRequest, random: RandomBytes): Promise<TagResult> {
  const transcript = project.transcripts.find((t) => t.path === request.transcript);
  if (!transcript?.doc) return { ok: false, message: `${request.transcript} is not a readable transcript of this project (transcripts are under "${project.settings.transcripts}/").` };
  const unknown = request.concepts.filter((id) => !project.codebook.has(id));
  if (unknown.length > 0) return { ok: false, message: `Unknown concept ${unknown.map((id) => `"${id}"${suggestion(project, id)}`).join(', ')}. Concepts are the ids in ${project.settings.codebook}.` };
  if (request.concepts.length === 0) return { ok: false, message: 'Give at least one concept.' };
  const offsets = passageOffsets(transcript.doc, request.range);
  if (typeof offsets === 'string') return { ok: false, message: `${request.transcript}: ${offsets}` };
  const taken = new Set(project.transcripts.flatMap((t) => t.annotations.map((a) => a.annotation.id)));
  const annotation = annotationFor(project, transcript.doc, transcript.turns, offsets, request, newAnnotationId(random, taken));
  const result = await updateSidecar(files, transcript.sidecarPath, transcript.path, (current) => [...current, annotation]);
  if (!result.ok) return { ok: false, message: result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n') };
  return { ok: true, annotation };
}

/** A new annotation of the passage [start, end) of a text, attributed to the speaker of its turn. */
export function annotationFor(project: Project, doc: TranscriptText, turns: readonly SpeakerTurn[], [start, end]: [number, number], request: Omit<TagRequest, 'transcript' | 'range'>, id: string): Annotation {
  const anchor = captureAnchor(doc, start, end);
  const codePattern = informantCodeRegExp(project.settings);
  const informant = informantAt(turns, start, (code) => codePattern.test(code));
  return {
    id,
    concepts: [...new Set(request.concepts)],
    ...(informant ? { informant } : {}),
    range: anchor.range,
    quote: anchor.quote,
    before: anchor.before,
    after: anchor.after,
    ...(request.memo ? { memo: request.memo } : {}),
    ...(request.coder ? { coder: request.coder } : {}),
    created: request.created,
  };
}

/** The passage's offsets with surrounding white space left out, or why the range is unusable. */
export function passageOffsets(doc: TranscriptText, range: TextRange): [number, number] | string {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  if (start === undefined || end === undefined) return `the range ${formatRange(range)} is outside the text (it has ${doc.lineCount} lines; columns count from 1).`;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(doc.text[s] as string)) s++;
  while (e > s && /\s/.test(doc.text[e - 1] as string)) e--;
  if (s === e) return `the range ${formatRange(range)} holds no text.`;
  return [s, e];
}

function suggestion(project: Project, id: string): string {
  const close = project.codebook.suggest(id);
  return close.length > 0 ? ` (did you mean "${close[0]}"?)` : '';
}
