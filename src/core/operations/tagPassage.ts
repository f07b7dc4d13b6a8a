import { captureAnchor } from '../anchoring/capture';
import { newAnnotationId } from '../ids';
import { commaList, englishText, isMessage, lineList, message, type Message, type MessageArg } from '../messages';
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

/** A refusal says why in English (`message`, as the command line prints it) and as `detail` to translate. */
export type TagResult = { ok: true; annotation: Annotation } | { ok: false; message: string; detail: Message };

/** Adds an annotation for a passage, anchored by its quote and context, to the transcript's sidecar. */
export async function tagPassage(
  files: ProjectFiles,
  project: Project,
  request: TagRequest,
  random: RandomBytes,
): Promise<TagResult> {
  const transcript = project.transcripts.find((t) => t.path === request.transcript);
  if (!transcript?.doc)
    return refused(
      message('{transcript} is not a readable transcript of this project (transcripts are under "{folder}/").', {
        transcript: request.transcript,
        folder: project.settings.transcripts,
      }),
    );
  const unknown = request.concepts.filter((id) => !project.codebook.has(id));
  if (unknown.length > 0) return refused(unknownConcepts(project, unknown));
  if (request.concepts.length === 0) return refused(message('Give at least one concept.'));
  const offsets = passageOffsetsOrWhy(transcript.doc, request.range);
  if (!Array.isArray(offsets))
    return refused(message('{transcript}: {reason}', { transcript: request.transcript, reason: offsets }));
  const taken = new Set(project.transcripts.flatMap((t) => t.annotations.map((a) => a.annotation.id)));
  const annotation = annotationFor(
    project,
    transcript.doc,
    transcript.turns,
    offsets,
    request,
    newAnnotationId(random, taken),
  );
  const result = await updateSidecar(files, transcript.sidecarPath, transcript.path, (current) => [
    ...current,
    annotation,
  ]);
  if (!result.ok)
    return refused(
      lineList(
        result.problems.map((p) =>
          message('{file}:{line}:{column}: {problem}', {
            file: p.file,
            line: p.line,
            column: p.column,
            problem: p.detail ?? p.message,
          }),
        ),
      ),
    );
  return { ok: true, annotation };
}

/**
 * A new annotation of the passage [start, end) of a text, attributed to the speaker of its turn; `codePattern` is the
 * project's informantCodeRegExp, which a caller that makes many may make once.
 */
export function annotationFor(
  project: Project,
  doc: TranscriptText,
  turns: readonly SpeakerTurn[],
  [start, end]: [number, number],
  request: Omit<TagRequest, 'transcript' | 'range'>,
  id: string,
  codePattern = informantCodeRegExp(project.settings),
): Annotation {
  const anchor = captureAnchor(doc, start, end);
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
  const offsets = passageOffsetsOrWhy(doc, range);
  return Array.isArray(offsets) ? offsets : englishText(offsets);
}

/** The passage's offsets, or why the range is unusable as a message to translate. */
export function passageOffsetsOrWhy(doc: TranscriptText, range: TextRange): [number, number] | Message {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  if (start === undefined || end === undefined)
    return message('the range {range} is outside the text (it has {lines} lines; columns count from 1).', {
      range: formatRange(range),
      lines: doc.lineCount,
    });
  let s = start;
  let e = end;
  while (s < e && /\s/.test(doc.text[s] as string)) s++;
  while (e > s && /\s/.test(doc.text[e - 1] as string)) e--;
  if (s === e) return message('the range {range} holds no text.', { range: formatRange(range) });
  return [s, e];
}

function refused(detail: MessageArg): TagResult {
  const said = isMessage(detail) ? detail : message('{text}', { text: detail });
  return { ok: false, message: englishText(said), detail: said };
}

function unknownConcepts(project: Project, unknown: readonly string[]): Message {
  const named = unknown.map((id) => message('"{id}"{hint}', { id, hint: suggestion(project, id) }));
  return message('Unknown concept {concepts}. Concepts are the ids in {codebook}.', {
    concepts: commaList(named),
    codebook: project.settings.codebook,
  });
}

function suggestion(project: Project, id: string): MessageArg {
  const close = project.codebook.suggest(id)[0];
  return close === undefined ? '' : message(' (did you mean "{name}"?)', { name: close });
}
