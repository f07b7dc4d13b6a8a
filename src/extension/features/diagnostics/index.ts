import * as vscode from 'vscode';
import type { Problem } from '../../../core/problems';
import { codebookWarnings } from '../../../core/project/codebookChecks';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import { ProblemDiagnostics } from './problemDiagnostics';

/**
 * The project's problems in the Problems panel, with quick fixes for orphaned annotations. A change
 * of qcode.displayLanguage reloads the project (as any qcode setting does), which publishes them
 * again in the new language.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const collection = vscode.languages.createDiagnosticCollection('qcode');
  const published = new ProblemDiagnostics();
  // Key entries in transcripts are underlined whole, as they are typed, by the pseudonyms feature.
  const shown = (p: Problem) => !(p.code === 'pseudonym-leak' && host.transcriptOf(host.files.uri(p.file)));
  // What keeps the codebook from being fit to publish, as qcode check says it, once every passage is known.
  const codebookProblems = () => (host.atHand?.complete ? codebookWarnings(host.atHand.index) : []);
  const publish = () =>
    published.publish(
      collection,
      host,
      [...(host.atHand?.project.problems ?? []), ...codebookProblems()].filter(shown),
    );
  context.subscriptions.push(
    collection,
    host.onDidChange(publish),
    vscode.languages.registerCodeActionsProvider(
      { pattern: '**/*.annotations.yaml' },
      new OrphanFixes(host, published),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}

/** Attach an orphan to the passage selected in the transcript, or remove it. */
class OrphanFixes implements vscode.CodeActionProvider {
  constructor(
    private readonly host: ProjectHost,
    private readonly published: ProblemDiagnostics,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const transcriptPath = this.host.files.pathOf(document.uri)?.replace(/\.annotations\.yaml$/, '');
    if (!transcriptPath) return [];
    return context.diagnostics
      .filter((d) => d.source === 'qcode' && d.code === 'orphaned')
      .flatMap((diagnostic) => {
        const id = this.published.problemOf(document.uri, diagnostic)?.annotation;
        if (!id) return [];
        const ref = { transcript: transcriptPath, id };
        const attach = new vscode.CodeAction(
          t('Attach to the passage selected in the transcript'),
          vscode.CodeActionKind.QuickFix,
        );
        attach.command = { command: 'qcode.attachOrphan', title: attach.title, arguments: [ref] };
        attach.diagnostics = [diagnostic];
        const remove = new vscode.CodeAction(t('Remove the orphaned annotation'), vscode.CodeActionKind.QuickFix);
        remove.command = { command: 'qcode.removeAnnotation', title: remove.title, arguments: [ref] };
        remove.diagnostics = [diagnostic];
        return [attach, remove];
      });
  }
}
