import * as vscode from 'vscode';
import { codersByCount, readCoderView, type CoderView } from '../../../core/coders/coderView';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import { t } from '../../shared/l10n/displayLanguage';

interface ViewItem extends vscode.QuickPickItem {
  view: CoderView;
}

/** "Show Coders…": all coders, only mine (blind coding), or one chosen coder. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, filter: CoderFilter): void {
  const chooseView = async (arg?: unknown) => {
    const view = arg === undefined ? await pickView(host, filter) : readCoderView(arg);
    if (view) await filter.set(view);
  };
  // Two commands for one action, so that the view title shows whether a filter is on.
  context.subscriptions.push(
    filter,
    vscode.commands.registerCommand('qcode.filterCoders', chooseView),
    vscode.commands.registerCommand('qcode.filterCodersActive', chooseView),
  );
}

async function pickView(host: ProjectHost, filter: CoderFilter): Promise<CoderView | undefined> {
  const annotations = (host.current?.project.transcripts ?? []).flatMap((t) => t.annotations.map((r) => r.annotation));
  const me = vscode.workspace.getConfiguration('qcode').get<string>('coder');
  const items: ViewItem[] = [
    { label: `$(organization) ${t('All coders')}`, view: { kind: 'all' } },
    {
      label: `$(eye-closed) ${t('Only mine')}`,
      description: me || t('no coder set'),
      detail: t("Blind coding: the other coders' annotations stay hidden."),
      view: { kind: 'mine' },
    },
    { label: '', kind: vscode.QuickPickItemKind.Separator, view: { kind: 'all' } },
    ...codersByCount(annotations).map(({ coder, count }) => ({
      label: `$(person) ${coder}`,
      description: t('{0} annotations', count),
      view: { kind: 'coder', coder } as CoderView,
    })),
  ];
  const current = items.find(
    (item) => item.kind !== vscode.QuickPickItemKind.Separator && sameView(item.view, filter.view),
  );
  if (current) current.description = [current.description, t('shown now')].filter(Boolean).join(' · ');
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Show the annotations of'),
    placeHolder: filter.describe() ?? t('All coders'),
  });
  return picked?.view;
}

function sameView(a: CoderView, b: CoderView): boolean {
  return a.kind === b.kind && (a.kind !== 'coder' || (b.kind === 'coder' && a.coder === b.coder));
}
