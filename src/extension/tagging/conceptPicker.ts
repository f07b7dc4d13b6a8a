import * as vscode from 'vscode';
import type { Codebook } from '../../core/codebook/codebook';

const RECENT_KEY = 'qcode.recentConcepts';
const RECENT_COUNT = 5;

interface ConceptItem extends vscode.QuickPickItem {
  conceptId: string;
}

/**
 * Lets the researcher pick one or more concepts by label or definition, recently used first.
 * Resolves to the chosen ids, or undefined when cancelled.
 */
export async function pickConcepts(codebook: Codebook, state: vscode.Memento, options: { title: string; selected?: readonly string[] }): Promise<string[] | undefined> {
  const recent = (state.get<string[]>(RECENT_KEY) ?? []).filter((id) => codebook.has(id));
  const items = conceptItems(codebook, recent);
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    placeHolder: vscode.l10n.t('Type to filter concepts by label or definition'),
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  }).then(undefined, () => undefined);
  if (!picked) return undefined;
  const ids = [...new Set((picked as ConceptItem[]).map((item) => item.conceptId))];
  if (ids.length > 0) await state.update(RECENT_KEY, [...ids, ...recent.filter((id) => !ids.includes(id))].slice(0, RECENT_COUNT));
  return ids;

  function conceptItems(book: Codebook, recentIds: string[]): (ConceptItem | vscode.QuickPickItem)[] {
    const selected = new Set(options.selected ?? []);
    const item = (id: string, indent: string): ConceptItem => {
      const concept = book.get(id);
      return {
        conceptId: id,
        label: `${indent}${concept?.label ?? id}`,
        description: book.pathLabels(id).slice(0, -1).join(' › ') || undefined,
        detail: concept?.description,
        picked: selected.has(id),
      } as ConceptItem;
    };
    const recentItems = recentIds.map((id) => item(id, ''));
    const all = [...book.all()].filter((c) => !recentIds.includes(c.id)).map((c) => item(c.id, '\u2002'.repeat(c.depth)));
    if (recentItems.length === 0) return all;
    return [
      { label: vscode.l10n.t('recently used'), kind: vscode.QuickPickItemKind.Separator },
      ...recentItems,
      { label: vscode.l10n.t('codebook'), kind: vscode.QuickPickItemKind.Separator },
      ...all,
    ];
  }
}
