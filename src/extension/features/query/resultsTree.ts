import * as vscode from 'vscode';
import type { Project } from '../../../core/project/model';
import type { QueryPassage, QueryResult, SavedQuery } from '../../../core/query';
import { oneLine } from '../../../core/text/oneLine';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/** How the Query Results view groups the passages. */
export type Grouping = 'transcript' | 'informant';

/** The query the view shows: its text, the saved query it came from, and what it found. */
export interface ShownQuery {
  text: string;
  name?: string;
  result: QueryResult;
}

export type ResultNode =
  | { kind: 'saved-list'; queries: readonly SavedQuery[] }
  | { kind: 'saved'; query: SavedQuery }
  | { kind: 'group'; id: string; label: string; passages: QueryPassage[] }
  | { kind: 'passage'; passage: QueryPassage };

/** The saved queries of qcode.yaml, then the passages of the query shown, grouped by transcript or informant. */
export class ResultsTree implements vscode.TreeDataProvider<ResultNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  shown: ShownQuery | undefined;
  grouping: Grouping = 'transcript';

  constructor(private readonly host: ProjectHost) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: ResultNode): ResultNode[] {
    if (!node) {
      const queries = this.host.current?.project.settings.queries ?? [];
      const groups = this.shown ? groupsOf(this.shown.result.passages, this.grouping) : [];
      return [...(queries.length > 0 ? [{ kind: 'saved-list' as const, queries }] : []), ...groups];
    }
    if (node.kind === 'saved-list') return node.queries.map((query) => ({ kind: 'saved', query }));
    if (node.kind === 'group') return node.passages.map((passage) => ({ kind: 'passage', passage }));
    return [];
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    switch (node.kind) {
      case 'saved-list':
        return this.savedListItem(node.queries);
      case 'saved':
        return this.savedItem(node.query);
      case 'group':
        return groupItem(node, this.grouping);
      case 'passage':
        return passageItem(this.host, node.passage, this.grouping);
    }
  }

  private savedListItem(queries: readonly SavedQuery[]): vscode.TreeItem {
    const item = new vscode.TreeItem(
      t('Saved queries'),
      this.shown ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = 'saved-queries';
    item.description = String(queries.length);
    item.iconPath = new vscode.ThemeIcon('bookmark');
    item.tooltip = t('The queries saved under "queries:" in qcode.yaml. Click one to run it.');
    return item;
  }

  private savedItem(query: SavedQuery): vscode.TreeItem {
    const item = new vscode.TreeItem(query.name, vscode.TreeItemCollapsibleState.None);
    item.id = `saved:${query.name}`;
    item.description = query.text;
    item.tooltip = new vscode.MarkdownString()
      .appendText(query.text)
      .appendMarkdown(`\n\n${t('qcode.yaml, line {0}. Click to run it.', query.line)}`);
    item.iconPath = new vscode.ThemeIcon(this.shown?.name === query.name ? 'eye' : 'search');
    item.contextValue = 'savedQuery';
    item.command = { command: 'qcode.runSavedQuery', title: t('Run Saved Query'), arguments: [query.name] };
    return item;
  }
}

/** The passages by transcript (in path order) or by informant (in code order, those without one last). */
export function groupsOf(passages: readonly QueryPassage[], grouping: Grouping): ResultNode[] {
  const groups = new Map<string, QueryPassage[]>();
  for (const passage of passages) {
    const key = grouping === 'transcript' ? passage.transcript.path : (passage.informant ?? '');
    const group = groups.get(key);
    if (group) group.push(passage);
    else groups.set(key, [passage]);
  }
  const keys = [...groups.keys()];
  if (grouping === 'informant')
    keys.sort((a, b) => Number(a === '') - Number(b === '') || a.localeCompare(b, undefined, { numeric: true }));
  return keys.map((key) => ({
    kind: 'group',
    id: `${grouping}:${key}`,
    passages: groups.get(key) ?? [],
    label: grouping === 'transcript' ? fileName(key) : key || t('No informant'),
  }));
}

function groupItem(node: Extract<ResultNode, { kind: 'group' }>, grouping: Grouping): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = passageCount(node.passages.length);
  item.iconPath = new vscode.ThemeIcon(grouping === 'transcript' ? 'file-text' : 'person');
  item.tooltip = grouping === 'transcript' ? node.passages[0]?.transcript.path : node.label;
  return item;
}

/** A passage: its quote on one line, who says it, its concepts and where; clicking it opens it selected. */
export function passageItem(host: ProjectHost, passage: QueryPassage, grouping: Grouping): vscode.TreeItem {
  const { transcript, range, quote } = passage;
  const item = new vscode.TreeItem(oneLine(quote, 80), vscode.TreeItemCollapsibleState.None);
  const labels = conceptLabels(host.current?.project, passage.concepts);
  const place =
    grouping === 'transcript' ? t('line {0}', range.start.line) : `${fileName(transcript.path)}:${range.start.line}`;
  const who = grouping === 'transcript' ? passage.informant : undefined;
  item.description = [who, labels.join(', '), place].filter(Boolean).join(' · ');
  item.tooltip = new vscode.MarkdownString()
    .appendMarkdown(`> ${markdownQuote(quote)}\n\n`)
    .appendText([passage.informant && `(${passage.informant})`, labels.join(', ')].filter(Boolean).join(' '))
    .appendText(
      `\n\n${transcript.path}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`,
    );
  item.iconPath = new vscode.ThemeIcon('quote');
  item.id = `passage:${transcript.path}:${passage.start}-${passage.end}`;
  item.command = {
    command: 'qcode.openPassage',
    title: t('Open passage'),
    arguments: [
      host.files.uri(transcript.path),
      [range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1],
    ],
  };
  return item;
}

/** "1 passage", "12 passages". */
export function passageCount(count: number): string {
  return count === 1 ? t('1 passage') : t('{0} passages', count);
}

function conceptLabels(project: Project | undefined, ids: readonly string[]): string[] {
  return ids.map((id) => project?.codebook.get(id)?.label ?? id);
}

/** The quote as Markdown block-quote text: its own Markdown shown as typed, every line quoted. */
function markdownQuote(quote: string): string {
  return quote.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&').replace(/\r?\n/g, '\n> ');
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
