import type { ChapterFile } from '../chapters/chapterFiles';
import { chapterBlocks as memoFileBlocks } from '../chapters/chapterBlocks';
import type { ChapterIndex } from '../chapters/chapterIndex';
import { renderChapter } from '../chapters/renderChapter';
import type { Block } from '../export/chapter';
import { blocksToDocx } from '../export/docx';
import { exportWording } from '../export/language';
import { blockQuote, markdownText } from '../export/markdown';
import { citation, leadingSpeakerLabel, quoteText, sidecarNote } from '../export/quotes';
import { basename } from '../paths';
import type { Problem } from '../problems';
import type { ResolvedAnnotation } from '../project/model';
import type { QuoteFilter } from '../project/projectIndex';
import type { Settings } from '../settings/settings';
import { collectMemos, type Memo } from './collectMemos';
import { memoWording, type MemoWording } from './memoWording';

/** The memos written out, or the references of project memos that could not be rendered. */
export interface MemoExport {
  /** Markdown text, or the bytes of a Word file; undefined when a project memo has a broken reference. */
  content?: string | Uint8Array;
  memos: number;
  /** The passages whose memos were written, for telling which quotes came from a sidecar. */
  passages: ResolvedAnnotation[];
  problems: Problem[];
}

/** A part of the export: a heading and the memos under it, in one of the kinds' own forms. */
interface Part {
  title: string;
  memos: Memo[];
}

/**
 * Every memo of the project under a heading per kind: the project memos (their {{q:ID}} and
 * {{concept:ID}} references rendered as chapters' are), then the memos on concepts, then per
 * transcript its memo and the memos on its passages, each passage quoted with its citation. The
 * filter chooses the passages (and, by concept, the concepts) whose memos are written.
 */
export async function exportMemos(
  index: ChapterIndex,
  files: readonly ChapterFile[],
  filter: QuoteFilter,
  format: 'md' | 'docx',
): Promise<MemoExport> {
  const settings = index.project.settings;
  const rendered = files.map((file) => ({ file, ...renderChapter(file.path, file.text, index) }));
  const problems = rendered.flatMap((r) => r.problems).filter((p) => p.severity === 'error');
  const memos = chosen(index, collectMemos(index.project, files), filter);
  const passages = memos.flatMap((m) => (m.kind === 'annotation' ? [m.resolved] : []));
  if (problems.length > 0) return { memos: memos.length, passages, problems };
  const writer = new MemoWriter(settings, new Map(rendered.map((r) => [r.file.path, r])));
  const content =
    format === 'md'
      ? writer.markdown(parts(memos, memoWording(settings.language)))
      : await blocksToDocx(writer.blocks(parts(memos, memoWording(settings.language))), settings.language);
  return { content, memos: memos.length, passages, problems };
}

function chosen(index: ChapterIndex, memos: Memo[], filter: QuoteFilter): Memo[] {
  const accepts = index.quotes.matcher(filter);
  const concepts = filter.concepts?.length
    ? new Set(filter.concepts.flatMap((id) => [...index.project.codebook.subtreeIds(id)]))
    : undefined;
  return memos.filter((memo) =>
    memo.kind === 'annotation'
      ? accepts(memo.resolved)
      : memo.kind !== 'concept' || !concepts || concepts.has(memo.concept.id),
  );
}

/** The memos under their headings: project, concepts, then one part per transcript with its passages' memos. */
function parts(memos: readonly Memo[], wording: MemoWording): Part[] {
  const byTranscript = new Map<string, Memo[]>();
  for (const memo of memos) {
    const path =
      memo.kind === 'transcript'
        ? memo.transcript.path
        : memo.kind === 'annotation'
          ? memo.resolved.transcript.path
          : undefined;
    if (path !== undefined) byTranscript.set(path, [...(byTranscript.get(path) ?? []), memo]);
  }
  const of = (kind: Memo['kind']) => memos.filter((m) => m.kind === kind);
  return [
    { title: wording.project, memos: of('project') },
    { title: wording.concepts, memos: of('concept') },
    ...[...byTranscript]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, list]) => ({ title: `${wording.transcript} ${basename(path)}`, memos: list })),
  ].filter((part) => part.memos.length > 0);
}

