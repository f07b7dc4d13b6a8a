import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/**
 * A concept as the codebook holds it, for a document of one of its fields; before the codebook
 * has loaded, once it has. Throws FileNotFound when the concept is gone.
 */
export async function conceptAtHand(host: ProjectHost, id: string): Promise<Concept> {
  const find = (loaded: LoadedProject | undefined) => loaded?.project.codebook.get(id);
  const concept = find(host.atHand) ?? find(await host.whenAtHand());
  if (!concept) throw vscode.FileSystemError.FileNotFound(t('The concept "{0}" is no longer in the codebook.', id));
  return concept;
}
