import * as vscode from 'vscode';
import { discoverChapters } from '../../../core/chapters/chapterFiles';
import { updateTextFile } from '../../../core/lock/updateTextFile';
import { loadKey } from '../../../core/pseudonyms/keyFile';
import { compileKey, type KeyMatcher } from '../../../core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../../core/pseudonyms/pseudonymizeProject';
import { pseudonymizeTranscript, type PseudonymizeOutcome } from '../../../core/pseudonyms/transcriptFiles';
import type { CodingHistory } from '../../shared/history/codingHistory';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import { LeakDiagnostics, LEAK_CODE } from './leakDiagnostics';

/** Key entries underlined in transcripts, with quick fixes, and the Pseudonymize Project command. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, history: CodingHistory): void {
  const leaks = new LeakDiagnostics(host);
  context.subscriptions.push(
    leaks,
    vscode.languages.registerCodeActionsProvider({ scheme: host.files.root.scheme }, new LeakFixes(host), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.commands.registerCommand('qcode.pseudonymizeProject', () => pseudonymizeAll(host, history)),
    vscode.commands.registerCommand('qcode.pseudonymizeTranscript', (uri?: vscode.Uri) =>
      pseudonymizeOne(host, history, uri ?? vscode.window.activeTextEditor?.document.uri),
    ),
    vscode.commands.registerCommand('qcode.addToKey', (text?: string) => addToKey(host, text ?? selectedText())),
  );
}

class LeakFixes implements vscode.CodeActionProvider {
  constructor(private readonly host: ProjectHost) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!this.host.transcriptOf(document.uri)) return [];
    const actions: vscode.CodeAction[] = [];
    const leaks = context.diagnostics.filter((d) => d.code === LEAK_CODE);
    if (leaks.length > 0) {
      const fix = new vscode.CodeAction(t('Pseudonymize this transcript'), vscode.CodeActionKind.QuickFix);
      fix.command = { command: 'qcode.pseudonymizeTranscript', title: fix.title, arguments: [document.uri] };
      fix.diagnostics = leaks;
      fix.isPreferred = true;
      actions.push(fix);
    }
    const selected = document.getText(range).trim();
    if (selected && !range.isEmpty) {
      const add = new vscode.CodeAction(t('Add to key…'), vscode.CodeActionKind.QuickFix);
      add.command = { command: 'qcode.addToKey', title: add.title, arguments: [selected] };
      actions.push(add);
    }
    return actions;
  }
}

async function matcherOf(host: ProjectHost): Promise<KeyMatcher | undefined> {
  const settings = host.atHand?.project.settings ?? (await host.reload())?.project.settings;
  if (!settings) return undefined;
  const key = await loadKey(host.files, settings, []);
  if (!key || key.entries.length === 0) {
    void vscode.window.showWarningMessage(
      t(
        'There is no pseudonym key at {0}. Select a name in a transcript and choose "Add to key…" to start one.',
        settings.pseudonyms,
      ),
    );
    return undefined;
  }
  return compileKey(key.entries);
}

async function pseudonymizeAll(host: ProjectHost, history: CodingHistory): Promise<PseudonymizeOutcome | undefined> {
  const matcher = await matcherOf(host);
  const project = host.atHand?.project;
  if (!matcher || !project) return undefined;
  // The chapters and memo files: those the leak check searches, rewritten and undone with the rest.
  const writings = await discoverChapters(host.files, project.settings);
  if (!(await savedFiles(host, writings))) return undefined;
  const transcripts = project.transcripts.map((tr) => tr.path);
  const paths = [
    ...project.transcripts.flatMap((tr) => [tr.path, tr.sidecarPath]),
    project.settings.codebook,
    project.settings.informants,
    ...writings,
  ];
  const registries = { codebook: project.settings.codebook, informants: project.settings.informants };
  const outcome = await history.record(t('Pseudonymize Project'), paths, (files) =>
    pseudonymizeProject(files, transcripts, registries, matcher, false, writings),
  );
  report(outcome);
  return outcome;
}

async function pseudonymizeOne(
  host: ProjectHost,
  history: CodingHistory,
  uri: vscode.Uri | undefined,
): Promise<PseudonymizeOutcome | undefined> {
  const transcript = uri && host.transcriptOf(uri);
  if (!uri || !transcript) {
    void vscode.window.showWarningMessage(t('Open a transcript to pseudonymize it.'));
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage(t('Save the transcript first: pseudonymizing works on the saved file.'));
    return undefined;
  }
  const matcher = await matcherOf(host);
  if (!matcher) return undefined;
  const outcome = await history.record(
    t('Pseudonymize {0}', transcript.path),
    [transcript.path, transcript.sidecarPath],
    (files) => pseudonymizeTranscript(files, transcript.path, matcher, false),
  );
  report(outcome);
  return outcome;
}

/**
 * Pseudonymizing works on the files as saved, so transcripts, chapters and memo files with
 * unsaved changes are saved first.
 */
