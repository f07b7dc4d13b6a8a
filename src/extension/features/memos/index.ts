import * as vscode from 'vscode';
import { chapterPattern } from '../../../core/chapters/chapterPattern';
import { joinPath } from '../../../core/paths';
import { encodeUtf8 } from '../../../core/text/decode';
import { CodebookEdits } from '../codebook/codebookEdits';
import { pickConcept } from '../codebook/pickConcept';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { CodingHistory } from '../../shared/history/codingHistory';
import { setContextKey } from '../../shared/host/contextKeys';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { Coding } from '../../shared/coding/coding';
import { MEMO_GROUPINGS, type MemoGrouping } from '../../../core/memos/memoGroups';
import {
  CONCEPT_MEMO_SCHEME,
  ConceptMemoDocuments,
  conceptMemoUri,
  TRANSCRIPT_MEMO_SCHEME,
  TranscriptMemoDocuments,
  transcriptMemoUri,
} from './memoDocuments';
import { MemosProvider, type MemoRef } from './memosView';

const GROUPING_KEY = 'qcode.memoGrouping';

/** A row of the Memos view as the tests and other extensions see it. */
export interface MemoOutline {
  label: string;
  description?: string;
  children: MemoOutline[];
}

/**
 * The Memos view (every memo, searchable, grouped by kind, concept or transcript), the memos on
 * concepts and transcripts as documents of their own, and New Project Memo…. Returns what the
 * view shows, for the tests.
 */
