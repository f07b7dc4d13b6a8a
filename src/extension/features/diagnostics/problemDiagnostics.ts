import * as vscode from 'vscode';
import type { Problem } from '../../../core/problems';
import type { ProjectHost } from '../../shared/host/projectHost';
import { translatedText } from '../../shared/l10n/displayLanguage';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * The problems as diagnostics in the display language, and the problem behind each diagnostic,
 * found again by file, place and code: a quick fix reads what it needs from the problem, never
 * from the diagnostic's text, which may be in any language.
 */
export class ProblemDiagnostics {
  private readonly problems = new Map<string, Problem>();

  publish(collection: vscode.DiagnosticCollection, host: ProjectHost, problems: readonly Problem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    this.problems.clear();
    for (const problem of problems) {
      const uri = host.files.uri(problem.file);
      const diagnostic = diagnosticOf(problem);
      this.problems.set(keyOf(uri, diagnostic), problem);
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    collection.clear();
    collection.set([...byFile].map(([file, diagnostics]) => [host.files.uri(file), diagnostics]));
  }

  problemOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Problem | undefined {
    return this.problems.get(keyOf(uri, diagnostic));
  }
}

function diagnosticOf(problem: Problem): vscode.Diagnostic {
  const position = new vscode.Position(problem.line - 1, problem.column - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(position, position.translate(0, 1)),
    translatedText(problem),
    SEVERITY[problem.severity],
  );
  diagnostic.source = 'qcode';
  diagnostic.code = problem.code;
  return diagnostic;
}

function keyOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${uri.toString()}#${line}:${character}:${String(diagnostic.code)}`;
}
