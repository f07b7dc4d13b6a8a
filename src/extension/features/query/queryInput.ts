import * as vscode from 'vscode';
import type { Project } from '../../../core/project/model';
import { queryProblems, type QueryProblem } from '../../../core/query';
import { t, translate } from '../../shared/l10n/displayLanguage';

/** What keeps a query from running (an error), or what it may not mean as written (a warning). */
export interface QueryRefusal {
  severity: 'error' | 'warning';
  /** 1-based, in the query's text. */
  column: number;
  message: string;
}

/** The first error of the query's text (a syntax error, an unknown concept), else its first warning. */
export function queryRefusal(text: string, project: Project): QueryRefusal | undefined {
  const problems = queryProblems(text, project);
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return (
    first && {
      severity: first.severity === 'error' ? 'error' : 'warning',
      column: first.column,
      message: describe(text, first),
    }
  );
}

/** "Column 16: …", with the words at that column when there are any. */
function describe(text: string, problem: QueryProblem): string {
  const at = text.slice(problem.column - 1, Math.max(problem.endColumn - 1, problem.column)).trim();
  const detail = translate(problem.detail);
  return at ? t('Column {0} ("{1}"): {2}', problem.column, at, detail) : t('Column {0}: {1}', problem.column, detail);
}

/**
 * Asks for a query, checking it as it is typed: a syntax error or unknown concept shows under the
 * box with its column, and Enter does not take it; a warning (a code that matches nobody) shows but
 * lets it run. Resolves to the query, or undefined when the box is closed.
 */
export function askForQuery(project: () => Project | undefined, value: string): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = t('Query Passages');
  box.prompt = t(
    'Concepts, informant=K3, role=…, coder=…, memo~"…", key; joined with and, or, not, overlapping, within-turn, near N, followed-by N.',
  );
  box.placeholder = 'koordinator.fallskjerm and role=tjenestemottaker';
  box.value = value;
  box.valueSelection = [0, value.length];
  box.ignoreFocusOut = true;
  const check = (text: string, accepting: boolean): QueryRefusal | undefined => {
    const loaded = project();
    const refusal = text.trim() === '' && !accepting ? undefined : loaded && queryRefusal(text, loaded);
    box.validationMessage = refusal && {
      message: refusal.message,
      severity:
        refusal.severity === 'error'
          ? vscode.InputBoxValidationSeverity.Error
          : vscode.InputBoxValidationSeverity.Warning,
    };
    return refusal;
  };
  if (value) check(value, false);
  return new Promise((resolve) => {
    box.onDidChangeValue((text) => check(text, false));
    box.onDidAccept(() => {
      if (check(box.value, true)?.severity === 'error') return;
      resolve(box.value.trim());
      box.hide();
    });
    box.onDidHide(() => {
      resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}
