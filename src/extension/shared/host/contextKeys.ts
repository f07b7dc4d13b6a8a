import * as vscode from 'vscode';

/** The context keys qcode sets for the `when` clauses in package.json, with their types. */
export interface ContextKeys {
  /** The whole project has loaded; until then the views say that it is loading. */
  'qcode.projectLoaded': boolean;
  /** The project has its codebook file. */
  'qcode.hasCodebook': boolean;
  /** The active editor shows a transcript of the project (its annotations are shown and it can be tagged). */
  'qcode.isTranscript': boolean;
  /** The cursor is in an annotated passage (its actions are in the editor's context menu). */
  'qcode.inPassage': boolean;
  /** The Memos view shows only the memos that match a search (its title offers to clear it). */
  'qcode.memosFiltered': boolean;
  /** Undo Coding has something to undo. */
  'qcode.canUndoCoding': boolean;
  /** Redo Coding has something to redo. */
  'qcode.canRedoCoding': boolean;
  /** The views, hovers and decorations show only some coders' annotations. */
  'qcode.coderFiltered': boolean;
  /** The Query Results view groups its passages by informant (its title offers to group them by transcript). */
  'qcode.queryGroupedByInformant': boolean;
}

const values: Partial<ContextKeys> = {};

/** Sets a context key, unless it has that value already; resolves when VS Code has it. */
export function setContextKey<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  if (values[key] === value) return Promise.resolve();
  values[key] = value;
  return vscode.commands.executeCommand('setContext', key, value);
}

/** The values qcode has given its context keys (for the tests and the benchmark). */
export function contextKeys(): Readonly<Partial<ContextKeys>> {
  return { ...values };
}
