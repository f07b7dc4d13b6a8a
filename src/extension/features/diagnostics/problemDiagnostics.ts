import * as vscode from 'vscode';
import type { Problem } from '../../../core/problems';
import type { ProjectHost } from '../../shared/host/projectHost';
import { textTranslator } from '../../shared/l10n/displayLanguage';

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
    const byFile = new Map<string, Problem[]>();
    for (const problem of problems) {
      const list = byFile.get(problem.file);
      if (list) list.push(problem);
      else byFile.set(problem.file, [problem]);
    }
    this.problems.clear();
    const translated = textTranslator();
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, found] of byFile) {
      const uri = host.files.uri(file);
      const name = uri.toString();
      const diagnostics = found.map((problem) => {
        const diagnostic = diagnosticOf(problem, translated(problem));
        this.problems.set(keyOf(name, diagnostic), problem);
        return diagnostic;
      });
      entries.push([uri, diagnostics]);
    }
    collection.clear();
    collection.set(entries);
  }

  problemOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Problem | undefined {
    return this.problems.get(keyOf(uri.toString(), diagnostic));
  }
}

function diagnosticOf(problem: Problem, text: string): vscode.Diagnostic {
  const position = new vscode.Position(problem.line - 1, problem.column - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(position, position.translate(0, 1)),
    text,
    SEVERITY[problem.severity],
  );
  diagnostic.source = 'qcode';
  diagnostic.code = problem.code;
  return diagnostic;
}

function keyOf(uri: string, diagnostic: vscode.Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${uri}#${line}:${character}:${String(diagnostic.code)}`;
}
