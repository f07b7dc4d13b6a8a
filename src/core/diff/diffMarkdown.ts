import type { AttributeValue } from '../informants/registry';
import { englishText, message, type Message } from '../messages';
import { code, plain, shorten, tableRow } from './markdownText';
import type {
  AnnotationEntry,
  CodebookDiff,
  ConceptCriteriaChanged,
  ConceptRef,
  ExampleRef,
  InformantsDiff,
  MemosDiff,
  ProjectDiff,
  TranscriptDiff,
  UnreadableFile,
} from './model';
import { isEmptyDiff, summarize, type DiffSummary } from './summary';

const QUOTE_LENGTH = 120;
const MEMO_LENGTH = 60;
const EXAMPLE_LENGTH = 60;

/** Puts a message into words: in English on the command line, in the display language in the editor. */
export type Say = (m: Message) => string;

/**
 * The diff as Markdown for a pull-request comment: a summary line, a table of annotation changes
 * per transcript, then the codebook and informant changes. All text from the project is escaped.
 */
export function diffMarkdown(diff: ProjectDiff, say: Say = englishText): string {
  if (isEmptyDiff(diff)) return `${say(message('No coding changes.'))}\n`;
  const words = new DiffWords(say);
  const parts = [words.summaryLine(summarize(diff)), ...diff.unreadable.map((file) => words.unreadableNote(file))];
  for (const transcript of diff.transcripts)
    parts.push(`### ${code(transcript.path)}`, words.transcriptTable(transcript));
  const concepts = words.codebookLines(diff.codebook);
  if (concepts.length > 0) parts.push(`### ${say(message('Codebook'))}`, concepts.join('\n'));
  const informants = words.informantLines(diff.informants);
  if (informants.length > 0) parts.push(`### ${say(message('Informants'))}`, informants.join('\n'));
  const memos = words.memoLines(diff.memos);
  if (memos.length > 0) parts.push(`### ${say(message('Memos'))}`, memos.join('\n'));
  return parts.join('\n\n') + '\n';
}

/** The sentences of the report, each said in the language `say` speaks. */
class DiffWords {
  constructor(private readonly say: Say) {}

