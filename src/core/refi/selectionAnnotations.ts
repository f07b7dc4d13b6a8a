import { annotationFor } from '../operations/tagPassage';
import type { Project } from '../project/model';
import { informantCodeRegExp, speakerRegExp } from '../settings/settings';
import type { Annotation } from '../sidecar/annotation';
import { speakerTurns, type SpeakerTurn } from '../speakers/turns';
import { TranscriptText } from '../text/transcriptText';
import { annotationIdOfGuid } from './guids';
import type { RefiSelection, RefiSource } from './model';
import { PositionMap, type ChosenReading } from './offsets';
import { WrittenOffsets } from './writtenOffsets';

/** What the annotations of a source need to know about the rest of the import. */
export interface SelectionContext {
  project: Project;
  conceptOfCode(codeGuid: string): string | undefined;
  uncodedConcept(): string;
  userName(userGuid: string | undefined): string | undefined;
  noteText(noteGuid: string): string | undefined;
  /** The informant of the case that holds the selection, or else the source, when there is just one. */
  caseInformant(source: RefiSource, selection: RefiSelection): string | undefined;
}

export interface SourceAnnotations {
  annotations: Annotation[];
  /** Why each annotation that could not be placed is an orphan, by annotation id. */
  orphans: { id: string; selection: string; reason: string }[];
  uncoded: number;
  unknownCodes: string[];
}

/** The source's text as written (CRLF kept) with the reading of its positions; none when the text is missing. */
export interface PlacedText {
  text: string;
  reading: ChosenReading;
}

/** Why a selection of a source of saved quotes (see exportSources) is an orphan again. */
const SAVED_QUOTE =
  'the package holds only its saved quote, since its transcript was missing or its passage not found when the package was written';

/**
 * One annotation per passage: selections with the same span and user (NVivo writes one per coding)
 * are one annotation with all their concepts. A selection that cannot be placed becomes an orphan
 * with what is known of it; it is never attached to other text.
 */
export function sourceAnnotations(
  source: RefiSource,
  placed: PlacedText | undefined,
  context: SelectionContext,
  savedQuotes = false,
): SourceAnnotations {
  const result: SourceAnnotations = { annotations: [], orphans: [], uncoded: 0, unknownCodes: [] };
  const placer = placed && new Placer(placed, context.project);
  for (const group of groupBySpan(source.selections)) {
    const first = group[0] as RefiSelection;
    const fields = sharedFields(group, context, result);
    const id = annotationIdOfGuid(first.guid);
    const informant = context.caseInformant(source, first);
    const span = placer ? placer.span(first) : `the text of the source "${source.name}" is missing`;
    if (typeof span === 'string' || savedQuotes) {
      const quote =
        typeof span === 'string' || !placer ? orphanQuote(source, first) : placer.doc.text.slice(span[0], span[1]);
      result.annotations.push({
        id,
        concepts: fields.concepts,
        ...(informant ? { informant } : {}),
        quote,
        ...optionalFields(fields),
      });
      result.orphans.push({ id, selection: first.guid, reason: typeof span === 'string' ? span : SAVED_QUOTE });
    } else if (placer) {
      // Fields are set on the annotation as made: a passage is one of many thousands in a large file.
      const annotation = annotationFor(context.project, placer.doc, placer.turns, span, fields, id, placer.codePattern);
      if (!annotation.created) delete annotation.created;
      if (!annotation.informant && informant) annotation.informant = informant;
      result.annotations.push(annotation);
    }
  }
  return result;
}

class Placer {
  readonly doc: TranscriptText;
  readonly turns: SpeakerTurn[];
  readonly codePattern: RegExp;
  private readonly positions: PositionMap;
  private readonly written: WrittenOffsets;

  constructor(placed: PlacedText, project: Project) {
    this.doc = new TranscriptText(placed.text);
    this.turns = speakerTurns(this.doc.text, speakerRegExp(project.settings));
    this.codePattern = informantCodeRegExp(project.settings);
    this.positions = new PositionMap(placed.text, placed.reading);
    this.written = new WrittenOffsets(placed.text, this.doc);
  }

  /** The passage in the transcript's offsets, or why there is none. */
  span(selection: RefiSelection): [number, number] | string {
    if (selection.badPosition !== undefined) return selection.badPosition;
    const span = this.positions.span(selection.start, selection.end);
    const where = `positions ${selection.start}-${selection.end}`;
    if (!span)
      return `${where} are not inside the text (it has ${this.positions.length} ${this.positions.reading.unit})`;
    const [start, end] = [this.written.toDocOffset(span[0]), this.written.toDocOffset(span[1])];
    return start < end ? [start, end] : `${where} mark no text`;
  }
}

function groupBySpan(selections: readonly RefiSelection[]): RefiSelection[][] {
  const groups = new Map<string, RefiSelection[]>();
  for (const selection of selections) {
    const key = spanKey(selection);
    const group = groups.get(key);
    if (group) group.push(selection);
    else groups.set(key, [selection]);
  }
  return [...groups.values()];
}

/**
 * Selections with the same key are one passage: the same span and user. One without a valid position is a passage of
 * its own.
 */
export function spanKey(selection: RefiSelection): string {
  if (selection.badPosition !== undefined) return `${selection.guid}:no position`;
  return `${selection.start}:${selection.end}:${selection.userGuid ?? selection.codings[0]?.userGuid ?? ''}`;
}

interface SharedFields {
  concepts: string[];
  memo?: string;
  coder?: string;
  created: string;
}

function sharedFields(
  group: readonly RefiSelection[],
  context: SelectionContext,
  result: SourceAnnotations,
): SharedFields {
  const first = group[0] as RefiSelection;
  const concepts: string[] = [];
  const memos: string[] = [];
  for (const selection of group) {
    for (const coding of selection.codings) {
      const concept = context.conceptOfCode(coding.codeGuid);
      if (!concept) result.unknownCodes.push(coding.codeGuid);
      else if (!concepts.includes(concept)) concepts.push(concept);
    }
    addMemo(memos, selection.description);
    for (const guid of selection.noteGuids) addMemo(memos, context.noteText(guid));
  }
  if (concepts.length === 0) {
    concepts.push(context.uncodedConcept());
    result.uncoded++;
  }
  const fields: SharedFields = { concepts, created: first.created ?? first.codings[0]?.created ?? '' };
  if (memos.length > 0) fields.memo = memos.join('\n\n');
  const coder = context.userName(first.userGuid ?? first.codings[0]?.userGuid);
  if (coder) fields.coder = coder;
  return fields;
}

/** A memo, trimmed, unless it is blank or there already. */
function addMemo(memos: string[], memo: string | undefined): void {
  const trimmed = memo?.trim();
  if (trimmed && !memos.includes(trimmed)) memos.push(trimmed);
}

function optionalFields(fields: SharedFields): Partial<Annotation> {
  return {
    ...(fields.memo ? { memo: fields.memo } : {}),
    ...(fields.coder ? { coder: fields.coder } : {}),
    ...(fields.created ? { created: fields.created } : {}),
  };
}

/** An orphan's quote: the selection's name when it holds text, else a description of where it was. */
function orphanQuote(source: RefiSource, selection: RefiSelection): string {
  const name = selection.name.trim();
  const where =
    selection.badPosition === undefined ? `at ${selection.start}-${selection.end}` : 'with no valid position';
  return name !== '' && !/^line:\d+$/.test(name) ? name : `[passage ${where} of "${source.name}", not found]`;
}