async function savedFiles(host: ProjectHost, writings: readonly string[]): Promise<boolean> {
  const rewritten = (uri: vscode.Uri) => host.transcriptOf(uri) || writings.includes(host.files.pathOf(uri) ?? '');
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && rewritten(d.uri));
  const saved = await Promise.all(dirty.map((d) => d.save()));
  const unsaved = dirty.filter((_, i) => !saved[i]).map((d) => host.files.pathOf(d.uri) ?? d.uri.path);
  if (unsaved.length === 0) return true;
  void vscode.window.showWarningMessage(
    t('Save {0} first: pseudonymizing works on the saved files.', unsaved.join(', ')),
  );
  return false;
}

function report(outcome: PseudonymizeOutcome): void {
  if (outcome.problems.length > 0) {
    void vscode.window.showErrorMessage(
      t(
        'Pseudonymizing stopped at {0}:{1}: {2}',
        outcome.problems[0]?.file ?? '',
        outcome.problems[0]?.line ?? 1,
        outcome.problems[0]?.message ?? '',
      ),
    );
  } else if (outcome.replacements.length === 0) {
    void vscode.window.showInformationMessage(
      t('Nothing to replace: no entry of the key is in the transcripts or the copies qcode keeps.'),
    );
  } else {
    void vscode.window.showInformationMessage(
      t(
        '{0} replacement(s) in {1} file(s); {2} annotation(s) moved with their text. Undo Coding takes it back.',
        outcome.replacements.length,
        outcome.written.length,
        outcome.annotations,
      ),
    );
  }
}

function selectedText(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const text = editor?.document.getText(editor.selection).trim();
  return text || undefined;
}

async function addToKey(host: ProjectHost, name: string | undefined): Promise<void> {
  const settings = host.atHand?.project.settings;
  if (!name || !settings) {
    void vscode.window.showWarningMessage(t('Select a name in a transcript to add it to the key.'));
    return;
  }
  const replacement = await vscode.window.showInputBox({
    title: t('Add "{0}" to the pseudonym key', name),
    prompt: t('What replaces it, such as [K4]'),
    validateInput: (v) => (v.trim() ? undefined : t('Write a replacement.')),
  });
  if (!replacement) return;
  const line = `${JSON.stringify(name)}: ${JSON.stringify(replacement.trim())}\n`;
  const result = await updateTextFile(host.files, settings.pseudonyms, (current) => ({
    ok: true,
    text:
      current === undefined || current === '' || current.endsWith('\n')
        ? `${current ?? ''}${line}`
        : `${current}\n${line}`,
  }));
  if (!result.ok) void vscode.window.showErrorMessage(result.message);
  else
    void vscode.window.showInformationMessage(
      t('"{0}" is in {1} now; keep that file out of git.', name, settings.pseudonyms),
    );
  await host.reload();
}
