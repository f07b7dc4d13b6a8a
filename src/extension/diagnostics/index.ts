import * as vscode from 'vscode';
import type { Problem } from '../../core/problems';
import type { ProjectHost } from '../host/projectHost';
import { t } from '../l10n/displayLanguage';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The project's problems in the Problems panel, with quick fixes for orphaned annotations. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const collection = vscode.languages.createDiagnosticCollection('qcode');
  context.subscriptions.push(
    collection,
    host.onDidChange((loaded) => publish(collection, host, loaded?.project.problems ?? [])),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.annotations.yaml' }, new OrphanFixes(host), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

function publish(collection: vscode.DiagnosticCollection, host: ProjectHost, problems: readonly Problem[]): void {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const problem of problems) {
    const position = new vscode.Position(problem.line - 1, problem.column - 1);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), problem.message, SEVERITY[problem.severity]);
    diagnostic.source = 'qcode';
    diagnostic.code = problem.code;
    const list = byFile.get(problem.file) ?? [];
    list.push(diagnostic);
    byFile.set(problem.file, list);
  }
  collection.clear();
  collection.set([...byFile].map(([file, diagnostics]) => [host.files.uri(file), diagnostics]));
}

const ORPHAN_ID = /^Annotation ([0-9a-z]+) /;

/** Attach an orphan to the passage selected in the transcript, or remove it. */
class OrphanFixes implements vscode.CodeActionProvider {
  constructor(private readonly host: ProjectHost) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const transcriptPath = this.host.files.pathOf(document.uri)?.replace(/\.annotations\.yaml$/, '');
    if (!transcriptPath) return [];
    return context.diagnostics.filter((d) => d.source === 'qcode' && d.code === 'orphaned').flatMap((diagnostic) => {
      const id = ORPHAN_ID.exec(diagnostic.message)?.[1];
      if (!id) return [];
      const ref = { transcript: transcriptPath, id };
      const attach = new vscode.CodeAction(t('Attach to the passage selected in the transcript'), vscode.CodeActionKind.QuickFix);
      attach.command = { command: 'qcode.attachOrphan', title: attach.title, arguments: [ref] };
      attach.diagnostics = [diagnostic];
      const remove = new vscode.CodeAction(t('Remove the orphaned annotation'), vscode.CodeActionKind.QuickFix);
      remove.command = { command: 'qcode.removeAnnotation', title: remove.title, arguments: [ref] };
      remove.diagnostics = [diagnostic];
      return [attach, remove];
    });
  }
}
