import { inOrder } from '../inOrder';
import type { ProjectFiles } from '../port';
import { SIDECAR_SUFFIX } from '../paths';
import type { Annotation } from '../sidecar/annotation';
import { updateSidecar } from '../sidecar/updateSidecar';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { importProblem, type ImportSummary, type SourceReport } from './importSummary';
import type { RefiSource } from './model';
import { chooseReading, describeReading } from './offsets';
import {
  sourceAnnotations,
  type PlacedText,
  type SelectionContext,
  type SourceAnnotations,
} from './selectionAnnotations';
import { message } from '../messages';

/** A source to import, with its transcript file and its text (undefined: missing, 'unreadable': not UTF-8). */
export interface SourceImport {
  source: RefiSource;
  transcript: string;
  text: string | undefined | 'unreadable';
  /**
   * A source qcode made of saved quotes: its selections become orphans of `transcript`, and its text is not written.
   */
  savedQuotes?: boolean;
}

/** The text of a source: inline, else its file in the package, BOM dropped and everything else kept. */
export function sourceText(source: RefiSource, bytes: Uint8Array | undefined): SourceImport['text'] {
  if (source.inlineText !== undefined && !bytes) return source.inlineText;
  if (!bytes) return undefined;
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded.text : 'unreadable';
}

/** A source with its passages placed, ready to be written. */
export interface PreparedSource {
  item: SourceImport;
  report: SourceReport;
  placed?: PlacedText;
  annotations: SourceAnnotations;
}

/** Chooses how to read the source's positions and makes its annotations; writes nothing. */
export function prepareSource(
  item: SourceImport,
  context: SelectionContext,
  origin: string | undefined,
): PreparedSource {
  const { source, transcript } = item;
  const report: SourceReport = {
    source: source.name,
    transcript,
    status: 'written',
    selections: source.selections.length,
  };
  const placed = typeof item.text === 'string' ? placedText(item.text, source, origin, report) : undefined;
  return {
    item,
    report,
    ...(placed ? { placed } : {}),
    annotations: sourceAnnotations(source, placed, context, item.savedQuotes),
  };
}

/**
 * How many transcripts are written at once: their files are apart, and waiting for the disk one file at a time is most
 * of an import.
 */
const AT_ONCE = 16;

/**
 * Commits every source (see commitSource), several transcripts at once; the sources of one
 * transcript one after the other. The summary tells of them in the order given, as if one at a time.
 */
export async function commitSources(
  files: ProjectFiles,
  prepared: readonly PreparedSource[],
  summary: ImportSummary,
): Promise<void> {
  const byTranscript = new Map<string, PreparedSource[]>();
  for (const source of prepared) {
    const group = byTranscript.get(source.item.transcript);
    if (group) group.push(source);
    else byTranscript.set(source.item.transcript, [source]);
  }
  const parts = new Map<PreparedSource, ImportSummary>();
  await inOrder([...byTranscript.values()], AT_ONCE, async (sources) => {
    for (const source of sources) {
      const part: ImportSummary = {
        ...summary,
        annotations: { added: 0, merged: 0, unchanged: 0, orphaned: 0, uncoded: 0 },
        sources: [],
        written: [],
        problems: [],
      };
      await commitSource(files, source, part);
      parts.set(source, part);
    }
  });
  for (const source of prepared) addPart(summary, parts.get(source) as ImportSummary);
}

function addPart(summary: ImportSummary, part: ImportSummary): void {
  summary.sources.push(...part.sources);
  summary.written.push(...part.written);
  summary.problems.push(...part.problems);
  for (const key of ['added', 'merged', 'unchanged', 'orphaned', 'uncoded'] as const)
    summary.annotations[key] += part.annotations[key];
}

/**
 * Writes a source's transcript (unless the same text is there already) and merges its annotations
 * into the sidecar by id. An existing transcript with other text is never overwritten: the source's
 * annotations are skipped and the conflict reported.
 */
async function commitSource(files: ProjectFiles, prepared: PreparedSource, summary: ImportSummary): Promise<void> {
  const { item, report, placed } = prepared;
  const { source, transcript } = item;
  summary.sources.push(report);
  if (item.savedQuotes) report.status = 'saved-quotes';
  else if (placed) {
    const existing = await files.read(transcript);
    const current = existing && decodeUtf8(existing);
    if (current && (!current.ok || current.text !== placed.text)) {
      report.status = 'conflict';
      summary.problems.push(
        importProblem(
          'conflict',
          message(
            '{transcript} exists with other text than the source "{source}". It was not overwritten and the source\'s {count} selections were not imported. Move the file away and import again, or import into another folder.',
            { transcript, source: source.name, count: source.selections.length },
          ),
          { source: source.name, path: transcript },
        ),
      );
      return;
    }
    if (current) report.status = 'unchanged';
    else await write(files, transcript, encodeUtf8(placed.text), summary);
  } else missingText(item, report, summary);
  await mergeAnnotations(files, item, prepared.annotations, summary);
}

