import { englishText, type Message } from './messages';

export type Severity = 'error' | 'warning' | 'info';

/** Something wrong with a project file, located so that a person can go and fix it. */
export interface Problem {
  file: string;
  /** 1-based line and column (UTF-16 code units), as the editor's status bar shows them. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  /** In English, as the command line prints it. */
  message: string;
  /** The message to translate: its English text is `message`. */
  detail?: Message;
  /** The id of the annotation the problem is about, when it is about one. */
  annotation?: string;
}

/** A problem whose text is a translatable message; a plain string is kept as it is, untranslated. */
export function problem(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  code: string,
  text: Message | string,
): Problem {
  if (typeof text === 'string') return { file, line, column, severity, code, message: text };
  return { file, line, column, severity, code, message: englishText(text), detail: text };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
