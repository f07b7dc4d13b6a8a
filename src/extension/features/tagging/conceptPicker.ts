import * as vscode from 'vscode';
import type { Codebook, Concept } from '../../../core/codebook/codebook';
import { acceptedConcepts, highlightedRow } from '../../../core/operations/pickedConcepts';
import { oneLine } from '../../../core/text/oneLine';
import { t } from '../../shared/l10n/displayLanguage';

const RECENT_KEY = 'qcode.recentConcepts';
const RECENT_COUNT = 5;

interface ConceptItem extends vscode.QuickPickItem {
  conceptId: string;
}

/**
 * Lets the researcher pick one or more concepts by label or definition, recently used first.
 * Resolves to the chosen ids, or undefined when cancelled.
 */
export async function pickConcepts(
  codebook: Codebook,
  state: vscode.Memento,
  options: { title: string; selected?: readonly string[] },
): Promise<string[] | undefined> {
  const recent = (state.get<string[]>(RECENT_KEY) ?? []).filter((id) => codebook.has(id));
  const items = conceptItems(codebook, recent);
  const ids = await showPicker(items, options.title);
  if (!ids) return undefined;
  if (ids.length > 0)
    await state.update(RECENT_KEY, [...ids, ...recent.filter((id) => !ids.includes(id))].slice(0, RECENT_COUNT));
  return ids;

  function conceptItems(book: Codebook, recentIds: string[]): (ConceptItem | vscode.QuickPickItem)[] {
    const selected = new Set(options.selected ?? []);
    const item = (id: string, indent: string): ConceptItem => {
      const concept = book.get(id);
      return {
        conceptId: id,
        label: `${indent}${concept?.label ?? id}`,
        description: book.pathLabels(id).slice(0, -1).join(' › ') || undefined,
        detail: conceptDetail(concept),
        picked: selected.has(id),
      } as ConceptItem;
    };
    const recentItems = recentIds.map((id) => item(id, ''));
    const all = [...book.all()]
      .filter((c) => !recentIds.includes(c.id))
      .map((c) => item(c.id, '\u2002'.repeat(c.depth)));
    if (recentItems.length === 0) return all;
    return [
      { label: t('recently used'), kind: vscode.QuickPickItemKind.Separator },
      ...recentItems,
      { label: t('codebook'), kind: vscode.QuickPickItemKind.Separator },
      ...all,
    ];
  }
}

/** The definition and the criteria on one line, so that the rule is in sight while picking. */
function conceptDetail(concept: Concept | undefined): string | undefined {
  if (!concept) return undefined;
  const parts = [
    concept.description,
    concept.inclusion && t('Inclusion: {0}', concept.inclusion),
    concept.exclusion && t('Exclusion: {0}', concept.exclusion),
  ];
  return (
    parts
      .filter((part): part is string => !!part?.trim())
      .map((part) => oneLine(part))
      .join(' · ') || undefined
  );
}

/** Shows the picker; Enter takes the ticked concepts, or the highlighted one when none is ticked. */
function showPicker(items: (ConceptItem | vscode.QuickPickItem)[], title: string): Promise<string[] | undefined> {
  const pick = vscode.window.createQuickPick<ConceptItem | vscode.QuickPickItem>();
  Object.assign(pick, {
    title,
    items,
    canSelectMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  pick.placeholder = t('Type to filter concepts by label or definition');
  pick.selectedItems = items.filter((item) => item.picked);
  const idOf = (item: ConceptItem | vscode.QuickPickItem | undefined) =>
    item && 'conceptId' in item ? item.conceptId : undefined;
  return new Promise((resolve) => {
    let accepted: string[] | undefined;
    pick.onDidAccept(() => {
      accepted = acceptedConcepts(
        pick.selectedItems.flatMap((item) => idOf(item) ?? []),
        idOf(pick.activeItems[0]),
      );
      if (accepted.length > 0) pick.hide();
    });
    // A quick pick that ticks highlights no row while filtering: highlight the best match, which Enter takes.
    const concepts = items.filter((item): item is ConceptItem => idOf(item) !== undefined);
    pick.onDidChangeValue((value) => {
      const best = highlightedRow(concepts, value);
      pick.activeItems = best ? [best] : [];
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(accepted?.length ? accepted : undefined);
    });
    pick.show();
  });
}
