export type Severity = 'error' | 'warning' | 'info';

/** Something wrong with a project file, located so that a person can go and fix it. */
export interface Problem {
  file: string;
  /** 1-based line and column (UTF-16 code units), as the editor's status bar shows them. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

export function problem(file: string, line: number, column: number, severity: Severity, code: string, message: string): Problem {
  return { file, line, column, severity, code, message };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
