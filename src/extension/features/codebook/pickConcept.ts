import * as vscode from 'vscode';
import type { Codebook, Concept } from '../../../core/codebook/codebook';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { ConceptNode } from './model';

export interface PickOptions {
  title: string;
  exclude?: ReadonlySet<string>;
  /** Offer "top level" first. */
  topLevel?: boolean;
  /** The current parent, marked as such. */
  current?: string;
}

interface ConceptPick extends vscode.QuickPickItem {
  conceptId: string | undefined;
}

/** A concept from the tree, indented by depth; `{ id: undefined }` is the top level. */
export async function pickConcept(
  codebook: Codebook,
  options: PickOptions,
): Promise<{ id: string | undefined } | undefined> {
  const current = t('current');
  const items: ConceptPick[] = [...codebook.all()]
    .filter((c) => !options.exclude?.has(c.id))
    .map((c) => ({
      conceptId: c.id,
      label: `${'\u2002'.repeat(c.depth * 2)}${c.label}`,
      description: c.id === options.current ? `${c.id} · ${current}` : c.id,
    }));
  if (options.topLevel)
    items.unshift({
      conceptId: undefined,
      label: `$(list-tree) ${t('Top level')}`,
      description: options.current === undefined ? current : '',
    });
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    placeHolder: t('Type to filter concepts'),
    matchOnDescription: true,
  });
  return picked && { id: picked.conceptId };
}

/** The concept of a view element, or one picked from the codebook when a command runs without one. */
export async function withConcept(
  host: ProjectHost,
  node: ConceptNode | undefined,
  title: string,
  run: (concept: Concept) => Promise<void>,
): Promise<void> {
  const codebook = host.current?.project.codebook;
  if (!codebook) {
    void vscode.window.showWarningMessage(t('The project is still loading. Try again in a moment.'));
    return;
  }
  const id = node?.conceptId ?? (await pickConcept(codebook, { title }))?.id;
  const concept = id === undefined ? undefined : codebook.get(id);
  if (concept) await run(concept);
  else if (id !== undefined)
    void vscode.window.showWarningMessage(t('The concept "{0}" is no longer in the codebook.', id));
}