  summaryLine(summary: DiffSummary): string {
    const { say } = this;
    const annotations = this.counted(summary.annotations);
    const concepts = this.counted(summary.concepts);
    const informants = this.counted(summary.informants);
    const memos = Object.entries(summary.memos)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => say(countedMemos(kind, n)))
      .join(', ');
    const count = summary.transcripts;
    const parts = [
      annotations &&
        say(
          count === 1
            ? message('passages {counts} in {count} transcript', { counts: annotations, count })
            : message('passages {counts} in {count} transcripts', { counts: annotations, count }),
        ),
      concepts && say(message('concepts {counts}', { counts: concepts })),
      informants && say(message('informants {counts}', { counts: informants })),
      memos && say(message('memos changed: {counts}', { counts: memos })),
    ].filter((part) => part !== '');
    return say(
      message('**Coding changes:** {parts}.', {
        parts: parts.length > 0 ? parts.join('; ') : say(message('none in what could be compared')),
      }),
    );
  }

  unreadableNote(file: UnreadableFile): string {
    const side = file.side === 'base' ? message('base') : message('head');
    return `> ${this.say(message('**Not compared:** {path} could not be read in the {side}; run `qcode check` there.', { path: code(file.path), side }))}`;
  }

  transcriptTable(transcript: TranscriptDiff): string {
    const { say } = this;
    return [
      tableRow([
        say(message('Change')),
        say(message('Line')),
        say(message('Passage')),
        say(message('Concepts')),
        say(message('Coder')),
      ]),
      tableRow(['---', '---:', '---', '---', '---']),
      ...transcript.added.map((e) => this.entryRow(message('added'), e)),
      ...transcript.removed.map((e) => this.entryRow(message('removed'), e)),
      ...transcript.retagged.map((e) =>
        this.entryRow(
          message('retagged: {changes}', {
            changes: [
              ...e.conceptsAdded.map((c) => `+${this.concept(c)}`),
              ...e.conceptsRemoved.map((c) => `−${this.concept(c)}`),
            ].join(', '),
          }),
          e,
        ),
      ),
      ...transcript.memoChanged.map((e) =>
        this.entryRow(
          message('memo changed: {old} → {new}', {
            old: this.quoted(e.oldMemo, MEMO_LENGTH),
            new: this.quoted(e.newMemo, MEMO_LENGTH),
          }),
          e,
        ),
      ),
      ...transcript.keyChanged.map((e) =>
        this.entryRow(e.key ? message('marked as a key quote') : message('no longer a key quote'), e),
      ),
      ...transcript.requoted.map((e) =>
        this.entryRow(message('re-quoted, was: {quote}', { quote: plain(shorten(e.oldQuote, QUOTE_LENGTH)) }), e),
      ),
    ].join('\n');
  }

  codebookLines(diff: CodebookDiff): string[] {
    const line = (m: Message): string => `- ${this.say(m)}`;
    const concept = (ref: ConceptRef | null): string => this.concept(ref);
    return [
      ...diff.added.map((c) =>
        line(message('added {concept} under {parent}', { concept: concept(c), parent: concept(c.parent) })),
      ),
      ...diff.removed.map((c) => line(message('removed {concept}', { concept: concept(c) }))),
      ...diff.renamed.map((c) =>
        line(
          message('renamed {id}: {old} → {new}', { id: code(c.id), old: plain(c.oldLabel), new: plain(c.newLabel) }),
        ),
      ),
      ...diff.moved.map((c) =>
        line(
          message('moved {concept} from {old} to {new}', {
            concept: concept(c),
            old: concept(c.oldParent),
            new: concept(c.newParent),
          }),
        ),
      ),
      ...diff.descriptionChanged.map((c) =>
        line(
          message('redefined {concept}: {old} → {new}', {
            concept: concept(c),
            old: this.quoted(c.oldDescription, QUOTE_LENGTH),
            new: this.quoted(c.newDescription, QUOTE_LENGTH),
          }),
        ),
      ),
      ...diff.criteriaChanged.map((c) =>
        line(message('new criteria for {concept}: {changes}', { concept: concept(c), changes: this.criteria(c) })),
      ),
      ...diff.examplesChanged.map((c) =>
        line(
          message('examples of {concept}: {changes}', {
            concept: concept(c),
            changes: [
              ...c.examplesAdded.map((e) => `+${this.example(e)}`),
              ...c.examplesRemoved.map((e) => `−${this.example(e)}`),
            ].join(', '),
          }),
        ),
      ),
      ...diff.merged.map((c) =>
        line(
          c.annotations === 1
            ? message('merged {concept} into {target} ({count} passage)', {
                concept: concept(c),
                target: concept(c.into),
                count: c.annotations,
              })
            : message('merged {concept} into {target} ({count} passages)', {
                concept: concept(c),
                target: concept(c.into),
                count: c.annotations,
              }),
        ),
      ),
    ];
  }

  informantLines(diff: InformantsDiff): string[] {
    const line = (m: Message): string => `- ${this.say(m)}`;
    return [
      ...diff.added.map((i) =>
        line(message('added {code}{attributes}', { code: plain(i.code), attributes: this.attributes(i.attributes) })),
      ),
      ...diff.removed.map((i) =>
        line(message('removed {code}{attributes}', { code: plain(i.code), attributes: this.attributes(i.attributes) })),
      ),
      ...diff.changed.map((i) =>
        line(
          message('changed {code}: {changes}', {
            code: plain(i.code),
            changes: i.changes
              .map((c) => `${plain(c.attribute)} ${this.value(c.oldValue)} → ${this.value(c.newValue)}`)
              .join(', '),
          }),
        ),
      ),
    ];
  }

  memoLines(diff: MemosDiff): string[] {
    const line = (m: Message): string => `- ${this.say(m)}`;
    const change = (old: string | null, now: string | null) => ({
      old: this.quoted(old, QUOTE_LENGTH),
      new: this.quoted(now, QUOTE_LENGTH),
    });
    return [
      ...diff.project.map((m) =>
        line(
          m.change === 'added'
            ? message('added the memo {path}', { path: code(m.path) })
            : m.change === 'removed'
              ? message('removed the memo {path}', { path: code(m.path) })
              : message('changed the memo {path}', { path: code(m.path) }),
        ),
      ),
      ...diff.concepts.map((c) =>
        line(
          message('memo on {concept}: {old} → {new}', { concept: this.concept(c), ...change(c.oldMemo, c.newMemo) }),
        ),
      ),
      ...diff.transcripts.map((t) =>
        line(
          message('memo on {transcript}: {old} → {new}', { transcript: code(t.path), ...change(t.oldMemo, t.newMemo) }),
        ),
      ),
    ];
  }

  /** The criteria that changed, each as old → new. */
  private criteria(c: ConceptCriteriaChanged): string {
    const changes: Message[] = [];
    if (c.oldInclusion !== c.newInclusion)
      changes.push(
        message('inclusion {old} → {new}', {
          old: this.quoted(c.oldInclusion, QUOTE_LENGTH),
          new: this.quoted(c.newInclusion, QUOTE_LENGTH),
        }),
      );
    if (c.oldExclusion !== c.newExclusion)
      changes.push(
        message('exclusion {old} → {new}', {
          old: this.quoted(c.oldExclusion, QUOTE_LENGTH),
          new: this.quoted(c.newExclusion, QUOTE_LENGTH),
        }),
      );
    return changes.map((m) => this.say(m)).join('; ');
  }

  /** An example by its passage and citation, else by its id. */
  private example(e: ExampleRef): string {
    return e.quote === null
      ? code(e.id)
      : `“${plain(shorten(e.quote, EXAMPLE_LENGTH))}” ${plain(e.citation ?? '')}`.trimEnd();
  }

  private counted(counts: Readonly<Record<string, number>>): string {
    return Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => this.say(countedChange(kind, n)))
      .join(', ');
  }

  private entryRow(change: Message, entry: AnnotationEntry): string {
    return tableRow([
      this.say(change),
      entry.line === null ? '' : String(entry.line),
      `${plain(shorten(entry.quote, QUOTE_LENGTH))} ${plain(entry.citation)}`,
      entry.concepts.map((c) => this.concept(c)).join(', '),
      plain(entry.coder ?? ''),
    ]);
  }

  /** Text in quotation marks, shortened; "(none)" when there is none. */
  private quoted(text: string | null, max: number): string {
    return text === null ? this.say(message('(none)')) : `“${plain(shorten(text, max))}”`;
  }

  private concept(ref: ConceptRef | null): string {
    if (ref === null) return this.say(message('the top level'));
    return ref.label === null ? code(ref.id) : `${plain(ref.label)} ${code(ref.id)}`;
  }

  private attributes(values: Record<string, AttributeValue>): string {
    const pairs = Object.entries(values).map(([name, v]) => `${plain(name)}: ${this.value(v)}`);
    return pairs.length > 0 ? ` (${pairs.join(', ')})` : '';
  }

  private value(v: AttributeValue | null): string {
    return v === null ? this.say(message('(none)')) : plain(String(v));
  }
}

/** "2 added", "1 memo changed": how many changes of one kind. */
function countedChange(kind: string, count: number): Message {
  switch (kind) {
    case 'added':
      return message('{count} added', { count });
    case 'removed':
      return message('{count} removed', { count });
    case 'retagged':
      return message('{count} retagged', { count });
    case 'memoChanged':
      return message('{count} memo changed', { count });
    case 'keyChanged':
      return message('{count} marked or unmarked as key', { count });
    case 'requoted':
      return message('{count} re-quoted', { count });
    case 'renamed':
      return message('{count} renamed', { count });
    case 'moved':
      return message('{count} moved', { count });
    case 'descriptionChanged':
      return message('{count} redefined', { count });
    case 'criteriaChanged':
      return message('{count} with new criteria', { count });
    case 'examplesChanged':
      return message('{count} with new examples', { count });
    case 'merged':
      return message('{count} merged', { count });
    default:
      return message('{count} changed', { count });
  }
}

/** "1 on concepts", "2 in the project": how many memos of one kind changed. */
function countedMemos(kind: string, count: number): Message {
  if (kind === 'concepts') return message('{count} on concepts', { count });
  if (kind === 'transcripts') return message('{count} on transcripts', { count });
  return message('{count} memo file(s)', { count });
}
