import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../../core/project/model';
import { passageItem } from '../annotations/passageItem';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

interface PassagePick extends vscode.QuickPickItem {
  open: vscode.Command | undefined;
}

/**
 * Lists the passages of a concept and of the concepts below it, each once, across all transcripts
 * and as the coder filter shows them; picking one opens it at its place. Returns how many it lists.
 */
export function showConceptPassages(host: ProjectHost, filter: CoderFilter, conceptId: string): number {
  const loaded = host.current;
  const concept = loaded?.project.codebook.get(conceptId);
  if (!loaded || !concept) {
    void vscode.window.showWarningMessage(t('The concept "{0}" is no longer in the codebook.', conceptId));
    return 0;
  }
  const passages = loaded.index
    .underConcept(conceptId)
    .filter((r) => filter.shows(r.annotation))
    .sort(byPlace);
  const pick = vscode.window.createQuickPick<PassagePick>();
  pick.title = t('Passages of "{0}" ({1})', concept.label, passages.length);
  pick.placeholder =
    passages.length === 0
      ? t('No passages are tagged with this concept or a concept below it.')
      : t('Type to filter; Enter opens the passage.');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = passages.map((r) => asPick(host, r));
  pick.onDidAccept(() => {
    const open = pick.selectedItems[0]?.open;
    pick.hide();
    if (open) void vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return passages.length;
}

function asPick(host: ProjectHost, resolved: ResolvedAnnotation): PassagePick {
  const item = passageItem(host, resolved, true);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return {
    label,
    description: placeOf(resolved),
    detail: typeof item.description === 'string' ? item.description : undefined,
    open: item.command,
  };
}

/** The transcript and the line where the passage starts now; an orphan has no place in it. */
function placeOf({ transcript, resolution }: ResolvedAnnotation): string {
  if (resolution.status === 'orphaned') return t('{0} (orphaned)', transcript.path);
  return `${transcript.path}:${resolution.range.start.line}`;
}

function byPlace(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  return a.transcript.path.localeCompare(b.transcript.path) || startOf(a) - startOf(b);
}

function startOf({ resolution }: ResolvedAnnotation): number {
  return resolution.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : resolution.start;
}