function placedText(text: string, source: RefiSource, origin: string | undefined, report: SourceReport): PlacedText {
  const reading = chooseReading(text, source.selections, origin);
  report.offsets = {
    unit: reading.unit,
    crlfAsOne: reading.crlfAsOne,
    basis: reading.basis,
    description: describeReading(reading, text.includes('\r\n')),
  };
  return { text, reading };
}

function missingText(item: SourceImport, report: SourceReport, summary: ImportSummary): void {
  const unreadable = item.text === 'unreadable';
  report.status = unreadable ? 'unreadable' : 'missing';
  const lookedFor = item.source.plainTextPath
    ? message(' (looked for {path})', { path: item.source.plainTextPath })
    : '';
  const what = unreadable
    ? message('is not UTF-8 text')
    : message('is not in {file}{lookedFor}', { file: summary.file, lookedFor });
  const text = message(
    'The text of the source "{source}" {what}. Its {count} selections are kept as orphaned annotations in {sidecar}; put the transcript beside it and run "qcode check".',
    { source: item.source.name, what, count: item.source.selections.length, sidecar: item.transcript + SIDECAR_SUFFIX },
  );
  summary.problems.push(
    importProblem(unreadable ? 'unreadable-source' : 'missing-source', text, {
      source: item.source.name,
      path: item.transcript,
    }),
  );
}

async function mergeAnnotations(
  files: ProjectFiles,
  item: SourceImport,
  imported: SourceAnnotations,
  summary: ImportSummary,
): Promise<void> {
  for (const guid of new Set(imported.unknownCodes))
    summary.problems.push(
      importProblem(
        'unknown-code',
        message(
          'A coding in "{source}" refers to the code {guid}, which the codebook does not have; that coding was left out.',
          { source: item.source.name, guid },
        ),
        { source: item.source.name },
      ),
    );
  if (imported.annotations.length === 0) return;
  const sidecar = item.transcript + SIDECAR_SUFFIX;
  const counts = { added: 0, merged: 0, unchanged: 0 };
  const result = await updateSidecar(files, sidecar, item.transcript, (current) =>
    mergeById(current, imported.annotations, counts),
  );
  if (!result.ok) {
    const why = result.problems[0]?.detail ?? result.problems[0]?.message ?? '';
    summary.problems.push(
      importProblem(
        'sidecar',
        message('{sidecar} could not be changed, so the {count} annotations of "{source}" were not added: {why}', {
          sidecar,
          count: imported.annotations.length,
          source: item.source.name,
          why,
        }),
        { source: item.source.name, path: sidecar },
      ),
    );
    return;
  }
  if (result.changed) summary.written.push(sidecar);
  summary.annotations.added += counts.added;
  summary.annotations.merged += counts.merged;
  summary.annotations.unchanged += counts.unchanged;
  summary.annotations.uncoded += imported.uncoded;
  summary.annotations.orphaned += imported.orphans.length;
  for (const orphan of imported.orphans)
    summary.problems.push(
      importProblem(
        'orphan',
        message(
          'The selection {selection} could not be placed: {reason}. It is kept as the orphaned annotation {id}.',
          { selection: orphan.selection, reason: orphan.reason, id: orphan.id },
        ),
        { source: item.source.name, path: sidecar },
      ),
    );
}

/** Existing annotations stay as they are; one with an imported id gains the imported concepts it lacks. */
function mergeById(
  current: Annotation[],
  imported: readonly Annotation[],
  counts: { added: number; merged: number; unchanged: number },
): Annotation[] {
  const merged = [...current];
  const indexOf = new Map(current.map((a, i) => [a.id, i]));
  for (const annotation of imported) {
    const index = indexOf.get(annotation.id) ?? -1;
    const existing = merged[index];
    if (!existing) {
      indexOf.set(annotation.id, merged.push(annotation) - 1);
      counts.added++;
      continue;
    }
    const missing = annotation.concepts.filter((c) => !existing.concepts.includes(c));
    if (missing.length === 0) counts.unchanged++;
    else {
      merged[index] = { ...existing, concepts: [...existing.concepts, ...missing] };
      counts.merged++;
    }
  }
  return merged;
}

export async function write(
  files: ProjectFiles,
  path: string,
  bytes: Uint8Array,
  summary: ImportSummary,
): Promise<void> {
  await files.write(path, bytes);
  summary.written.push(path);
}
