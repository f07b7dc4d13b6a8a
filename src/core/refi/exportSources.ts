import { ID_PATTERN } from '../ids';
import { basename } from '../paths';
import type { ResolvedAnnotation, TranscriptFile } from '../project/model';
import { codePointOffsets, firstCodePoints } from '../text/codePoints';
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
  /**
   * Annotations whose passage was not found (or whose transcript is missing or unreadable). Each
   * transcript's are kept in a source of their own, made of their saved quotes (see quoteSource).
   */
  fromSidecar: ResolvedAnnotation[];
  /** The GUID of each source made of saved quotes -> the file name of the transcript they belong to. */
  quoteSources: Map<string, string>;
  /** Concepts named by annotations but missing from the codebook: those codings are not exported. */
  unknownConceptCodings: number;
}

type Authorship = Pick<RefiSelection, 'userGuid' | 'created'>;

/**
 * Transcripts become text sources; every annotation becomes a selection with one coding per
 * concept: in its transcript's source where its passage is found, else in the transcript's source
 * of saved quotes.
 */
export function transcriptsToSources(
  transcripts: readonly TranscriptFile[],
  codeGuids: ReadonlyMap<string, string>,
): ExportedSources {
  const exporter = new SourceExporter(codeGuids);
  for (const file of transcripts) exporter.add(file);
  return exporter.finish();
}

/**
 * The annotation's GUID: one that reads back to its id, unless the id is not one qcode mints (written by hand, say).
 */
export function selectionGuidOf(id: string): string {
  return ID_PATTERN.test(id) ? annotationGuid(id) : stableGuid('annotation', id);
}

class SourceExporter {
  private readonly exported: ExportedSources = {
    sources: [],
    texts: new Map(),
    users: [],
    placed: [],
    fromSidecar: [],
    quoteSources: new Map(),
    unknownConceptCodings: 0,
  };
  /** Coder -> user GUID. */
  private readonly userGuids = new Map<string, string>();

  constructor(private readonly codeGuids: ReadonlyMap<string, string>) {}

  add(file: TranscriptFile): void {
    for (const { annotation } of file.annotations) if (annotation.coder !== undefined) this.userGuid(annotation.coder);
    const orphans = file.annotations.filter((r) => r.resolution.status === 'orphaned');
    if (file.doc) this.addSource(stableGuid('source', file.path), basename(file.path), file.doc.text, placedIn(file));
    if (orphans.length === 0) return;
    const quotes = quoteSource(file, orphans);
    this.addSource(quotes.guid, quotes.name, quotes.text, quotes.placed, quotes.description);
    this.exported.quoteSources.set(quotes.guid, basename(file.path));
    this.exported.fromSidecar.push(...orphans);
  }

  finish(): ExportedSources {
    this.exported.users = [...this.userGuids]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, guid]) => ({ guid, name }));
    return this.exported;
  }

  private addSource(guid: string, name: string, text: string, placed: Placed[], description?: string): void {
    const toCodePoints = codePointOffsets(text);
    placed.sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.resolved, b.resolved));
    const selections = placed.map(({ resolved, start, end }): RefiSelection => {
      const selection = this.selection(resolved, text.slice(start, end), toCodePoints(start), toCodePoints(end));
      this.exported.placed.push({ resolved, selectionGuid: selection.guid, sourceGuid: guid });
      return selection;
    });
    this.exported.sources.push({
      guid,
      name,
      plainTextPath: `internal://${guid}.txt`,
      ...(description ? { description } : {}),
      selections,
    });
    this.exported.texts.set(guid, text);
  }

  private selection(resolved: ResolvedAnnotation, passage: string, start: number, end: number): RefiSelection {
    const { annotation } = resolved;
    const author = this.authorship(resolved);
    const concepts = new Set(annotation.concepts);
    const codings = this.codings(annotation.id, concepts, author);
    this.exported.unknownConceptCodings += concepts.size - codings.length;
    const selection: RefiSelection = {
      guid: selectionGuidOf(annotation.id),
      name: firstCodePoints(passage, SELECTION_NAME_LENGTH),
      start,
      end,
      codings,
      noteGuids: [],
    };
    if (author.userGuid !== undefined) selection.userGuid = author.userGuid;
    if (author.created !== undefined) selection.created = author.created;
    if (annotation.memo !== undefined && annotation.memo !== '') selection.description = annotation.memo;
    return selection;
  }

  private codings(id: string, concepts: ReadonlySet<string>, author: Authorship): RefiCoding[] {
    const codings: RefiCoding[] = [];
    for (const conceptId of concepts) {
      const codeGuid = this.codeGuids.get(conceptId);
      if (codeGuid !== undefined)
        codings.push({ guid: stableGuid('coding', `${id}:${conceptId}`), codeGuid, ...author });
    }
    return codings;
  }

  /** The creating user and time of an annotation, where it names them (a time only when it is a valid xsd:dateTime). */
  private authorship(resolved: ResolvedAnnotation): Authorship {
    const { coder, created } = resolved.annotation;
    const author: Authorship = {};
    if (coder !== undefined) author.userGuid = this.userGuid(coder);
    if (created !== undefined && isXsdDateTime(created)) author.created = created;
    return author;
  }

  private userGuid(coder: string): string {
    let guid = this.userGuids.get(coder);
    if (guid === undefined) this.userGuids.set(coder, (guid = stableGuid('user', coder)));
    return guid;
  }
}

interface Placed {
  resolved: ResolvedAnnotation;
  start: number;
  end: number;
}

function placedIn(file: TranscriptFile): Placed[] {
  return file.annotations.flatMap((resolved) =>
    resolved.resolution.status === 'orphaned'
      ? []
      : [{ resolved, start: resolved.resolution.start, end: resolved.resolution.end }],
  );
}

/**
 * A source for the annotations of a transcript that have no place in its text: one paragraph per
 * saved quote (in the order of the sidecar), each annotation a selection over its quote, so that
 * no tool that reads the package loses them. Its name says what it is.
 */
function quoteSource(
  file: TranscriptFile,
  orphans: readonly ResolvedAnnotation[],
): { guid: string; name: string; text: string; placed: Placed[]; description: string } {
  const name = basename(file.path);
  const placed: Placed[] = [];
  let text = '';
  for (const resolved of [...orphans].sort((a, b) => a.line - b.line)) {
    if (text !== '') text += PARAGRAPH;
    const quote = resolved.annotation.quote.replace(/\r\n?/g, '\n').normalize('NFC');
    placed.push({ resolved, start: text.length, end: text.length + quote.length });
    text += quote;
  }
  const why = file.doc ? `their passages were not found in ${name}` : `${name} was missing or could not be read`;
  return {
    guid: stableGuid('sidecar quotes', file.path),
    name: quoteSourceName(name),
    text: `${text}\n`,
    placed,
    description: `The quotes qcode saved for ${orphans.length} annotation${orphans.length === 1 ? '' : 's'} of ${name}, kept here because ${why} when this package was written. One paragraph per annotation; it is not the transcript.`,
  };
}

const PARAGRAPH = '\n\n';

/** `intervju-K3.txt` -> `intervju-K3 (quotes from the sidecar).txt`. */
export function quoteSourceName(transcriptName: string): string {
  const dot = transcriptName.lastIndexOf('.');
  const [stem, ending] = dot > 0 ? [transcriptName.slice(0, dot), transcriptName.slice(dot)] : [transcriptName, ''];
  return `${stem} (quotes from the sidecar)${ending}`;
}

function compareIds(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  return a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0;
}