type Rendered = { file: ChapterFile } & ReturnType<typeof renderChapter>;

class MemoWriter {
  private readonly label: RegExp;
  private readonly wording;

  constructor(
    private readonly settings: Settings,
    private readonly rendered: ReadonlyMap<string, Rendered>,
  ) {
    this.label = leadingSpeakerLabel(settings);
    this.wording = memoWording(settings.language);
  }

  markdown(all: readonly Part[]): string {
    const out = [`# ${this.wording.memos}`];
    for (const part of all) {
      out.push(`## ${markdownText(part.title)}`);
      for (const memo of part.memos) out.push(...this.markdownOf(memo));
    }
    if (all.length === 0) out.push(`*${this.wording.none}*`);
    return `${out.join('\n\n')}\n`;
  }

  blocks(all: readonly Part[]): Block[] {
    const out: Block[] = [{ kind: 'heading', level: 1, text: this.wording.memos }];
    for (const part of all) {
      out.push({ kind: 'heading', level: 2, text: part.title });
      for (const memo of part.memos) out.push(...this.blocksOf(memo));
    }
    if (all.length === 0) out.push({ kind: 'paragraph', text: this.wording.none });
    return out;
  }

  private markdownOf(memo: Memo): string[] {
    switch (memo.kind) {
      case 'project':
        return [`### ${markdownText(memo.path)}`, shiftHeadings(this.renderedText(memo.path).trim(), 3)];
      case 'concept':
        return [`### ${markdownText(memo.concept.label)}`, markdownText(memo.text.trim())];
      case 'transcript':
        return [markdownText(memo.text.trim())];
      case 'annotation':
        return [...this.passageMarkdown(memo.resolved), markdownText(memo.text.trim())];
    }
  }

  private blocksOf(memo: Memo): Block[] {
    switch (memo.kind) {
      case 'project': {
        const rendered = this.rendered.get(memo.path);
        const blocks = rendered ? memoFileBlocks(rendered.file.text, rendered.citations, this.settings) : [];
        return [
          { kind: 'heading', level: 3, text: memo.path },
          ...blocks.map((b) => (b.kind === 'heading' ? { ...b, level: Math.min(b.level + 3, 6) } : b)),
        ];
      }
      case 'concept':
        return [{ kind: 'heading', level: 3, text: memo.concept.label }, ...paragraphs(memo.text)];
      case 'transcript':
        return paragraphs(memo.text);
      case 'annotation':
        return [...this.passageBlocks(memo.resolved), ...paragraphs(memo.text)];
    }
  }

  private renderedText(path: string): string {
    return this.rendered.get(path)?.text ?? '';
  }

  private passageMarkdown(resolved: ResolvedAnnotation): string[] {
    const note = sidecarNote(resolved, exportWording(this.settings.language));
    return [
      blockQuote(quoteText(resolved, this.label), citation(this.settings.citation, resolved)),
      ...(note ? [`*${markdownText(note)}*`] : []),
    ];
  }

  private passageBlocks(resolved: ResolvedAnnotation): Block[] {
    const words = exportWording(this.settings.language);
    const note = sidecarNote(resolved, words);
    const quote: Block = {
      kind: 'quote',
      text: `${words.open}${quoteText(resolved, this.label)}${words.close}`,
      citation: citation(this.settings.citation, resolved),
    };
    return [quote, ...(note ? [{ kind: 'source' as const, text: note }] : [])];
  }
}

/** A memo's paragraphs (blank lines between them) as paragraphs of a document. */
function paragraphs(text: string): Block[] {
  return text
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((p) => ({ kind: 'paragraph' as const, text: p.trim() }));
}

/** Markdown with each ATX heading `levels` deeper (at most ######), fenced code left alone. */
export function shiftHeadings(markdown: string, levels: number): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (mark && (fence === undefined || (mark[0] === fence[0] && mark.length >= fence.length)))
        fence = fence === undefined ? mark : undefined;
      else if (fence === undefined)
        return line.replace(
          /^( {0,3})(#{1,6})(?=\s|$)/,
          (_, pad: string, hashes: string) => `${pad}${'#'.repeat(Math.min(hashes.length + levels, 6))}`,
        );
      return line;
    })
    .join('\n');
}
