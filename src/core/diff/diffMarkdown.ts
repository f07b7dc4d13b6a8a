import type { AttributeValue } from '../informants/registry';
import { code, plain, shorten, tableRow } from './markdownText';
import type { AnnotationEntry, CodebookDiff, ConceptRef, InformantsDiff, ProjectDiff, TranscriptDiff, UnreadableFile } from './model';
import { isEmptyDiff, summarize, type DiffSummary } from './summary';

const QUOTE_LENGTH = 120;
const MEMO_LENGTH = 60;

/**
 * The diff as Markdown for a pull-request comment: a summary line, a table of annotation changes
 * per transcript, then the codebook and informant changes. All text from the project is escaped.
 */
export function diffMarkdown(diff: ProjectDiff): string {
  if (isEmptyDiff(diff)) return 'No coding changes.\n';
  const parts = [summaryLine(summarize(diff)), ...diff.unreadable.map(unreadableNote)];
  for (const transcript of diff.transcripts) parts.push(`### ${code(transcript.path)}`, transcriptTable(transcript));
  const concepts = codebookLines(diff.codebook);
  if (concepts.length > 0) parts.push('### Codebook', concepts.join('\n'));
  const informants = informantLines(diff.informants);
  if (informants.length > 0) parts.push('### Informants', informants.join('\n'));
  return parts.join('\n\n') + '\n';
}

function summaryLine(summary: DiffSummary): string {
  const annotations = counted(summary.annotations, { added: 'added', removed: 'removed', retagged: 'retagged', memoChanged: 'memo changed', requoted: 're-quoted' });
  const concepts = counted(summary.concepts, { added: 'added', removed: 'removed', renamed: 'renamed', moved: 'moved', descriptionChanged: 'redefined', merged: 'merged' });
  const informants = counted(summary.informants, { added: 'added', removed: 'removed', changed: 'changed' });
  const parts = [
    annotations && `passages ${annotations} in ${summary.transcripts} transcript${summary.transcripts === 1 ? '' : 's'}`,
    concepts && `concepts ${concepts}`,
    informants && `informants ${informants}`,
  ].filter((part) => part !== '');
  return `**Coding changes:** ${parts.length > 0 ? parts.join('; ') : 'none in what could be compared'}.`;
}

function counted<K extends string>(counts: Record<K, number>, words: Record<K, string>): string {
  return (Object.keys(words) as K[]).filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${words[kind]}`).join(', ');
}

function unreadableNote(file: UnreadableFile): string {
  return `> **Not compared:** ${code(file.path)} could not be read in the ${file.side}; run \`qcode check\` there.`;
}

function transcriptTable(transcript: TranscriptDiff): string {
  return [
    tableRow(['Change', 'Line', 'Passage', 'Concepts', 'Coder']),
    tableRow(['---', '---:', '---', '---', '---']),
    ...transcript.added.map((e) => entryRow('added', e)),
    ...transcript.removed.map((e) => entryRow('removed', e)),
    ...transcript.retagged.map((e) => entryRow(`retagged: ${[...e.conceptsAdded.map((c) => `+${concept(c)}`), ...e.conceptsRemoved.map((c) => `−${concept(c)}`)].join(', ')}`, e)),
    ...transcript.memoChanged.map((e) => entryRow(`memo changed: ${quoted(e.oldMemo, MEMO_LENGTH)} → ${quoted(e.newMemo, MEMO_LENGTH)}`, e)),
    ...transcript.requoted.map((e) => entryRow(`re-quoted, was: ${plain(shorten(e.oldQuote, QUOTE_LENGTH))}`, e)),
  ].join('\n');
}

function entryRow(change: string, entry: AnnotationEntry): string {
  return tableRow([change, entry.line === null ? '' : String(entry.line), passage(entry), concepts(entry.concepts), plain(entry.coder ?? '')]);
}

function passage(entry: AnnotationEntry): string {
  return `${plain(shorten(entry.quote, QUOTE_LENGTH))} ${plain(entry.citation)}`;
}

/** Text in quotation marks, shortened; "(none)" when there is none. */
function quoted(text: string | null, max: number): string {
  return text === null ? '(none)' : `“${plain(shorten(text, max))}”`;
}

function concepts(refs: readonly ConceptRef[]): string {
  return refs.map(concept).join(', ');
}

function concept(ref: ConceptRef | null): string {
  if (ref === null) return 'the top level';
  return ref.label === null ? code(ref.id) : `${plain(ref.label)} ${code(ref.id)}`;
}

function codebookLines(diff: CodebookDiff): string[] {
  return [
    ...diff.added.map((c) => `- added ${concept(c)} under ${concept(c.parent)}`),
    ...diff.removed.map((c) => `- removed ${concept(c)}`),
    ...diff.renamed.map((c) => `- renamed ${code(c.id)}: ${plain(c.oldLabel)} → ${plain(c.newLabel)}`),
    ...diff.moved.map((c) => `- moved ${concept(c)} from ${concept(c.oldParent)} to ${concept(c.newParent)}`),
    ...diff.descriptionChanged.map((c) => `- redefined ${concept(c)}: ${quoted(c.oldDescription, QUOTE_LENGTH)} → ${quoted(c.newDescription, QUOTE_LENGTH)}`),
    ...diff.merged.map((c) => `- merged ${concept(c)} into ${concept(c.into)} (${c.annotations} passage${c.annotations === 1 ? '' : 's'})`),
  ];
}

function informantLines(diff: InformantsDiff): string[] {
  return [
    ...diff.added.map((i) => `- added ${plain(i.code)}${attributes(i.attributes)}`),
    ...diff.removed.map((i) => `- removed ${plain(i.code)}${attributes(i.attributes)}`),
    ...diff.changed.map((i) => `- changed ${plain(i.code)}: ${i.changes.map((c) => `${plain(c.attribute)} ${value(c.oldValue)} → ${value(c.newValue)}`).join(', ')}`),
  ];
}

function attributes(values: Record<string, AttributeValue>): string {
  const pairs = Object.entries(values).map(([name, v]) => `${plain(name)}: ${value(v)}`);
  return pairs.length > 0 ? ` (${pairs.join(', ')})` : '';
}

function value(v: AttributeValue | null): string {
  return v === null ? '(none)' : plain(String(v));
}
