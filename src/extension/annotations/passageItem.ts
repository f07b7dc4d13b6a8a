import * as vscode from 'vscode';
import { oneLine } from '../../core/text/oneLine';
import type { ResolvedAnnotation } from '../../core/project/model';
import type { ProjectHost } from '../host/projectHost';

const STATUS_ICON = { exact: 'tag', moved: 'arrow-swap', fuzzy: 'warning', orphaned: 'error' } as const;

/** A tree item for a tagged passage; clicking it opens the passage. */
export function passageItem(host: ProjectHost, resolved: ResolvedAnnotation): vscode.TreeItem {
  const { annotation, resolution } = resolved;
  const item = new vscode.TreeItem(oneLine(resolved.text, 80), vscode.TreeItemCollapsibleState.None);
  const labels = annotation.concepts.map((id) => host.current?.project.codebook.get(id)?.label ?? id);
  item.description = [resolved.informant, labels.join(', ')].filter(Boolean).join(' · ');
  item.tooltip = new vscode.MarkdownString(`> ${resolved.text.replace(/\n/g, '\n> ')}\n\n${labels.join(', ')}${annotation.memo ? `\n\n${annotation.memo}` : ''}`);
  item.iconPath = new vscode.ThemeIcon(STATUS_ICON[resolution.status]);
  item.contextValue = 'annotation';
  item.id = `${resolved.transcript.path}#${annotation.id}`;
  const range = resolution.status === 'orphaned' ? undefined : resolution.range;
  item.command = {
    command: 'qcode.openPassage',
    title: vscode.l10n.t('Open passage'),
    arguments: [host.files.uri(range ? resolved.transcript.path : resolved.transcript.sidecarPath), range ? [range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1] : [resolved.line - 1, 0, resolved.line - 1, 0]],
  };
  return item;
}

