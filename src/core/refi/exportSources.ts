import { ID_PATTERN } from '../ids';
import { basename } from '../paths';
import type { ResolvedAnnotation, TranscriptFile } from '../project/model';
import { codePointOffsets, firstCodePoints } from '../text/codePoints';
import type { TranscriptText } from '../text/transcriptText';
import { annotationGuid, stableGuid } from './guids';
import type { RefiCoding, RefiSelection, RefiSource, RefiUser } from './model';
import { isXsdDateTime } from './xsdValues';

/** How many code points of a passage go into its selection's name, as ATLAS.ti does. */
export const SELECTION_NAME_LENGTH = 100;

export interface ExportedSources {
  sources: RefiSource[];
  /** Source GUID -> its text as exported: UTF-8 without BOM, LF line ends. */
  texts: Map<string, string>;
  users: RefiUser[];
  /** Each placed annotation with the GUID of its selection, for linking cases. */
  placed: { resolved: ResolvedAnnotation; selectionGuid: string; sourceGuid: string }[];
  /** Annotations whose passage was not found (or whose transcript could not be read): not exported. */
  orphansLeftOut: number;
  /** Concepts named by annotations but missing from the codebook: those codings are not exported. */
  unknownConceptCodings: number;
}

type Authorship = Pick<RefiSelection, 'userGuid' | 'created'>;

/** Transcripts become text sources; every annotation whose passage is found becomes a selection with one coding per concept. */
export function transcriptsToSources(transcripts: readonly TranscriptFile[], codeGuids: ReadonlyMap<string, string>): ExportedSources {
  const exporter = new SourceExporter(codeGuids);
  for (const file of transcripts) exporter.add(file);
  return exporter.finish();
}

/** The annotation's GUID: one that reads back to its id, unless the id is not one qcode mints (written by hand, say). */
export function selectionGuidOf(id: string): string {
  return ID_PATTERN.test(id) ? annotationGuid(id) : stableGuid('annotation', id);
}

class SourceExporter {
  private readonly exported: ExportedSources = { sources: [], texts: new Map(), users: [], placed: [], orphansLeftOut: 0, unknownConceptCodings: 0 };
  /** Coder -> user GUID. */
  private readonly userGuids = new Map<string, string>();

  constructor(private readonly codeGuids: ReadonlyMap<string, string>) {}

  add(file: TranscriptFile): void {
    if (!file.doc) {
      this.exported.orphansLeftOut += file.annotations.length;
      return;
    }
    const source = this.source(file, file.doc);
    this.exported.sources.push(source);
    this.exported.texts.set(source.guid, file.doc.text);
  }

  finish(): ExportedSources {
    this.exported.users = [...this.userGuids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, guid]) => ({ guid, name }));
    return this.exported;
  }

  private source(file: TranscriptFile, doc: TranscriptText): RefiSource {
    const guid = stableGuid('source', file.path);
    const toCodePoints = codePointOffsets(doc.text);
    const placed: { resolved: ResolvedAnnotation; start: number; end: number }[] = [];
    for (const resolved of file.annotations) {
      if (resolved.annotation.coder !== undefined) this.userGuid(resolved.annotation.coder);
      if (resolved.resolution.status === 'orphaned') this.exported.orphansLeftOut++;
      else placed.push({ resolved, start: resolved.resolution.start, end: resolved.resolution.end });
    }
    placed.sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.resolved, b.resolved));
    const selections = placed.map(({ resolved, start, end }): RefiSelection => {
      const selection = this.selection(resolved, doc.text.slice(start, end));
      this.exported.placed.push({ resolved, selectionGuid: selection.guid, sourceGuid: guid });
      return { ...selection, start: toCodePoints(start), end: toCodePoints(end) };
    });
    return { guid, name: basename(file.path), plainTextPath: `internal://${guid}.txt`, selections };
  }

  private selection(resolved: ResolvedAnnotation, passage: string): Omit<RefiSelection, 'start' | 'end'> {
    const { annotation } = resolved;
    const author = this.authorship(resolved);
    const codings = this.codings(resolved, author);
    this.exported.unknownConceptCodings += new Set(annotation.concepts).size - codings.length;
    return {
      guid: selectionGuidOf(annotation.id),
      name: firstCodePoints(passage, SELECTION_NAME_LENGTH),
      ...author,
      ...(annotation.memo !== undefined && annotation.memo !== '' ? { description: annotation.memo } : {}),
      codings,
      noteGuids: [],
    };
  }

  private codings(resolved: ResolvedAnnotation, author: Authorship): RefiCoding[] {
    const codings: RefiCoding[] = [];
    for (const conceptId of new Set(resolved.annotation.concepts)) {
      const codeGuid = this.codeGuids.get(conceptId);
      if (codeGuid !== undefined) codings.push({ guid: stableGuid('coding', `${resolved.annotation.id}:${conceptId}`), codeGuid, ...author });
    }
    return codings;
  }

  /** The creating user and time of an annotation, where it names them (a time only when it is a valid xsd:dateTime). */
  private authorship(resolved: ResolvedAnnotation): Authorship {
    const { coder, created } = resolved.annotation;
    return {
      ...(coder !== undefined ? { userGuid: this.userGuid(coder) } : {}),
      ...(created !== undefined && isXsdDateTime(created) ? { created } : {}),
    };
  }

  private userGuid(coder: string): string {
    let guid = this.userGuids.get(coder);
    if (guid === undefined) this.userGuids.set(coder, (guid = stableGuid('user', coder)));
    return guid;
  }
}

function compareIds(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  return a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0;
}
