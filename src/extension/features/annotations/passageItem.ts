import * as vscode from 'vscode';
import { oneLine } from '../../../core/text/oneLine';
import type { ResolvedAnnotation } from '../../../core/project/model';
import { passageRowDescription } from '../../../core/operations/passageRow';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

const STATUS_ICON = { exact: 'tag', moved: 'arrow-swap', fuzzy: 'warning', orphaned: 'error' } as const;

/** A tree item for a tagged passage; clicking it opens the passage. */
export function passageItem(host: ProjectHost, resolved: ResolvedAnnotation, severalCoders = false): vscode.TreeItem {
  const { annotation, resolution } = resolved;
  const item = new vscode.TreeItem(
    `${annotation.key ? '★ ' : ''}${oneLine(resolved.text, 80)}`,
    vscode.TreeItemCollapsibleState.None,
  );
  const labels = annotation.concepts.map((id) => host.atHand?.project.codebook.get(id)?.label ?? id);
  const range = resolution.status === 'orphaned' ? undefined : resolution.range;
  item.description = passageRowDescription({
    informant: resolved.informant,
    conceptLabels: labels,
    coder: annotation.coder,
    severalCoders,
    start: range?.start,
  });
  item.tooltip = passageTooltip(resolved, labels);
  item.iconPath = new vscode.ThemeIcon(STATUS_ICON[resolution.status]);
  item.contextValue = 'annotation';
  item.id = `${resolved.transcript.path}#${annotation.id}`;
  item.command = {
    command: 'qcode.openPassage',
    title: t('Open passage'),
    arguments: [
      host.files.uri(range ? resolved.transcript.path : resolved.transcript.sidecarPath),
      range
        ? [range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1]
        : [resolved.line - 1, 0, resolved.line - 1, 0],
    ],
  };
  return item;
}

function passageTooltip(resolved: ResolvedAnnotation, labels: readonly string[]): vscode.MarkdownString {
  const { annotation, resolution } = resolved;
  const markdown = new vscode.MarkdownString();
  if (annotation.key) markdown.appendMarkdown(`**★ ${t('Key quote')}**\n\n`);
  markdown.appendMarkdown(`> ${resolved.text.replace(/\n/g, '\n> ')}\n\n`);
  markdown.appendText(`${labels.join(', ')}\n\n`);
  if (annotation.memo) markdown.appendText(`${annotation.memo}\n\n`);
  const range = resolution.status === 'orphaned' ? undefined : resolution.range;
  const place = range
    ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`
    : t('orphaned');
  markdown.appendText(
    [annotation.coder && t('coded by {0}', annotation.coder), place, annotation.id].filter(Boolean).join(' · '),
  );
  return markdown;
}
