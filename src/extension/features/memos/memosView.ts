import * as vscode from 'vscode';
import { readMemos, type ChapterFile } from '../../../core/chapters/chapterFiles';
import { collectMemos, memoMatches, type Memo } from '../../../core/memos/collectMemos';
import { groupMemos, type MemoGroup, type MemoGrouping } from '../../../core/memos/memoGroups';
import { basename } from '../../../core/paths';
import { oneLine } from '../../../core/text/oneLine';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/** A row of the Memos view: a heading, a memo, or the note that no memo matches the search. */
export type MemoNode = { group: MemoGroup } | { memo: Memo; parent: string } | { none: string };

const ICONS: Record<Memo['kind'], string> = {
  project: 'book',
  concept: 'symbol-class',
  transcript: 'file-text',
  annotation: 'quote',
};

/** What opening a memo needs: where it belongs. */
export type MemoRef =
  | { kind: 'annotation'; transcript: string; id: string }
  | { kind: 'concept'; id: string }
  | { kind: 'transcript'; transcript: string }
  | { kind: 'project'; path: string };

export function memoRef(memo: Memo): MemoRef {
  switch (memo.kind) {
    case 'annotation':
      return { kind: 'annotation', transcript: memo.resolved.transcript.path, id: memo.resolved.annotation.id };
    case 'concept':
      return { kind: 'concept', id: memo.concept.id };
    case 'transcript':
      return { kind: 'transcript', transcript: memo.transcript.path };
    case 'project':
      return { kind: 'project', path: memo.path };
  }
}

/** Every memo of the project under its heading, as the coder filter shows the passages, narrowed by a search. */
export class MemosProvider implements vscode.TreeDataProvider<MemoNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private files: { loaded: LoadedProject; memos: ChapterFile[] } | undefined;
  search = '';

  constructor(
    private readonly host: ProjectHost,
    private readonly filter: CoderFilter,
    public grouping: MemoGrouping,
  ) {}

  /** Reads the project's memo files again (they are not part of the loaded project), then shows everything anew. */
  async reload(): Promise<void> {
    const loaded = this.host.current;
    if (loaded) this.files = { loaded, memos: await readMemos(this.host.files, loaded.project.settings, []) };
    this.changed.fire();
  }

  refresh(): void {
    this.changed.fire();
  }

  /** The memos shown now, under their headings; undefined while the project loads. */
  groups(): MemoGroup[] | undefined {
    const loaded = this.host.current;
    if (!loaded) return undefined;
    const files = this.files?.loaded === loaded ? this.files.memos : [];
    const memos = collectMemos(loaded.project, files).filter(
      (m) => (m.kind !== 'annotation' || this.filter.shows(m.resolved.annotation)) && memoMatches(m, this.search),
    );
    return groupMemos(memos, this.grouping, loaded.project.codebook);
  }

  getChildren(node?: MemoNode): MemoNode[] {
    if (node && 'group' in node) return node.group.memos.map((memo) => ({ memo, parent: node.group.id }));
    if (node) return [];
    const groups = this.groups() ?? [];
    if (groups.length === 0 && this.search.trim()) return [{ none: t('No memo matches «{0}».', this.search.trim()) }];
    return groups.map((group) => ({ group }));
  }

  getTreeItem(node: MemoNode): vscode.TreeItem {
    if ('none' in node) return new vscode.TreeItem(node.none);
    if ('group' in node) return groupItem(node.group);
    return memoItem(node.memo, node.parent);
  }
}

function groupItem(group: MemoGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(groupTitle(group), vscode.TreeItemCollapsibleState.Expanded);
  item.id = group.id;
  item.description = String(group.memos.length);
  item.contextValue = 'memoGroup';
  return item;
}

export function groupTitle(group: MemoGroup): string {
  const { title } = group;
  if ('concept' in title) return title.concept;
  if ('transcript' in title) return title.transcript;
  if ('rest' in title) return title.rest === 'concept' ? t('Not on a concept') : t('Not on a transcript');
  return {
    project: t('Project memos'),
    concept: t('Concepts'),
    transcript: t('Transcripts'),
    annotation: t('Passages'),
  }[title.kind];
}

function memoItem(memo: Memo, parent: string): vscode.TreeItem {
  const item = new vscode.TreeItem(oneLine(memo.text, 80), vscode.TreeItemCollapsibleState.None);
  item.id = `${parent}/${memo.kind}:${JSON.stringify(memoRef(memo))}`;
  item.description = owner(memo);
  item.iconPath = new vscode.ThemeIcon(ICONS[memo.kind]);
  item.contextValue = `memo.${memo.kind}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${owner(memo)}\n\n${memo.text.trim()}`);
  item.tooltip = tooltip;
  item.command = { command: 'qcode.openMemo', title: t('Open memo'), arguments: [memoRef(memo)] };
  return item;
}

/**
 * What a memo is on, as the row's description: the file, the concept, the transcript, or the passage and its informant.
 */
function owner(memo: Memo): string {
  switch (memo.kind) {
    case 'project':
      return memo.path;
    case 'concept':
      return t('on {0}', memo.concept.label);
    case 'transcript':
      return t('on {0}', basename(memo.transcript.path));
    case 'annotation': {
      const { resolved } = memo;
      const quote = `«${oneLine(resolved.text, 40)}»`;
      return [resolved.informant, quote, basename(resolved.transcript.path)].filter(Boolean).join(' · ');
    }
  }
}
