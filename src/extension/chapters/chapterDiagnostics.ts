import * as vscode from 'vscode';
import { renderChapter } from '../../core/chapters/renderChapter';
import type { Problem } from '../../core/problems';
import { translatedText } from '../l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Broken references of the chapters open in editors, in the Problems panel: checked again as the
 * chapter is typed and whenever the coding changes.
 */
export function chapterDiagnostics(chapters: ChapterContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('qcode-chapters');
  const check = (document: vscode.TextDocument) => {
    const path = chapters.chapterPath(document);
    const index = chapters.index();
    if (path === undefined || !index) return collection.delete(document.uri);
    const { problems } = renderChapter(path, document.getText(), index);
    collection.set(document.uri, problems.map((p) => diagnosticOf(document, p)));
  };
  const checkAll = () => vscode.workspace.textDocuments.forEach(check);
  checkAll();
  return vscode.Disposable.from(
    collection,
    chapters.host.onDidChange(checkAll),
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
}

function diagnosticOf(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
  const start = new vscode.Position(problem.line - 1, problem.column - 1);
  const word = document.getWordRangeAtPosition(start, /\{\{[^}\n]*\}?\}?/);
  const diagnostic = new vscode.Diagnostic(word ?? new vscode.Range(start, start.translate(0, 2)), translatedText(problem), SEVERITY[problem.severity]);
  diagnostic.source = 'qcode';
  diagnostic.code = problem.code;
  return diagnostic;
}
