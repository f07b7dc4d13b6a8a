import * as vscode from 'vscode';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { ProjectHost } from '../../shared/host/projectHost';
import { QueryView } from './queryView';
import { ResultsTree, type ResultNode } from './resultsTree';

/**
 * Coding queries in the editor: *Query Passages…* asks for a query (checked as it is typed) and
 * lists its passages in the Query Results view, by transcript or informant, as the coder filter
 * shows them; the view lists the saved queries of qcode.yaml, and *Save Query…* and *Delete Saved
 * Query* write them there. Scripts pass the query (`qcode.queryPassages`, "koordinator and key"),
 * a name (`qcode.runSavedQuery`, `qcode.deleteSavedQuery`) or both (`qcode.saveQuery`,
 * { name, expression }); the commands return what the view then shows.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost, filter: CoderFilter): void {
  const tree = new ResultsTree(host);
  const view = vscode.window.createTreeView('qcode.queryResults', { treeDataProvider: tree, showCollapseAll: true });
  const queries = new QueryView(host, filter, tree, view);
  context.subscriptions.push(
    view,
    queries,
    vscode.commands.registerCommand('qcode.queryPassages', (arg?: unknown) => queries.ask(textArg(arg, 'expression'))),
    vscode.commands.registerCommand('qcode.runSavedQuery', (arg?: unknown) => queries.runSaved(nameArg(arg))),
    vscode.commands.registerCommand('qcode.saveQuery', (arg?: unknown) =>
      queries.save({ name: textArg(arg, 'name'), expression: textArg(arg, 'expression') }),
    ),
    vscode.commands.registerCommand('qcode.deleteSavedQuery', (arg?: unknown) => queries.delete(nameArg(arg))),
    vscode.commands.registerCommand('qcode.queryGroupByInformant', () => queries.group('informant')),
    vscode.commands.registerCommand('qcode.queryGroupByTranscript', () => queries.group('transcript')),
  );
}

/** A text given as the argument itself, or as one of its fields. */
function textArg(arg: unknown, field: string): string | undefined {
  if (typeof arg === 'string') return field === 'expression' ? arg : undefined;
  const value = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A saved query's name, given as text or as its row in the view. */
function nameArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as ResultNode | undefined;
  return node?.kind === 'saved' ? node.query.name : undefined;
}
