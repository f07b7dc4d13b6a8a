import * as vscode from 'vscode';
import { readChapters } from '../../../core/chapters/chapterFiles';
import { renderChapter } from '../../../core/chapters/renderChapter';
import type { Problem } from '../../../core/problems';
import { translatedText } from '../../shared/l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Broken references of the project's chapters in the Problems panel: those open in editors checked
 * again as they are typed, and all of them whenever the coding changes.
 */
export function chapterDiagnostics(chapters: ChapterContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('qcode-chapters');
  const check = (document: vscode.TextDocument) => {
    const path = chapters.chapterPath(document);
    const index = path === undefined ? undefined : chapters.index();
    if (path === undefined || !index) return collection.delete(document.uri);
    const { problems } = renderChapter(path, document.getText(), index);
    collection.set(
      document.uri,
      problems.map((p) => diagnosticOf(document, p)),
    );
  };
  const checkAll = async () => {
    const loaded = chapters.host.atHand;
    if (!loaded) return;
    const files = await readChapters(chapters.host.files, loaded.project.settings, []);
    const openChapters = vscode.workspace.textDocuments.filter((d) => chapters.chapterPath(d) !== undefined);
    // The index of every passage is made only for a project that has chapters.
    if (files.length === 0 && openChapters.length === 0) return collection.clear();
    const index = chapters.index();
    if (!index) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => chapters.host.files.pathOf(d.uri)));
    for (const file of files) {
      if (open.has(file.path)) continue;
      const { problems } = renderChapter(file.path, file.text, index);
      collection.set(
        chapters.host.files.uri(file.path),
        problems.map((p) => diagnosticAt(p, new vscode.Range(p.line - 1, p.column - 1, p.line - 1, p.column + 1))),
      );
    }
    openChapters.forEach(check);
  };
  void checkAll();
  return vscode.Disposable.from(
    collection,
    chapters.host.onDidChange(() => void checkAll()),
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument(() => void checkAll()),
  );
}

function diagnosticOf(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
  const start = new vscode.Position(problem.line - 1, problem.column - 1);
  const word = document.getWordRangeAtPosition(start, /\{\{[^}\n]*\}?\}?/);
  return diagnosticAt(problem, word ?? new vscode.Range(start, start.translate(0, 2)));
}

function diagnosticAt(problem: Problem, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, translatedText(problem), SEVERITY[problem.severity]);
  diagnostic.source = 'qcode';
  diagnostic.code = problem.code;
  return diagnostic;
}