export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  history: CodingHistory,
  coding: Coding,
  filter: CoderFilter,
): () => MemoOutline[] {
  const saved = context.workspaceState.get<string>(GROUPING_KEY);
  const provider = new MemosProvider(host, filter, MEMO_GROUPINGS.find((g) => g === saved) ?? 'kind');
  const view = vscode.window.createTreeView('qcode.memos', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    view.description = [
      provider.search.trim() && `«${provider.search.trim()}»`,
      groupingName(provider.grouping),
      filter.describe(),
    ]
      .filter(Boolean)
      .join(' · ');
    setContextKey('qcode.memosFiltered', provider.search.trim() !== '');
  };
  const concepts = new ConceptMemoDocuments(host, new CodebookEdits(host, history));
  const transcripts = new TranscriptMemoDocuments(host, coding);
  const command = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  context.subscriptions.push(
    view,
    vscode.workspace.registerFileSystemProvider(CONCEPT_MEMO_SCHEME, concepts, { isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(TRANSCRIPT_MEMO_SCHEME, transcripts, { isCaseSensitive: true }),
    host.onDidChange(() => {
      concepts.projectChanged();
      transcripts.projectChanged();
      void provider.reload();
    }),
    filter.onDidChange(() => {
      describe();
      provider.refresh();
    }),
  );
  // Called with the search (from a script or keybinding), it does not ask; '' clears it.
  command('qcode.filterMemos', async (search?: unknown) => {
    const text =
      typeof search === 'string'
        ? search
        : await vscode.window.showInputBox({
            title: t('Search the memos'),
            prompt: t('Words that must all be in the memo or in what it is on; empty shows every memo.'),
            value: provider.search,
          });
    if (text === undefined) return;
    provider.search = text;
    describe();
    provider.refresh();
  });
  command('qcode.clearMemoFilter', () => vscode.commands.executeCommand('qcode.filterMemos', ''));
  command('qcode.groupMemos', async (grouping?: unknown) => {
    const chosen = MEMO_GROUPINGS.find((g) => g === grouping) ?? (await pickGrouping(provider.grouping));
    if (!chosen) return;
    provider.grouping = chosen;
    await context.workspaceState.update(GROUPING_KEY, chosen);
    describe();
    provider.refresh();
  });
  command('qcode.openMemo', (ref?: MemoRef) => ref && openMemo(host, ref));
  command('qcode.editConceptMemo', async (node?: { conceptId?: string }) => editConceptMemo(host, node?.conceptId));
  command('qcode.editTranscriptMemo', async (arg?: unknown) => editTranscriptMemo(host, arg));
  command('qcode.newProjectMemo', async (name?: unknown) =>
    newProjectMemo(host, typeof name === 'string' ? name : undefined),
  );
  describe();
  void provider.reload();
  return () => outline(provider);
}

function outline(provider: MemosProvider): MemoOutline[] {
  const of = (node: Parameters<MemosProvider['getTreeItem']>[0]): MemoOutline => {
    const item = provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return {
      label,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      children: provider.getChildren(node).map(of),
    };
  };
  return provider.getChildren().map(of);
}

function groupingName(grouping: MemoGrouping): string {
  return { kind: t('by kind'), concept: t('by concept'), transcript: t('by transcript') }[grouping];
}

async function pickGrouping(current: MemoGrouping): Promise<MemoGrouping | undefined> {
  const items = MEMO_GROUPINGS.map((grouping) => ({
    label: groupingName(grouping),
    description: grouping === current ? t('shown now') : undefined,
    grouping,
  }));
  return (await vscode.window.showQuickPick(items, { title: t('Group the memos') }))?.grouping;
}

async function openMemo(host: ProjectHost, ref: MemoRef): Promise<unknown> {
  switch (ref.kind) {
    case 'annotation':
      return vscode.commands.executeCommand('qcode.editMemo', { transcript: ref.transcript, id: ref.id });
    case 'concept':
      return editConceptMemo(host, ref.id);
    case 'transcript':
      return editTranscriptMemo(host, ref.transcript);
    case 'project':
      return vscode.window.showTextDocument(host.files.uri(ref.path), { preview: false });
  }
}

/** Opens the memo on a concept (asked for when none is given) in a tab of its own. */
async function editConceptMemo(host: ProjectHost, conceptId: string | undefined): Promise<void> {
  const codebook = host.current?.project.codebook;
  if (!codebook)
    return void vscode.window.showWarningMessage(t('The project is still loading. Try again in a moment.'));
  const id = conceptId ?? (await pickConcept(codebook, { title: t('Edit the memo on which concept?') }))?.id;
  const concept = id === undefined ? undefined : codebook.get(id);
  if (!concept) {
    if (id !== undefined)
      void vscode.window.showWarningMessage(t('The concept "{0}" is no longer in the codebook.', id));
    return;
  }
  await vscode.window.showTextDocument(conceptMemoUri(concept), { preview: false });
  vscode.window.setStatusBarMessage(
    t('Write the memo and save it (Ctrl+S) to store it in codebook.yaml; an empty memo is removed.'),
    10000,
  );
}

/**
 * Opens the memo on a transcript (given by path, by its document, or the one in the active editor) in a tab of its own.
 */
async function editTranscriptMemo(host: ProjectHost, arg: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const path = typeof arg === 'string' ? arg : uri && host.transcriptOf(uri)?.path;
  if (path === undefined || !host.atHand?.project.transcripts.some((file) => file.path === path)) {
    void vscode.window.showWarningMessage(t('Open a transcript of this project first.'));
    return;
  }
  await vscode.window.showTextDocument(transcriptMemoUri(path), { preview: false });
  vscode.window.setStatusBarMessage(
    t('Write the memo and save it (Ctrl+S) to store it in the sidecar; an empty memo is removed.'),
    10000,
  );
}

/** Creates a Markdown file in the project's memos folder (the `memos:` pattern) and opens it. */
async function newProjectMemo(host: ProjectHost, given: string | undefined): Promise<vscode.Uri | undefined> {
  const settings = host.current?.project.settings;
  if (!settings)
    return void vscode.window.showWarningMessage(t('The project is still loading. Try again in a moment.'));
  const pattern = chapterPattern(settings.memos);
  const pathOf = (name: string) => joinPath(pattern.folder, `${name.trim().replace(/\.md$/i, '')}.md`);
  const problem = (name: string) =>
    !name.trim() || /[\\/:*?"<>|]|^\./.test(name.trim())
      ? t('A name of letters, digits and spaces, e.g. "Analyse av helg".')
      : pattern.matches(pathOf(name))
        ? undefined
        : t('{0} would not be a memo: qcode.yaml says memos are {1}.', pathOf(name), settings.memos);
  const name =
    given ??
    (await vscode.window.showInputBox({
      title: t('New project memo'),
      prompt: t('The name of the memo; it is written to {0}.', pattern.folder || '.'),
      validateInput: problem,
    }));
  if (name === undefined) return undefined;
  const why = problem(name);
  if (why) return void vscode.window.showErrorMessage(why);
  const path = pathOf(name);
  if (!(await host.files.createExclusive(path, encodeUtf8(`# ${name.trim().replace(/\.md$/i, '')}\n\n`)))) {
    return void vscode.window.showErrorMessage(
      t('{0} exists already. Open it from the Memos view, or choose another name.', path),
    );
  }
  const uri = host.files.uri(path);
  await vscode.window.showTextDocument(uri, { preview: false });
  host.scheduleReload(0);
  return uri;
}
